import { join } from "node:path";

// Heavy builds live outside the clone so a fresh clone (CI) reuses them; keyed by component and version.
export const cacheRoot = process.env.K8S_PROVEN_CACHE ?? "/var/cache/k8s-proven";
export const srcDir = (key: string) => join(cacheRoot, "src", key);
export const binDir = (key: string) => join(cacheRoot, "bin", key);
export const imageDir = join(cacheRoot, "images");

// Everything a running local cluster owns; `down` removes these two trees and nothing else on disk.
export const stateRoot = process.env.K8S_PROVEN_STATE ?? "/var/lib/k8s-proven/local";
export const runRoot = process.env.K8S_PROVEN_RUN ?? "/run/k8s-proven";

export const state = {
  pki: join(stateRoot, "pki"),
  etcdData: join(stateRoot, "etcd"),
  logs: join(stateRoot, "logs"),
  pids: join(runRoot, "pids"),
  kubeconfigs: join(stateRoot, "kubeconfig"),
  config: join(stateRoot, "config"),
  containerdRoot: join(stateRoot, "containerd"),
  containerdState: join(runRoot, "containerd"),
  containerdSocket: join(runRoot, "containerd", "containerd.sock"),
  kubeletRoot: join(stateRoot, "kubelet"),
  // The kubelet's static Pod directory (kubeadm's /etc/kubernetes/manifests); empty but for proofs of static Pods.
  staticPods: join(stateRoot, "manifests"),
  cniConf: join(stateRoot, "cni", "net.d"),
  cniState: join(runRoot, "cni"),
  localPath: join(stateRoot, "local-path"),
  adminKubeconfig: join(stateRoot, "kubeconfig", "admin.conf"),
};
