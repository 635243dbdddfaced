// Replay re-checks a recorded run against its proof without a cluster: a hand-edited output, a check tightened
// (or loosened) since the run, and a proof that no longer issues the recorded commands must all be caught.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { $ } from "zx";
import { defineProof, that, type ProofDefinition } from "../../scripts/verify/proof.ts";
import { replayRun } from "../../scripts/verify/replay.ts";
import type { TranscriptRun } from "../../scripts/verify/transcript.ts";

const restarted = that({ en: "restartCount is 1", "zh-cn": "restartCount 为 1" }, (out) => out === "1");
const proof = (count = restarted, extra?: string): ProofDefinition =>
  defineProof({
    title: { en: "t", "zh-cn": "t" },
    async run(p) {
      const uid = await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid}'", { expect: /^[0-9a-f-]{36}$/ });
      await p.step(`kubectl get pod demo -o jsonpath='{.metadata.uid} {.status.containerStatuses[0].restartCount}'`, {
        until: true,
        expect: that({ en: "same UID, restartCount is 1", "zh-cn": "UID 不变，restartCount 为 1" }, (out) => out === `${uid.output} 1`),
      });
      await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount}'", { expect: count });
      if (extra) await p.step(extra);
    },
  });

const uid = "3f1c2a9e-0000-4000-8000-000000000001";
const recorded = (): TranscriptRun => ({
  kubernetes: "v1.37.2",
  provider: "local",
  date: "2026-12-04T17:00:00.000Z",
  exampleHash: "0".repeat(64),
  seconds: 10,
  result: "passed",
  steps: [
    { command: "kubectl get pod demo -o jsonpath='{.metadata.uid}'", output: uid, exitCode: 0, pass: true, seconds: 0.2, checked: { exit: [0], output: { matches: "/^[0-9a-f-]{36}$/" } } },
    {
      command: "kubectl get pod demo -o jsonpath='{.metadata.uid} {.status.containerStatuses[0].restartCount}'",
      output: `${uid} 1`,
      exitCode: 0,
      pass: true,
      seconds: 6,
      polled: { attempts: 4, seconds: 6 },
      checked: { exit: [0], output: { says: { en: "same UID, restartCount is 1", "zh-cn": "UID 不变，restartCount 为 1" } }, within: 90 },
    },
    {
      command: "kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount}'",
      output: "1",
      exitCode: 0,
      pass: true,
      seconds: 0.2,
      checked: { exit: [0], output: { says: { en: "restartCount is 1", "zh-cn": "restartCount 为 1" } } },
    },
  ],
});

describe("replayRun", () => {
  it("agrees with an untouched recording, values flowing from step to step as they did", async () => {
    expect(await replayRun("demo/x", proof(), recorded())).toEqual([]);
  });

  it("catches an output edited by hand", async () => {
    const run = recorded();
    run.steps[1]!.output = `${uid} 2`;
    expect(await replayRun("demo/x", proof(), run)).toEqual([
      "step 2 `kubectl get pod demo -o jsonpath='{.metadata.uid} {.status.containerStatuses[0].restartCount}'`: the recorded output does not pass its check (exit status 0 and output of which it holds that same UID, restartCount is 1 within 90s): it does not hold that same UID, restartCount is 1",
    ]);
  });

  it("catches a check tightened since the run, and one loosened", async () => {
    const tighter = that({ en: "restartCount is 2", "zh-cn": "restartCount 为 2" }, (out) => out === "2");
    const [changed, fails] = await replayRun("demo/x", proof(tighter), recorded());
    expect(changed).toMatch(/^step 3 .*: the check changed since the run was recorded: recorded exit status 0 and output of which it holds that restartCount is 1, now exit status 0 and output of which it holds that restartCount is 2$/);
    expect(fails).toMatch(/^step 3 .*: the recorded output does not pass its check .*: it does not hold that restartCount is 2$/);
    const looser = that({ en: "restartCount is a number", "zh-cn": "restartCount 是数字" }, (out) => /^\d+$/.test(out));
    expect(await replayRun("demo/x", proof(looser), recorded())).toEqual([
      expect.stringMatching(/^step 3 .*: the check changed since the run was recorded: recorded .*restartCount is 1, now .*restartCount is a number$/),
    ]);
  });

  it("catches a proof that now runs other or more commands", async () => {
    expect(await replayRun("demo/x", proof(restarted, "kubectl delete pod demo"), recorded())).toEqual([
      "step 4: the proof runs `kubectl delete pod demo`, but the transcript ends after step 3",
    ]);
    const run = recorded();
    run.steps[0]!.command = "kubectl get pod demo -o name";
    expect((await replayRun("demo/x", proof(), run))[0]).toBe(
      "step 1: the proof runs `kubectl get pod demo -o jsonpath='{.metadata.uid}'`, the transcript recorded `kubectl get pod demo -o name`",
    );
  });

  it("wants a failed run to fail where it was recorded failing", async () => {
    const run = { ...recorded(), result: "failed" as const, failure: { step: 2, message: "x", diagnostics: "" } };
    expect(await replayRun("demo/x", proof(), run)).toEqual(["recorded as failed at step 3, but every step passes on replay"]);
  });
});

describe("npm run replay", () => {
  it("names the transcript file and the step of a tampered fixture, and exits 1", async () => {
    const root = join(import.meta.dirname, "..", "..");
    const r = await $({ cwd: root, nothrow: true, quiet: true })`${process.execPath} scripts/verify/replay-cli.ts --examples tests/fixtures/replay/examples --transcripts tests/fixtures/replay/transcripts`;
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain("DIFFERS tests/fixtures/replay/transcripts/demo/restart.json, run on v1.37.2 (local)");
    expect(r.stdout).toContain("step 2 `kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount}'`: the recorded output does not pass its check");
    expect(r.stdout.trim().split("\n").at(-1)).toBe("0 passed, 1 failed");
  });
});
