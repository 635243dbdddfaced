// What a cluster offers the proofs (scripts/verify/proof.ts `Capability`). Each provider declares what it
// knows about its own cluster; what any cluster can be asked, every provider asks the same way here.
import { existsSync } from "node:fs";
import { $ } from "zx";
import { capabilities as allCapabilities, type Capability } from "../verify/proof.ts";

type Run = (args: string[]) => Promise<{ exitCode: number | null; stdout: string }>;

const kubectlIn = (env: NodeJS.ProcessEnv): Run => (args) => $({ env, quiet: true, nothrow: true })`kubectl ${args}`;

interface NodeItem {
  spec?: { unschedulable?: boolean; taints?: { effect?: string }[] };
  status?: { conditions?: { type?: string; status?: string }[] };
}

/** Nodes a Pod without tolerations can land on: Ready, not cordoned, no NoSchedule/NoExecute taint. */
export function schedulableNodes(nodesJson: string): number {
  const items = (JSON.parse(nodesJson) as { items?: NodeItem[] }).items ?? [];
  return items.filter(
    (n) =>
      !n.spec?.unschedulable &&
      !(n.spec?.taints ?? []).some((t) => t.effect === "NoSchedule" || t.effect === "NoExecute") &&
      (n.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True"),
  ).length;
}

/** The capabilities any cluster answers for through its API: multi-node, metrics-api, default-storage-class. */
export async function probeCapabilities(env: NodeJS.ProcessEnv, run: Run = kubectlIn(env)): Promise<Set<Capability>> {
  const caps = new Set<Capability>();
  const nodes = await run(["get", "nodes", "-o", "json"]);
  if (nodes.exitCode === 0 && schedulableNodes(nodes.stdout) >= 2) caps.add("multi-node");
  const metrics = await run(["get", "apiservice", "v1beta1.metrics.k8s.io", "-o", "jsonpath={.status.conditions[?(@.type=='Available')].status}"]);
  if (metrics.stdout.trim() === "True") caps.add("metrics-api");
  const classes = await run(["get", "storageclass", "-o", "jsonpath={.items[*].metadata.annotations.storageclass\\.kubernetes\\.io/is-default-class}"]);
  if (classes.stdout.split(/\s+/).includes("true")) caps.add("default-storage-class");
  return caps;
}

/**
 * `K8S_PROVEN_CAPABILITIES="+network-policy,-multi-node"`: what the reader knows about their cluster and no
 * probe can tell (no API says whether NetworkPolicy is enforced). An unknown name is an error that names it.
 */
export function applyOverrides(caps: Set<Capability>, spec: string | undefined): Set<Capability> {
  const out = new Set(caps);
  for (const part of (spec ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const m = /^([+-])([a-z-]+)$/.exec(part);
    const name = m?.[2] as Capability | undefined;
    if (!m || !name || !allCapabilities.includes(name)) {
      throw new Error(`K8S_PROVEN_CAPABILITIES: "${part}" is not +name or -name with a name from ${allCapabilities.join(", ")}`);
    }
    if (m[1] === "+") out.add(name);
    else out.delete(name);
  }
  return out;
}

/** cgroup v2 when the unified hierarchy is mounted at the root (`cgroup.controllers` there), else v1 (or hybrid). */
export const hostCgroupVersion = (root = "/sys/fs/cgroup"): "v1" | "v2" => (existsSync(`${root}/cgroup.controllers`) ? "v2" : "v1");

/** kube-proxy's mode from kubeadm's ConfigMap (an empty mode is iptables on Linux); undefined where there is none. */
export async function kubeadmProxyMode(env: NodeJS.ProcessEnv, run: Run = kubectlIn(env)): Promise<string | undefined> {
  const r = await run(["-n", "kube-system", "get", "configmap", "kube-proxy", "-o", "jsonpath={.data.config\\.conf}"]);
  if (r.exitCode !== 0 || !r.stdout.trim()) return undefined;
  const mode = /^mode:\s*"?([a-z]*)"?\s*$/m.exec(r.stdout)?.[1];
  return mode === undefined ? undefined : mode || "iptables";
}
