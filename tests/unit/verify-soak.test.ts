// The soak table: flaky proofs with their failure rate and where they failed, from the runs' JSON reports.
import { describe, expect, it } from "vitest";
import type { ReportEntry, RunReport } from "../../scripts/verify/report.ts";
import { soakRows, soakTable } from "../../scripts/verify/soak-table.ts";
import type { TranscriptRun } from "../../scripts/verify/transcript.ts";

const title = { en: "t", "zh-cn": "t" };
const failedRun = (message: string): TranscriptRun => ({
  kubernetes: "v1.37.2",
  provider: "local",
  date: "2026-12-04T18:00:00.000Z",
  exampleHash: "0".repeat(64),
  seconds: 9,
  result: "failed",
  steps: [],
  failure: { step: 9, message, diagnostics: "events…" },
});
const report = (entries: ReportEntry[]): RunReport => ({ provider: "local", kubernetes: "v1.37.2", started: "2026-12-04T18:00:00.000Z", seconds: 300, capabilities: [], entries });
const pass = (id: string): ReportEntry => ({ id, title, status: "passed" });
const fail = (id: string, message: string): ReportEntry => ({ id, title, status: "failed", run: failedRun(message) });

describe("soak table", () => {
  const preempt = 'step 10: `kubectl get pod low` expected a non-zero exit status\nand more';
  const reports = [
    report([pass("a/steady"), fail("rm/priority-preemption", preempt), { id: "n/policy", title, status: "skipped", reason: "needs network-policy" }]),
    report([pass("a/steady"), fail("rm/priority-preemption", preempt), fail("env/exec", "step 4: exit status 137")]),
    report([pass("a/steady"), pass("rm/priority-preemption"), pass("env/exec"), { id: "x/crash", title, status: "failed", reason: "the runner could not run it: boom" }]),
  ];

  it("counts failures against the runs a proof really ran, most often failing first", () => {
    expect(soakRows(reports)).toEqual([
      { id: "x/crash", failures: 1, runs: 1, where: ["the runner could not run it: boom"] },
      { id: "rm/priority-preemption", failures: 2, runs: 3, where: ["step 10: `kubectl get pod low` expected a non-zero exit status (2×)"] },
      { id: "env/exec", failures: 1, runs: 2, where: ["step 4: exit status 137"] },
    ]);
  });

  it("prints one line per flaky proof with its rate, then where it failed", () => {
    expect(soakTable(reports).split("\n")).toEqual([
      "3 run(s) of the suite on v1.37.2 (local)",
      "proof                   failed  rate",
      "x/crash                    1/1  100%",
      "                        the runner could not run it: boom",
      "rm/priority-preemption     2/3   67%",
      "                        step 10: `kubectl get pod low` expected a non-zero exit status (2×)",
      "env/exec                   1/2   50%",
      "                        step 4: exit status 137",
    ]);
    expect(soakTable([report([pass("a/steady")])])).toBe("1 run(s) of the suite on v1.37.2 (local): no proof failed");
  });
});
