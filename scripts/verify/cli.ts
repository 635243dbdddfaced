// npm run verify [-- <id|area>…] [--provider local|kind|existing] [--context NAME] [--jobs N]
//                [--report junit=FILE,json=FILE,html=FILE] [--no-write]
// Runs proofs on a real cluster and writes their transcripts to content/proofs/. Ctrl-C or SIGTERM ends the
// running commands, runs every started proof's cleanups, deletes its namespace and records nothing.
import { rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { ProviderName } from "../cluster/provider.ts";
import { getProvider } from "../cluster/providers.ts";
import { chooseProvider } from "../cluster/choose-provider.ts";
import { connect, targetEnv } from "./cluster.ts";
import { examplesDir, listExampleIds, selectIds } from "./examples.ts";
import { loadProof } from "./load.ts";
import { findLeftovers } from "./leftovers.ts";
import { parseReportOption, writeReports, type ReportEntry } from "./report.ts";
import { runProof, waitForDeletedNamespaces } from "./run.ts";
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
    report: { type: "string" },
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
let reports: ReturnType<typeof parseReportOption> = {};
try {
  if (values.report !== undefined) reports = parseReportOption(values.report);
} catch (e) {
  fail((e as Error).message);
}
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
console.log(`kubectl ${target.kubectl.version} (${target.kubectl.path})`);
console.log(`cluster capabilities: ${[...target.capabilities].join(", ") || "none detected"}`);

// Ctrl-C / SIGTERM: stop taking proofs, end the running commands (their process groups), and let every
// started proof run its cleanups and delete its namespace. A second signal exits at once.
const interrupt = new AbortController();
let exitCodeOnSignal = 0;
const onSignal = (signal: NodeJS.Signals) => {
  if (interrupt.signal.aborted) {
    console.error(`\n${signal} again: exiting without waiting for cleanups`);
    process.exit(exitCodeOnSignal);
  }
  exitCodeOnSignal = signal === "SIGINT" ? 130 : 143;
  console.error(`\n${signal}: ending the running commands, then running the started proofs' cleanups`);
  interrupt.abort();
  queue.length = 0;
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

const counts = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];
const entries: ReportEntry[] = [];
// Longest first (by the last recorded run), so a slow proof does not start last and stretch the run.
const lastSeconds = new Map<string, number>();
for (const id of ids) lastSeconds.set(id, (await readTranscript(id, outDir))?.runs[0]?.seconds ?? 0);
const longestFirst = (a: string, b: string) => lastSeconds.get(b)! - lastSeconds.get(a)!;
// Exclusive proofs wait until the parallel ones are done, then run one at a time (ProofDefinition.exclusive).
const exclusive = new Set<string>();
for (const id of ids) if ((await loadProof(id, root).catch(() => undefined))?.exclusive) exclusive.add(id);
const queue = ids.filter((id) => !exclusive.has(id)).sort(longestFirst);
const started = Date.now();
const startedAt = new Date().toISOString();

async function worker(): Promise<void> {
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const outcome = await runProof(id, target, (line) => console.log(line), root, { signal: interrupt.signal }).catch(
      (e: Error) => ({ status: "crashed" as const, reason: e.message }),
    );
    if (outcome.status === "interrupted") {
      for (const p of outcome.cleanupProblems) failures.push(`${id} (interrupted): ${p}`);
      console.log(`stopped ${id}: interrupted${outcome.cleanupProblems.length ? ", a cleanup failed" : ", cleaned up"}`);
      continue;
    }
    if (outcome.status === "skipped") {
      counts.skipped++;
      entries.push({ id, title: { en: id, "zh-cn": id }, status: "skipped", reason: outcome.reason });
      console.log(`skip ${id}: ${outcome.reason}`);
      continue;
    }
    if (outcome.status === "crashed") {
      counts.failed++;
      failures.push(`${id}: the runner could not run it: ${outcome.reason}`);
      entries.push({ id, title: { en: id, "zh-cn": id }, status: "failed", reason: `the runner could not run it: ${outcome.reason}` });
      console.log(`FAIL ${id}: ${outcome.reason}`);
      continue;
    }
    counts[outcome.status]++;
    entries.push({ id, title: outcome.transcript.title, status: outcome.status, seconds: outcome.run.seconds, run: outcome.run });
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

await Promise.all(Array.from({ length: Math.min(jobs, queue.length || 1) }, worker));
// Alone means after the parallel proofs' namespaces are gone too: deleting their Pods needs the kubelet.
const leftoverBefore = !interrupt.signal.aborted && exclusive.size ? await waitForDeletedNamespaces(target) : undefined;
if (!interrupt.signal.aborted && exclusive.size) {
  console.log(`running ${exclusive.size} exclusive proof(s) alone: ${[...exclusive].join(", ")}`);
  queue.push(...[...exclusive].sort(longestFirst));
  await worker();
}
const leftover = [leftoverBefore, await waitForDeletedNamespaces(target)].filter(Boolean).join("\n") || undefined;
if (leftover) {
  counts.failed++;
  failures.push(`namespaces of this run were not deleted within 300s: ${leftover}`);
}
// What the proofs made outside their namespaces, their host processes, their Pods' mounts: nothing may remain.
const left = await findLeftovers({ env: targetEnv(target), ids, kubeletRoot: getProvider(target.provider).kubeletRootOnHost }).catch(
  (e: Error) => [`the leftover check could not run: ${e.message}`],
);
if (left.length) {
  counts.failed++;
  failures.push(`left behind after the run:\n${left.map((l) => `  ${l}`).join("\n")}`);
}
for (const f of failures) console.error(`\nFAILED ${f}`);
if (Object.keys(reports).length) {
  const written = await writeReports(reports, {
    provider: target.provider,
    kubernetes: target.kubernetes,
    started: startedAt,
    seconds: Math.round((Date.now() - started) / 1000),
    capabilities: [...target.capabilities],
    entries: entries.sort((a, b) => a.id.localeCompare(b.id)),
  });
  console.log(`reports: ${written.join(", ")}`);
}
console.log(`\nverified on Kubernetes ${target.kubernetes} (${target.provider}) in ${Math.round((Date.now() - started) / 1000)}s`);
if (interrupt.signal.aborted) console.log("interrupted: the proofs that were running were cleaned up and not recorded");
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exitCode = interrupt.signal.aborted ? exitCodeOnSignal : counts.failed ? 1 : 0;
