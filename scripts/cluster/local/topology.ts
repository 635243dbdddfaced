// Fixed addresses and names of the local cluster, so transcripts read the same on every machine.
export const topology = {
  nodeName: "proven-control-plane",
  // The node's address lives on an interface of our own, independent of the machine's network.
  nodeInterface: "proven0",
  nodeIP: "10.200.0.2",
  podCIDR: "10.244.0.0/16",
  nodePodCIDR: "10.244.0.0/24",
  cniBridge: "cni0",
  cniNetworkName: "k8s-proven",
  serviceCIDR: "10.96.0.0/16",
  apiServiceIP: "10.96.0.1",
  dnsServiceIP: "10.96.0.10",
  clusterDomain: "cluster.local",
  apiPort: 6443,
  clusterName: "proven-local",
} as const;

/** Every TCP port the host processes listen on; preflight refuses to start when one is taken. */
export const hostPorts: Record<number, string> = {
  2379: "etcd client",
  2380: "etcd peer",
  2381: "etcd metrics",
  6443: "kube-apiserver",
  10248: "kubelet healthz",
  10249: "kube-proxy metrics",
  10250: "kubelet",
  10256: "kube-proxy healthz",
  10257: "kube-controller-manager",
  10259: "kube-scheduler",
};
