// The cluster proofs run against: how to reach it, which version it is, and what it can do.
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { $ } from "zx";
import { kubectlPath } from "../cluster/local/kubectl.ts";
import { runningPid } from "../cluster/local/processes.ts";
import { registryAnswers } from "../cluster/local/registry.ts";
import { getProvider } from "../cluster/providers.ts";
import type { ProviderName } from "../cluster/provider.ts";
import type { Capability } from "./proof.ts";

export interface Target {
  provider: ProviderName;
  /** Admin kubeconfig (a private copy, flattened), from which each proof's own kubeconfig is derived. */
  kubeconfig: string;
  /** PATH for the proofs' commands: the kubectl built for the pinned version first, whatever the provider. */
  path: string;
  kubernetes: string;
  capabilities: Set<Capability>;
}

/** The environment in which kubectl reaches the target as admin (the local provider's own kubectl first). */
export const targetEnv = (t: Target): NodeJS.ProcessEnv => ({ ...process.env, PATH: t.path, KUBECONFIG: t.kubeconfig });

export async function connect(provider: ProviderName, context?: string): Promise<Target> {
  const source = await getProvider(provider).kubeconfig();
  // kubectl's output changes between releases (v1.37's `delete` names the namespace, older ones do not); the proofs'
  // expectations are written against the pinned one; another kubectl on PATH is used only where it is not built.
  const path = existsSync(kubectlPath) ? `${dirname(kubectlPath)}:${process.env.PATH}` : (process.env.PATH ?? "");
  const env = { ...process.env, PATH: path, ...(source ? { KUBECONFIG: source } : {}) };
  const contextArgs = context ? ["--context", context] : [];
  const view = await $({ env, quiet: true, nothrow: true })`kubectl config view --raw --minify --flatten ${contextArgs}`;
  if (view.exitCode !== 0) throw new Error(`cannot read the kubeconfig for provider ${provider}${context ? ` (context ${context})` : ""}: ${view.stderr.trim()}`);
  const dir = await mkdtemp(join(tmpdir(), "k8s-proven-verify-"));
  const kubeconfig = join(dir, "admin.conf");
  await writeFile(kubeconfig, view.stdout, { mode: 0o600 });

  const kenv = { ...process.env, PATH: path, KUBECONFIG: kubeconfig };
  const version = await $({ env: kenv, quiet: true, nothrow: true })`kubectl version -o json --request-timeout=10s`;
  if (version.exitCode !== 0) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`the ${provider} cluster does not answer (${version.stderr.trim().split("\n").at(-1)}); start it with npm run cluster:up -- --provider ${provider}`);
  }
  const kubernetes = (JSON.parse(version.stdout) as { serverVersion: { gitVersion: string } }).serverVersion.gitVersion;
  return { provider, kubeconfig, path, kubernetes, capabilities: await detectCapabilities(provider, kenv) };
}

async function detectCapabilities(provider: ProviderName, env: NodeJS.ProcessEnv): Promise<Set<Capability>> {
  const k = (args: string[]) => $({ env, quiet: true, nothrow: true })`kubectl ${args}`;
  const caps = new Set<Capability>();
  if (provider === "local") caps.add("local-provider");
  if (provider === "local" && (await runningPid("registry")) && (await registryAnswers())) caps.add("private-registry");
  const nodes = await k(["get", "nodes", "-o", "name"]);
  if (nodes.stdout.trim().split("\n").filter(Boolean).length >= 2) caps.add("multi-node");
  const metrics = await k(["get", "apiservice", "v1beta1.metrics.k8s.io", "-o", "jsonpath={.status.conditions[?(@.type=='Available')].status}"]);
  if (metrics.stdout.trim() === "True") caps.add("metrics-api");
  const classes = await k(["get", "storageclass", "-o", "jsonpath={.items[*].metadata.annotations.storageclass\\.kubernetes\\.io/is-default-class}"]);
  if (classes.stdout.includes("true")) caps.add("default-storage-class");
  // No API says whether NetworkPolicy is enforced; these network plugins are known to enforce it
  // (kindnet since kind v0.24). The local provider's bridge plugin does not.
  const ds = await k(["-n", "kube-system", "get", "daemonsets", "-o", "name"]);
  if (/kindnet|calico|cilium|antrea|kube-router|weave-net/.test(ds.stdout)) caps.add("network-policy");
  return caps;
}
