// The cluster proofs run against: how to reach it, which version it is, and what it can do. Everything
// provider-specific comes through the Provider interface (scripts/cluster/provider.ts).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { $ } from "zx";
import { getProvider } from "../cluster/providers.ts";
import type { ProviderName } from "../cluster/provider.ts";
import type { Capability } from "./proof.ts";
import type { ClusterFacts } from "./transcript.ts";

export interface Target {
  provider: ProviderName;
  /** Admin kubeconfig (a private copy, flattened), from which each proof's own kubeconfig is derived. */
  kubeconfig: string;
  /** PATH for the proofs' commands: the kubectl of the cluster's own version first, where this machine has one. */
  path: string;
  kubernetes: string;
  /** The kubectl the proofs run with, and its version. */
  kubectl: { path: string; version: string };
  capabilities: Set<Capability>;
  facts: ClusterFacts;
}

/** The environment in which kubectl reaches the target as admin (the cluster's own kubectl first). */
export const targetEnv = (t: Target): NodeJS.ProcessEnv => ({ ...process.env, PATH: t.path, KUBECONFIG: t.kubeconfig });

export async function connect(providerName: ProviderName, context?: string): Promise<Target> {
  const provider = getProvider(providerName);
  const source = await provider.kubeconfig();
  const env0 = { ...process.env, ...(source ? { KUBECONFIG: source } : {}) };
  const contextArgs = context ? ["--context", context] : [];
  const view = await $({ env: env0, quiet: true, nothrow: true })`kubectl config view --raw --minify --flatten ${contextArgs}`;
  if (view.exitCode !== 0) throw new Error(`cannot read the kubeconfig for provider ${providerName}${context ? ` (context ${context})` : ""}: ${view.stderr.trim()}`);
  const dir = await mkdtemp(join(tmpdir(), "k8s-proven-verify-"));
  const kubeconfig = join(dir, "admin.conf");
  await writeFile(kubeconfig, view.stdout, { mode: 0o600 });

  const kenv0 = { ...process.env, KUBECONFIG: kubeconfig };
  const version = await $({ env: kenv0, quiet: true, nothrow: true })`kubectl version -o json --request-timeout=10s`;
  if (version.exitCode !== 0) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`the ${providerName} cluster does not answer (${version.stderr.trim().split("\n").at(-1)}); start it with npm run cluster:up -- --provider ${providerName}`);
  }
  const kubernetes = (JSON.parse(version.stdout) as { serverVersion: { gitVersion: string } }).serverVersion.gitVersion;
  // kubectl's output changes between releases (v1.37's `delete` names the namespace, older ones do not): the
  // proofs run with the kubectl of the cluster's version where this machine has it, else the one on PATH.
  const own = provider.kubectl(kubernetes);
  const path = own ? `${dirname(own)}:${process.env.PATH ?? ""}` : (process.env.PATH ?? "");
  const kenv = { ...kenv0, PATH: path };
  const client = await $({ env: kenv, quiet: true, nothrow: true })`kubectl version --client -o json`;
  const clientVersion = client.exitCode === 0 ? (JSON.parse(client.stdout) as { clientVersion: { gitVersion: string } }).clientVersion.gitVersion : "unknown";
  const which = await $({ env: kenv, quiet: true, nothrow: true })`command -v kubectl`;
  const nodes = await $({ env: kenv, quiet: true, nothrow: true })`kubectl get nodes -o json`;
  const items = nodes.exitCode === 0 ? ((JSON.parse(nodes.stdout) as { items: NodeInfoItem[] }).items ?? []) : [];
  const info = items[0]?.status?.nodeInfo ?? {};
  const facts: ClusterFacts = {
    nodes: items.length,
    runtime: info.containerRuntimeVersion ?? "unknown",
    kernel: info.kernelVersion ?? "unknown",
    os: info.osImage ?? "unknown",
    kubectl: clientVersion,
    ...(await provider.facts(kenv)),
  };
  return {
    provider: providerName,
    kubeconfig,
    path,
    kubernetes,
    kubectl: { path: which.stdout.trim() || "kubectl", version: clientVersion },
    capabilities: await provider.capabilities(kenv),
    facts,
  };
}

interface NodeInfoItem {
  status?: { nodeInfo?: { containerRuntimeVersion?: string; kernelVersion?: string; osImage?: string } };
}
