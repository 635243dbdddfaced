// The soak table: across N runs of the proof suite, which proofs failed at least once, how often, and where.
import type { RunReport } from "./report.ts";

export interface SoakRow {
  id: string;
  failures: number;
  runs: number;
  /** Each distinct place it failed, with how often: "step 10: `kubectl get pod low` … (2×)". */
  where: string[];
}

const firstLine = (s: string) => s.split("\n")[0] ?? "";

/** Proofs that failed in at least one run, most failures first. A proof skipped in a run does not count as run. */
export function soakRows(reports: RunReport[]): SoakRow[] {
  const byId = new Map<string, { failures: number; runs: number; where: Map<string, number> }>();
  for (const report of reports) {
    for (const e of report.entries) {
      if (e.status === "skipped") continue;
      const row = byId.get(e.id) ?? { failures: 0, runs: 0, where: new Map<string, number>() };
      row.runs++;
      if (e.status === "failed") {
        row.failures++;
        const place = firstLine(e.run?.failure?.message ?? e.reason ?? "no failure message");
        const short = place.length > 160 ? `${place.slice(0, 157)}…` : place;
        row.where.set(short, (row.where.get(short) ?? 0) + 1);
      }
      byId.set(e.id, row);
    }
  }
  return [...byId]
    .filter(([, r]) => r.failures > 0)
    .map(([id, r]) => ({ id, failures: r.failures, runs: r.runs, where: [...r.where].map(([w, n]) => (n > 1 ? `${w} (${n}×)` : w)) }))
    .sort((a, b) => b.failures / b.runs - a.failures / a.runs || a.id.localeCompare(b.id));
}

/** The table as text: one line per flaky proof with its failure rate, then where it failed, indented. */
export function soakTable(reports: RunReport[]): string {
  const rows = soakRows(reports);
  const suites = reports.length;
  const head = `${suites} run(s) of the suite on ${[...new Set(reports.map((r) => `${r.kubernetes} (${r.provider})`))].join(", ") || "no cluster"}`;
  if (!rows.length) return `${head}: no proof failed`;
  const width = Math.max(...rows.map((r) => r.id.length), "proof".length);
  const lines = [head, `${"proof".padEnd(width)}  failed  rate`];
  for (const r of rows) {
    lines.push(`${r.id.padEnd(width)}  ${`${r.failures}/${r.runs}`.padStart(6)}  ${`${Math.round((100 * r.failures) / r.runs)}%`.padStart(4)}`);
    for (const w of r.where) lines.push(`${" ".repeat(width + 2)}${w}`);
  }
  return lines.join("\n");
}
