// Runs one proof: its own namespace and kubeconfig, server-side dry-run of every manifest, the steps under
// the proof's time budget, diagnostics on failure, and its cleanups (last first) whatever happens.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describeCheck, defaultPollSeconds, evaluate, assertedOutput, stepCheck } from "./check.ts";
import { targetEnv, type Target } from "./cluster.ts";
import { exampleHash, examplesDir, manifestFiles, namespaceFor } from "./examples.ts";
import { loadProof } from "./load.ts";
import type { ProofContext, ProofDefinition, StepOptions } from "./proof.ts";
import { shell as realShell, shellQuote, type Shell } from "./shell.ts";
import type { Transcript, TranscriptRun, TranscriptStep } from "./transcript.ts";

export class StepFailure extends Error {}
class Interrupted extends Error {}

export type Outcome =
  | { status: "passed" | "failed"; transcript: Omit<Transcript, "runs">; run: TranscriptRun }
  | { status: "skipped"; reason: string }
  /** Ctrl-C or SIGTERM: cleanups ran, nothing is recorded. */
  | { status: "interrupted"; cleanupProblems: string[] };

/** Every process a proof's commands start carries this variable, so a leftover one can be found (leftovers.ts). */
export const proofEnvMarker = "K8S_PROVEN_PROOF";

export const defaultBudgetSeconds = 600;
const stepTimeoutSeconds = 300;
const cleanupTimeoutMs = 120_000;

export interface RunDeps {
  /** The shell every command goes through (tests inject one). */
  shell?: Shell;
  /** Aborted on Ctrl-C / SIGTERM: the running command's process group is ended, cleanups still run. */
  signal?: AbortSignal;
  /** A proof already loaded (tests); otherwise examples/<id>/proof.ts. */
  proof?: ProofDefinition;
  /** Pause between polls (tests make it instant). */
  sleep?: (ms: number) => Promise<void>;
}

/** Namespaces of proofs in flight. */
export const activeNamespaces = new Set<string>();
/** Namespaces whose deletion was started and not yet waited for. */
export const deletedNamespaces = new Set<string>();

/** Waits until every namespace a proof deleted is gone, so a run leaves nothing behind. */
export async function waitForDeletedNamespaces(target: Target, sh: Shell = realShell): Promise<string | undefined> {
  if (!deletedNamespaces.size) return undefined;
  const names = [...deletedNamespaces].map((n) => `namespace/${n}`).join(" ");
  const r = await sh(`kubectl wait --for=delete ${names} --timeout=300s`, { cwd: tmpdir(), env: targetEnv(target), timeoutMs: 320_000 });
  deletedNamespaces.clear();
  return r.exitCode === 0 ? undefined : r.output;
}

const cut = (s: string, n = 2000) => (s.length > n ? `${s.slice(0, n)}…` : s);
const seconds = (ms: number) => Math.round(ms / 100) / 10;

