// Runs one proof: its own namespace and kubeconfig, server-side dry-run of every manifest, the steps,
// diagnostics on failure, and cleanup whatever happens.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { $ } from "zx";
import { targetEnv, type Target } from "./cluster.ts";
import { exampleHash, examplesDir, manifestFiles, namespaceFor } from "./examples.ts";
import type { Expectation, ProofContext, ProofDefinition, StepOptions, StepResult } from "./proof.ts";
import type { Transcript, TranscriptRun, TranscriptStep } from "./transcript.ts";

export class StepFailure extends Error {}

export type Outcome =
  | { status: "passed" | "failed"; transcript: Omit<Transcript, "runs">; run: TranscriptRun }
  | { status: "skipped"; reason: string };

/** Runs a shell command the way a reader's terminal shows it: stdout and stderr interleaved. */
export function shell(command: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 300_000): Promise<StepResult> {
  return new Promise((resolve) => {
    const child = spawn("bash", ["-c", `exec 2>&1\n${command}`], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ output: output.replace(/\s+$/, ""), exitCode: code ?? (signal ? 128 : 1) });
    });
  });
}

export function describeExpectation(e: Expectation | undefined, exitCode: StepOptions["exitCode"]): string {
  const code =
    exitCode === undefined ? "exit status 0"
    : exitCode === "nonzero" ? "a non-zero exit status"
    : Array.isArray(exitCode) ? `exit status ${exitCode.join(" or ")}`
    : `exit status ${exitCode}`;
  if (e === undefined) return code;
  if (typeof e === "string") return `${code} and output ${JSON.stringify(e)}`;
  if (e instanceof RegExp) return `${code} and output matching ${e}`;
  return `${code} and output satisfying ${e.toString().replace(/\s+/g, " ").slice(0, 160)}`;
}

// kubectl's own diagnostics, in klog's format ("E1127 04:54:09.861837   14000 websocket.go:296] Unknown stream
// id 1, discarding message" from its WebSocket exec client, seen on kind): about the client, not the cluster.
const kubectlLogLine = /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d{6}\s+\d+ [\w.-]+:\d+\] .*(\n|$)/gm;

/** The output a step's expectation is checked against: the transcript keeps all of it, kubectl's log lines too. */
export const assertedOutput = (output: string) => output.replace(kubectlLogLine, "");

export function holds(r: StepResult, o: StepOptions): boolean {
  const codeOk =
    o.exitCode === undefined ? r.exitCode === 0
    : o.exitCode === "nonzero" ? r.exitCode !== 0
    : Array.isArray(o.exitCode) ? o.exitCode.includes(r.exitCode)
    : r.exitCode === o.exitCode;
  if (!codeOk) return false;
  const e = o.expect;
  if (e === undefined) return true;
  const output = assertedOutput(r.output);
  if (typeof e === "string") return output.trim() === e.trim();
  if (e instanceof RegExp) return e.test(output);
  try {
    return e(output) === true;
  } catch {
    return false;
  }
}

async function loadProof(id: string, root: string): Promise<ProofDefinition> {
  const mod = (await import(pathToFileURL(join(root, id, "proof.ts")).href)) as { default?: ProofDefinition };
  if (!mod.default?.run || !mod.default.title) throw new Error(`examples/${id}/proof.ts must export default defineProof({ title, run })`);
  return mod.default;
}

/** Namespaces of proofs in flight, so Ctrl-C can delete them. */
export const activeNamespaces = new Set<string>();
/** Namespaces whose deletion was started and not yet waited for. */
export const deletedNamespaces = new Set<string>();

/** Waits until every namespace a proof deleted is gone, so a run leaves nothing behind. */
export async function waitForDeletedNamespaces(target: Target): Promise<string | undefined> {
  if (!deletedNamespaces.size) return undefined;
  const names = [...deletedNamespaces].map((n) => `namespace/${n}`);
  const r = await $({ env: targetEnv(target), quiet: true, nothrow: true })`kubectl wait --for=delete ${names} --timeout=300s`;
  deletedNamespaces.clear();
  return r.exitCode === 0 ? undefined : r.stderr.trim() || r.stdout.trim();
}

