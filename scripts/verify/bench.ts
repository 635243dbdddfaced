// npm run bench:proofs [-- <id|area>…] [--jobs N]
// Runs the proofs twice on the current cluster — one at a time, then N at a time — into a scratch folder
// (the committed transcripts are untouched) and prints suite wall time for both, each proof's time,
// and the share of time spent waiting on the cluster (polled steps) rather than running commands.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { listExampleIds, selectIds } from "./examples.ts";
import { readTranscript } from "./transcript.ts";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { jobs: { type: "string", default: "3" }, provider: { type: "string" } } });
const ids = selectIds(listExampleIds(), positionals);
const cli = join(import.meta.dirname, "cli.ts");

function runSuite(jobs: number, dir: string): Promise<number> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const args = [cli, ...positionals, "--jobs", String(jobs), "--transcripts", dir, ...(values.provider ? ["--provider", values.provider] : [])];
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
    child.on("close", () => resolve((Date.now() - t0) / 1000));
  });
}

const serialDir = await mkdtemp(join(tmpdir(), "k8s-proven-bench-"));
const parallelDir = await mkdtemp(join(tmpdir(), "k8s-proven-bench-"));
const jobs = Number(values.jobs);
const serial = await runSuite(1, serialDir);
const parallel = await runSuite(jobs, parallelDir);

let total = 0;
let waiting = 0;
const rows: string[] = [];
for (const id of ids) {
  const run = (await readTranscript(id, serialDir))?.runs[0];
  if (!run) {
    rows.push(`${id.padEnd(64)} skipped`);
    continue;
  }
  // Waiting: polled steps, and commands whose job is to wait (kubectl wait, rollout status).
  const polled = run.steps.reduce(
    (s, st) => s + (st.polled ? st.polled.seconds : /kubectl (wait|rollout status)\b/.test(st.command) ? (st.seconds ?? 0) : 0),
    0,
  );
  total += run.seconds;
  waiting += polled;
  rows.push(`${id.padEnd(64)} ${String(run.seconds).padStart(4)} s  (waiting ${polled.toFixed(1)} s)${run.result === "failed" ? "  FAILED" : ""}`);
}
console.log(rows.join("\n"));
console.log(`\n${ids.length} proofs`);
console.log(`suite, 1 at a time:       ${serial.toFixed(0)} s`);
console.log(`suite, ${jobs} at a time:       ${parallel.toFixed(0)} s`);
console.log(`waiting on the cluster:   ${total ? ((100 * waiting) / total).toFixed(0) : 0}% of proof time (polled steps, kubectl wait, rollout status)`);
await rm(serialDir, { recursive: true, force: true });
await rm(parallelDir, { recursive: true, force: true });
