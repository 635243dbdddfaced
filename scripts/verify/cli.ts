// npm run verify [-- <id|area>…] [--provider local|kind|existing] [--context NAME] [--jobs N]
// Runs proofs on a real cluster and writes their transcripts to content/proofs/.
import { rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { spawnSync } from "node:child_process";
import type { ProviderName } from "../cluster/provider.ts";
import { chooseProvider } from "../cluster/choose-provider.ts";
import { connect, targetEnv } from "./cluster.ts";
import { examplesDir, listExampleIds, selectIds } from "./examples.ts";
import { activeNamespaces, runProof, waitForDeletedNamespaces } from "./run.ts";
import { mergeRun, readTranscript, transcriptsDir, writeTranscript } from "./transcript.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    provider: { type: "string" },
    context: { type: "string" },
    jobs: { type: "string", default: "2" },
    list: { type: "boolean", default: false },
    examples: { type: "string" },
    transcripts: { type: "string" },
    "no-write": { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(2);
}

const root = values.examples ? resolve(values.examples) : examplesDir;
const outDir = values.transcripts ? resolve(values.transcripts) : transcriptsDir;
let ids: string[];
try {
  ids = selectIds(listExampleIds(root), positionals);
} catch (e) {
  fail((e as Error).message);
}
if (values.list) {
  console.log(ids.join("\n"));
  process.exit(0);
}
const jobs = Number(values.jobs);
if (!Number.isInteger(jobs) || jobs < 1) fail(`--jobs takes a whole number ≥ 1, not "${values.jobs}"`);
let providerName: ProviderName;
try {
  providerName = values.context && !values.provider ? "existing" : await chooseProvider(values.provider);
} catch (e) {
  fail((e as Error).message);
}

const target = await connect(providerName, values.context).catch((e: Error) => fail(e.message));
// The admin kubeconfig copy lives in a temporary directory of its own: gone when this process ends, however it ends.
process.once("exit", () => rmSync(dirname(target.kubeconfig), { recursive: true, force: true }));
console.log(`verifying ${ids.length} proof(s) on Kubernetes ${target.kubernetes} (${target.provider}), ${jobs} at a time`);
console.log(`cluster capabilities: ${[...target.capabilities].join(", ") || "none detected"}`);

// Ctrl-C: delete the namespaces of proofs in flight before exiting, so nothing is left running.
process.once("SIGINT", () => {
  for (const ns of activeNamespaces) {
    spawnSync("kubectl", ["delete", "namespace", ns, "--wait=false"], { env: targetEnv(target), stdio: "ignore" });
  }
  console.error(`\ninterrupted: deleted namespace(s) ${[...activeNamespaces].join(", ") || "(none)"}`);
  process.exit(130);
});

const counts = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];
// Longest first (by the last recorded run), so a slow proof does not start last and stretch the run.
const lastSeconds = new Map<string, number>();
for (const id of ids) lastSeconds.set(id, (await readTranscript(id, outDir))?.runs[0]?.seconds ?? 0);
const queue = [...ids].sort((a, b) => lastSeconds.get(b)! - lastSeconds.get(a)!);
const started = Date.now();

async function worker(): Promise<void> {
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const outcome = await runProof(id, target, (line) => console.log(line), root).catch(
      (e: Error) => ({ status: "crashed" as const, reason: e.message }),
    );
    if (outcome.status === "skipped") {
      counts.skipped++;
      console.log(`skip ${id}: ${outcome.reason}`);
      continue;
    }
    if (outcome.status === "crashed") {
      counts.failed++;
      failures.push(`${id}: the runner could not run it: ${outcome.reason}`);
      console.log(`FAIL ${id}: ${outcome.reason}`);
      continue;
    }
    counts[outcome.status]++;
    if (!values["no-write"]) {
      const merged = mergeRun(await readTranscript(id, outDir), outcome.transcript, outcome.run);
      await writeTranscript(merged, outDir);
    }
    if (outcome.status === "passed") {
      console.log(`PASS ${id} (${outcome.run.seconds}s)`);
    } else {
      const f = outcome.run.failure!;
      failures.push(`${id}\n  ${f.message}\n${f.diagnostics.replace(/^/gm, "  | ")}`);
      console.log(`FAIL ${id} (${outcome.run.seconds}s)`);
    }
  }
}

await Promise.all(Array.from({ length: Math.min(jobs, ids.length || 1) }, worker));
const leftover = await waitForDeletedNamespaces(target);
if (leftover) {
  counts.failed++;
  failures.push(`namespaces of this run were not deleted within 300s: ${leftover}`);
}
for (const f of failures) console.error(`\nFAILED ${f}`);
console.log(`\nverified on Kubernetes ${target.kubernetes} (${target.provider}) in ${Math.round((Date.now() - started) / 1000)}s`);
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exitCode = counts.failed ? 1 : 0;
