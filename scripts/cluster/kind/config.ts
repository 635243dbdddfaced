// The kind cluster configuration: cluster.yaml (what readers' clusters use), plus workers when asked for,
// plus the kubeadm patches this host or the offline node image needs.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import { etcdImageTag } from "./node-image/images.ts";

const here = dirname(fileURLToPath(import.meta.url));

interface KindConfig {
  nodes: { role: string }[];
  kubeadmConfigPatches?: string[];
  [key: string]: unknown;
}

/** True when root on this host lacks CAP_SYS_RESOURCE, so no process in a kind node may lower its oom_score_adj. */
async function lacksSysResource(): Promise<boolean> {
  const bounding = /^CapBnd:\s*([0-9a-f]+)$/m.exec(await readFile("/proc/self/status", "utf8"))?.[1];
  return bounding !== undefined && (BigInt(`0x${bounding}`) & (1n << 24n)) === 0n;
}

export async function kindConfig(opts: { workers: number; offlineImage: boolean }): Promise<string> {
  const config = parse(await readFile(join(here, "cluster.yaml"), "utf8")) as KindConfig;
  config.nodes = [...config.nodes, ...Array.from({ length: opts.workers }, () => ({ role: "worker" }))];
  const patches = config.kubeadmConfigPatches ?? [];
  // The kubelet and kube-proxy set their own oom_score_adj to -999 by default and fail without CAP_SYS_RESOURCE.
  if (await lacksSysResource()) {
    patches.push("kind: KubeletConfiguration\noomScoreAdj: 0\n", "kind: KubeProxyConfiguration\noomScoreAdj: 0\n");
  }
  if (opts.offlineImage) {
    // The offline image carries etcd at the version the local cluster runs, not kubeadm's default tag; and an
    // image the kubelet garbage-collects could never be pulled back, so image GC is off (as on the local cluster).
    patches.push(`kind: ClusterConfiguration\netcd:\n  local:\n    imageTag: "${etcdImageTag}"\n`);
    patches.push("kind: KubeletConfiguration\nimageGCHighThresholdPercent: 100\nimageGCLowThresholdPercent: 99\n");
    // Matches the offline image's containerd (SystemdCgroup = false; see node-image/containerd.toml).
    patches.push("kind: KubeletConfiguration\ncgroupDriver: cgroupfs\n");
  }
  if (patches.length) config.kubeadmConfigPatches = patches;
  return stringify(config);
}