export async function runProof(id: string, target: Target, log: (line: string) => void, root = examplesDir, deps: RunDeps = {}): Promise<Outcome> {
  const sh = deps.shell ?? realShell;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const signal = deps.signal;
  const proof = deps.proof ?? (await loadProof(id, root));
  const missing = (proof.needs ?? []).filter((c) => !target.capabilities.has(c));
  if (missing.length) return { status: "skipped", reason: `needs ${missing.join(", ")}, which this ${target.provider} cluster lacks` };
  const present = (proof.lacks ?? []).filter((c) => target.capabilities.has(c));
  if (present.length) return { status: "skipped", reason: `shows a cluster without ${present.join(", ")}, which this ${target.provider} cluster has` };

  const ns = namespaceFor(id);
  const cwd = join(root, id);
  const work = await mkdtemp(join(tmpdir(), "k8s-proven-proof-"));
  const kubeconfig = join(work, "kubeconfig");
  const adminEnv = { ...targetEnv(target), [proofEnvMarker]: id };
  const env = { ...adminEnv, KUBECONFIG: kubeconfig };
  const admin = (command: string, timeoutMs = 150_000) => sh(command, { cwd, env: adminEnv, timeoutMs });

  const hash = exampleHash(id, root);
  const files = manifestFiles(id, root);
  const steps: TranscriptStep[] = [];
  const cleanups: string[] = [];
  const started = Date.now();
  const budgetMs = (proof.budget ?? defaultBudgetSeconds) * 1000;
  let failure: TranscriptRun["failure"];
  let interrupted = false;
  const cleanupProblems: string[] = [];

  activeNamespaces.add(ns);
  try {
    // A namespace left by an interrupted run would make this one differ; start from nothing.
    await admin(`kubectl delete namespace ${ns} --ignore-not-found --wait=true --timeout=120s`);
    const created = await admin(`kubectl create namespace ${ns}`);
    if (created.exitCode !== 0) throw new Error(`creating namespace ${ns} failed: ${created.output}`);
    const view = await admin("kubectl config view --raw --minify --flatten");
    if (view.exitCode !== 0) throw new Error(`reading the admin kubeconfig failed: ${view.output}`);
    await writeFile(kubeconfig, `${view.output}\n`, { mode: 0o600 });
    const ctx = await sh(`kubectl config set-context --current --namespace=${ns}`, { cwd, env, timeoutMs: 30_000 });
    if (ctx.exitCode !== 0) throw new Error(`setting the namespace of the proof's kubeconfig failed: ${ctx.output}`);

    for (const f of files) {
      const r = await sh(`kubectl apply --dry-run=server -f ${shellQuote(f)}`, { cwd, env, timeoutMs: 60_000, signal });
      if (r.ended === "aborted") throw new Interrupted();
      if (r.exitCode !== 0) {
        failure = { step: -1, message: `${relative(process.cwd(), join(cwd, f))} is rejected by the API server: ${r.output}`, diagnostics: "" };
        throw new StepFailure(failure.message);
      }
    }

    const fail = (message: string): never => {
      failure = { step: steps.length - 1, message, diagnostics: "" };
      throw new StepFailure(message);
    };
    const context: ProofContext = {
      namespace: ns,
      cleanup: (command) => void cleanups.push(command),
      async step(command, options: StepOptions = {}) {
        const n = steps.length + 1;
        const t0 = Date.now();
        const budgetLeft = started + budgetMs - t0;
        if (budgetLeft <= 0) {
          failure = { step: steps.length, message: `the proof used up its time budget of ${budgetMs / 1000}s before step ${n} \`${command}\``, diagnostics: "" };
          throw new StepFailure(failure.message);
        }
        const wanted = (options.until ? (options.timeout ?? defaultPollSeconds) : (options.timeout ?? stepTimeoutSeconds)) * 1000;
        const limitMs = Math.min(wanted, budgetLeft);
        const deadline = t0 + limitMs;
        const check = stepCheck(options);
        let attempts = 0;
        let r;
        let verdict;
        for (;;) {
          attempts++;
          r = await sh(command, { cwd, env, timeoutMs: Math.max(deadline - Date.now(), options.until ? 5_000 : 1_000), signal });
          if (r.ended === "aborted") throw new Interrupted();
          verdict = r.ended === "timeout" ? { pass: false, problem: "it timed out" } : evaluate({ ...r, seconds: (Date.now() - t0) / 1000 }, options);
          if (!options.until || verdict.pass || r.ended || Date.now() >= deadline) break;
          await sleep(Math.min(500 * attempts, 3000));
          if (signal?.aborted) throw new Interrupted();
        }
        const took = seconds(Date.now() - t0);
        const rec: TranscriptStep = { command, output: r.output, exitCode: r.exitCode, pass: verdict.pass, seconds: took, checked: check };
        if (r.ended === "timeout") rec.timedOut = true;
        if (options.until) rec.polled = { attempts, seconds: took };
        if (options.note) rec.note = options.note;
        if (!verdict.pass) rec.expected = describeCheck(check);
        steps.push(rec);
        log(`${verdict.pass ? "ok  " : "FAIL"} ${id} [${n}] ${command}`);
        if (r.ended === "timeout") {
          const why = limitMs < wanted ? `the proof's time budget of ${budgetMs / 1000}s ran out` : `it ran for ${Math.round(limitMs / 1000)}s`;
          fail(`step ${n}: \`${command}\` timed out: ${why}, and its process group was ended; output so far ${JSON.stringify(cut(r.output))}`);
        }
        if (!verdict.pass) {
          fail(
            `step ${n}: \`${command}\` expected ${rec.expected}; got exit status ${r.exitCode} and output ${JSON.stringify(cut(r.output))}` +
              (verdict.problem && !/^(exit status \d+|the output differs)$/.test(verdict.problem) ? `: ${verdict.problem}` : ""),
          );
        }
        return { output: assertedOutput(r.output), exitCode: r.exitCode };
      },
    };
    await proof.run(context);
  } catch (e) {
    if (e instanceof Interrupted || signal?.aborted) interrupted = true;
    else {
      if (!failure) failure = { step: steps.length, message: e instanceof Error ? e.message : String(e), diagnostics: "" };
      failure.diagnostics = await diagnostics(sh, cwd, env, ns);
    }
  } finally {
    // Last registered first: what was made later may depend on what was made earlier (a PV on its StorageClass).
    for (const c of [...cleanups].reverse()) {
      const r = await sh(c, { cwd, env: adminEnv, timeoutMs: cleanupTimeoutMs });
      if (r.exitCode !== 0 || r.ended) {
        cleanupProblems.push(`cleanup \`${c}\` ${r.ended === "timeout" ? "timed out" : `failed with exit status ${r.exitCode}`}: ${cut(r.output, 500)}`);
      }
    }
    // Not waited for here: the next proof can start while this namespace's pods terminate;
    // the CLI waits for all of them before it exits (waitForDeletedNamespaces).
    await admin(`kubectl delete namespace ${ns} --ignore-not-found --wait=false`);
    activeNamespaces.delete(ns);
    deletedNamespaces.add(ns);
    await rm(work, { recursive: true, force: true });
  }
  if (interrupted) return { status: "interrupted", cleanupProblems };
  if (cleanupProblems.length && !failure) {
    failure = { step: steps.length, message: cleanupProblems.join("\n"), diagnostics: "" };
  } else if (cleanupProblems.length && failure) {
    failure.message += `\n${cleanupProblems.join("\n")}`;
  }

  const run: TranscriptRun = {
    kubernetes: target.kubernetes,
    provider: target.provider,
    cluster: target.facts,
    date: new Date().toISOString(),
    exampleHash: hash,
    seconds: Math.round((Date.now() - started) / 1000),
    result: failure ? "failed" : "passed",
    steps,
    ...(failure ? { failure } : {}),
  };
  return { status: failure ? "failed" : "passed", transcript: { id, title: proof.title, files }, run };
}

/** What a reader would look at first when a proof fails: events, pods described, container logs. */
async function diagnostics(sh: Shell, cwd: string, env: NodeJS.ProcessEnv, ns: string): Promise<string> {
  const parts: string[] = [];
  const run = (command: string) => sh(command, { cwd, env, timeoutMs: 30_000 });
  const add = async (title: string, command: string) => parts.push(`--- ${title}: ${command}\n${(await run(command)).output}`);
  await add("events", "kubectl get events --sort-by=.lastTimestamp");
  await add("pods", "kubectl get pods -o wide");
  await add("describe", "kubectl describe pods");
  const pods = await run("kubectl get pods -o name");
  for (const pod of pods.exitCode === 0 ? pods.output.split("\n").filter(Boolean) : []) {
    await add(`logs ${pod}`, `kubectl logs ${pod} --all-containers --prefix --tail=50`);
    await add(`previous logs ${pod}`, `kubectl logs ${pod} --all-containers --prefix --previous --tail=50`);
  }
  return `namespace ${ns}\n${parts.join("\n")}`;
}