export async function runProof(id: string, target: Target, log: (line: string) => void, root = examplesDir): Promise<Outcome> {
  const proof = await loadProof(id, root);
  const missing = (proof.needs ?? []).filter((c) => !target.capabilities.has(c));
  if (missing.length) return { status: "skipped", reason: `needs ${missing.join(", ")}, which this ${target.provider} cluster lacks` };
  const present = (proof.lacks ?? []).filter((c) => target.capabilities.has(c));
  if (present.length) return { status: "skipped", reason: `shows a cluster without ${present.join(", ")}, which this ${target.provider} cluster has` };

  const ns = namespaceFor(id);
  const cwd = join(root, id);
  const work = await mkdtemp(join(tmpdir(), "k8s-proven-proof-"));
  const kubeconfig = join(work, "kubeconfig");
  const adminEnv = targetEnv(target);
  const env = { ...adminEnv, KUBECONFIG: kubeconfig };
  const admin = (args: string[]) => $({ env: adminEnv, quiet: true, nothrow: true })`kubectl ${args}`;

  const hash = exampleHash(id, root);
  const files = manifestFiles(id, root);
  const steps: TranscriptStep[] = [];
  const cleanups: string[] = [];
  const started = Date.now();
  let failure: TranscriptRun["failure"];

  activeNamespaces.add(ns);
  try {
    // A namespace left by an interrupted run would make this one differ; start from nothing.
    await admin(["delete", "namespace", ns, "--ignore-not-found", "--wait=true", "--timeout=120s"]);
    const created = await admin(["create", "namespace", ns]);
    if (created.exitCode !== 0) throw new Error(`creating namespace ${ns} failed: ${created.stderr.trim()}`);
    await writeFile(kubeconfig, (await admin(["config", "view", "--raw", "--minify", "--flatten"])).stdout, { mode: 0o600 });
    await $({ env, quiet: true })`kubectl config set-context --current --namespace=${ns}`;

    for (const f of files) {
      const r = await shell(`kubectl apply --dry-run=server -f ${f}`, cwd, env);
      if (r.exitCode !== 0) {
        failure = { step: -1, message: `${relative(process.cwd(), join(cwd, f))} is rejected by the API server: ${r.output}`, diagnostics: "" };
        throw new StepFailure(failure.message);
      }
    }

    const ctx: ProofContext = {
      namespace: ns,
      cleanup: (command) => void cleanups.push(command),
      async step(command, options = {}) {
        const t0 = Date.now();
        const deadline = t0 + (options.timeout ?? (options.until ? 90 : 300)) * 1000;
        let attempts = 0;
        let r: StepResult;
        for (;;) {
          attempts++;
          r = await shell(command, cwd, env, Math.max(deadline - Date.now(), 5_000));
          if (!options.until || holds(r, options) || Date.now() >= deadline) break;
          await new Promise((res) => setTimeout(res, Math.min(500 * attempts, 3000)));
        }
        const pass = holds(r, options);
        const rec: TranscriptStep = { command, output: r.output, exitCode: r.exitCode, pass, seconds: Math.round((Date.now() - t0) / 100) / 10 };
        if (options.until) rec.polled = { attempts, seconds: Math.round((Date.now() - t0) / 100) / 10 };
        if (options.note) rec.note = options.note;
        if (!pass) rec.expected = describeExpectation(options.expect, options.exitCode);
        steps.push(rec);
        log(`${pass ? "ok  " : "FAIL"} ${id} [${steps.length}] ${command}`);
        if (!pass) {
          failure = {
            step: steps.length - 1,
            message: `step ${steps.length}: \`${command}\` expected ${rec.expected}${options.until ? ` within ${options.timeout ?? 90}s` : ""}; got exit status ${r.exitCode} and output ${JSON.stringify(r.output.slice(0, 2000))}`,
            diagnostics: "",
          };
          throw new StepFailure(failure.message);
        }
        return { output: assertedOutput(r.output), exitCode: r.exitCode };
      },
    };
    await proof.run(ctx);
  } catch (e) {
    if (!failure) failure = { step: steps.length, message: e instanceof Error ? e.message : String(e), diagnostics: "" };
    failure.diagnostics = await diagnostics(env, ns);
  } finally {
    for (const c of cleanups) await shell(c, cwd, adminEnv);
    // Not waited for here: the next proof can start while this namespace's pods terminate;
    // the CLI waits for all of them before it exits (waitForDeletedNamespaces).
    await admin(["delete", "namespace", ns, "--ignore-not-found", "--wait=false"]);
    activeNamespaces.delete(ns);
    deletedNamespaces.add(ns);
    await rm(work, { recursive: true, force: true });
  }

  const run: TranscriptRun = {
    kubernetes: target.kubernetes,
    provider: target.provider,
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
async function diagnostics(env: NodeJS.ProcessEnv, ns: string): Promise<string> {
  const parts: string[] = [];
  const add = async (title: string, command: string) => {
    const r = await shell(command, tmpdir(), env, 30_000);
    parts.push(`--- ${title}: ${command}\n${r.output}`);
  };
  await add("events", "kubectl get events --sort-by=.lastTimestamp");
  await add("pods", "kubectl get pods -o wide");
  await add("describe", "kubectl describe pods");
  const pods = await shell("kubectl get pods -o name", tmpdir(), env, 30_000);
  for (const pod of pods.output.split("\n").filter(Boolean)) {
    await add(`logs ${pod}`, `kubectl logs ${pod} --all-containers --prefix --tail=50`);
    await add(`previous logs ${pod}`, `kubectl logs ${pod} --all-containers --prefix --previous --tail=50`);
  }
  return `namespace ${ns}\n${parts.join("\n")}`;
}
