// Every upstream component of the local cluster, pinned. A change here rebuilds that component once
// (its cache key is the version) and should be followed by re-running all proofs.
export const versions = {
  // Newest minor the Go module proxy serves; v1.37.x runs on this VM's cgroup v1 with failCgroupV1: false.
  kubernetes: "v1.37.2",
  // kubeadm v1.37 pins etcd 3.7.0 (cmd/kubeadm/app/constants: DefaultEtcdVersion); 3.7.3 is its newest patch.
  etcd: "v3.7.3",
  containerd: "v2.4.2",
  runc: "v1.3.6",
  cniPlugins: "v1.10.0",
  // kubeadm v1.37's CoreDNSVersion and PauseVersion, so the images carry the names kubeadm clusters use.
  coredns: "v1.14.6",
  pause: "3.10.2",
  metricsServer: "v0.8.0",
  localPathProvisioner: "v0.0.30",
} as const;

export type ComponentName = keyof typeof versions;

/** The oldest Go that builds every component above: containerd v2.4.2's go.mod says `go 1.26.6`. */
export const goMinimum = "1.26.6";
