// npm run verify:soak -- --runs N [--jobs N] [--provider …] [<id|area>…] [--write]
// Runs the proof suite N times on the same cluster and prints which proofs failed at least once, how often
// and at which step. Each run's JSON report (every failure with its diagnostics) is kept in --out (default
// test-output/soak/). Transcripts are written only with --write (then the last run's outcome is what stays).
import { spawn } from "node:child_process";
import { mkdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { RunReport } from "./report.ts";
import { soakTable } from "./soak-table.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: "string", default: "5" },
    jobs: { type: "string", default: "4" },
    provider: { type: "string" },
    out: { type: "string", default: "test-output/soak" },
    write: { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`error: --runs takes a whole number ≥ 1, not "${values.runs}"`);
  process.exit(2);
}
const out = resolve(values.out);
await mkdir(out, { recursive: true });
const cli = join(import.meta.dirname, "cli.ts");
const stamp = new Date().toISOString().replace(/[:.]/g, "-");

const reports: RunReport[] = [];
let child: ReturnType<typeof spawn> | undefined;
// The suite runs in a process group of its own, so a terminal's Ctrl-C reaches it once, through here (twice
// would make it exit without its cleanups). It cleans up; this stops, and the interrupted run is not counted.
let stopped = false;
const forward = (signal: NodeJS.Signals) => {
  stopped = true;
  child?.kill(signal);
};
process.on("SIGINT", () => forward("SIGINT"));
process.on("SIGTERM", () => forward("SIGTERM"));

for (let i = 1; i <= runs && !stopped; i++) {
  const file = join(out, `${stamp}-run-${i}.json`);
  const args = [cli, ...positionals, "--jobs", values.jobs, "--report", `json=${file}`, ...(values.provider ? ["--provider", values.provider] : []), ...(values.write ? [] : ["--no-write"])];
  const t0 = Date.now();
  console.log(`\n=== soak run ${i} of ${runs} ===`);
  const code = await new Promise<number | null>((done) => {
    child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"], detached: true });
    // Only the verdict lines: PASS/FAIL/skip per proof and the closing count.
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (/^(PASS|FAIL|skip|\d+ passed)/.test(line)) console.log(line);
    });
    child.on("close", done);
  });
  if (stopped) {
    console.log(`run ${i} was interrupted (exit ${code}); it is not counted`);
    break;
  }
  try {
    reports.push(JSON.parse(await readFile(file, "utf8")) as RunReport);
  } catch {
    console.log(`run ${i} wrote no report (exit ${code}); stopping`);
    break;
  }
  console.log(`run ${i}: exit ${code}, ${Math.round((Date.now() - t0) / 1000)}s, report ${file}`);
}

console.log(`\n${soakTable(reports)}`);
const failedRuns = reports.filter((r) => r.entries.some((e) => e.status === "failed")).length;
console.log(`${reports.length - failedRuns} passed, ${failedRuns} failed`);
process.exitCode = failedRuns || stopped ? 1 : 0;
