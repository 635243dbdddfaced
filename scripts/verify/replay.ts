// Replay: a recorded run re-checked without a cluster. The proof's own run() is driven with the recorded
// outputs instead of a shell: it must issue the same commands in the same order, check the same things, and
// every check must come out as it did on the cluster. A hand-edited output, a check changed since the run,
// or a proof that no longer issues the recorded commands is reported with the step and what differs.
import { isDeepStrictEqual } from "node:util";
import { namespaceFor } from "./examples.ts";
import { assertedOutput, describeCheck, evaluate, stepCheck } from "./check.ts";
import type { ProofContext, ProofDefinition } from "./proof.ts";
import type { TranscriptRun } from "./transcript.ts";

class Stop extends Error {}

const quote = (command: string) => `\`${command.length > 200 ? `${command.slice(0, 197)}…` : command}\``;

/** What is wrong with a recorded run as its proof now reads; empty when replay agrees with the recording. */
export async function replayRun(id: string, proof: ProofDefinition, run: TranscriptRun): Promise<string[]> {
  const problems: string[] = [];
  // A manifest rejected by the dry-run: no step ran, so there is nothing to re-check but the message.
  if (run.failure?.step === -1) return run.steps.length ? ["a run that failed before its first step records steps"] : [];
  let index = 0;
  const ctx: ProofContext = {
    namespace: namespaceFor(id),
    cleanup: () => {},
    async step(command, options = {}) {
      const n = ++index;
      const rec = run.steps[n - 1];
      if (!rec) {
        problems.push(`step ${n}: the proof runs ${quote(command)}, but the transcript ends after step ${run.steps.length}`);
        throw new Stop();
      }
      if (rec.command !== command) {
        problems.push(`step ${n}: the proof runs ${quote(command)}, the transcript recorded ${quote(rec.command)}`);
        throw new Stop();
      }
      const check = stepCheck(options);
      if (!isDeepStrictEqual(rec.checked, check)) {
        problems.push(`step ${n} ${quote(command)}: the check changed since the run was recorded: recorded ${rec.checked ? describeCheck(rec.checked) : "none"}, now ${describeCheck(check)}`);
      }
      const verdict = rec.timedOut
        ? { pass: false, problem: "it timed out" }
        : evaluate({ output: rec.output, exitCode: rec.exitCode, seconds: rec.seconds ?? 0 }, options);
      if (rec.pass && !verdict.pass) {
        problems.push(`step ${n} ${quote(command)}: the recorded output does not pass its check (${describeCheck(check)}): ${verdict.problem}`);
      } else if (!rec.pass && verdict.pass) {
        problems.push(`step ${n} ${quote(command)}: recorded as failed, but its check holds of the recorded output`);
      }
      if (!verdict.pass || !rec.pass) throw new Stop();
      return { output: assertedOutput(rec.output), exitCode: rec.exitCode };
    },
  };
  let stoppedAt: number | undefined;
  try {
    await proof.run(ctx);
  } catch (e) {
    if (!(e instanceof Stop)) {
      problems.push(`after step ${index}: the proof threw on the recorded outputs: ${e instanceof Error ? e.message : String(e)}`);
    }
    stoppedAt = index;
  }
  if (run.result === "passed") {
    if (stoppedAt === undefined && index < run.steps.length) {
      problems.push(`the transcript records ${run.steps.length} steps, the proof now runs ${index}`);
    }
  } else if (stoppedAt === undefined && !problems.length && (run.failure?.step ?? 0) < run.steps.length) {
    // A failure after the last step (a cleanup, the time budget) leaves every step passing.
    problems.push(`recorded as failed${run.failure ? ` at step ${run.failure.step + 1}` : ""}, but every step passes on replay`);
  }
  return problems;
}
