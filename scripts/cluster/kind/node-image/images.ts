// The images a kubeadm cluster runs that the local cluster does not need as images (it runs these
// components as host processes), under the names kubeadm's manifests use.
import { join } from "node:path";
import type { ImageSpec } from "../../images/oci.ts";
import { versions } from "../../versions.ts";
import { kubeRouterImage } from "./network-policy.ts";

const pathEnv = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const k8s = versions.kubernetes;
// kubeadm names etcd images <version>-<image revision>; ours is upstream etcd at versions.etcd, revision 0.
export const etcdImageTag = `${versions.etcd.replace(/^v/, "")}-0`;
export const routesImage = `k8s-proven.local/kind-routes:${k8s}`;

export function controlPlaneImages(bins: { kubernetes: string; etcd: string; kubeRouter: string }, rootfs: string): ImageSpec[] {
  // kubeadm's static Pods call the binary by name (command: [kube-apiserver, ...]), so it sits on PATH.
  const binaryImage = (name: string, bin: string, source: string): ImageSpec => ({
    name,
    files: { [`/usr/local/bin/${bin.split("/").at(-1)}`]: bin },
    dirs: { "/tmp": 0o1777 },
    config: { Env: [pathEnv] },
    source,
  });
  return [
    ...["kube-apiserver", "kube-controller-manager", "kube-scheduler"].map((c) =>
      binaryImage(`registry.k8s.io/${c}:${k8s}`, join(bins.kubernetes, c), `k8s.io/kubernetes ${k8s} cmd/${c}`),
    ),
    binaryImage(`registry.k8s.io/etcd:${etcdImageTag}`, join(bins.etcd, "etcd"), `go.etcd.io/etcd/server/v3 ${versions.etcd}`),
    {
      // kube-proxy programs iptables through the iptables tools; upstream's image is distroless-iptables,
      // here the node's own Debian root filesystem carries them.
      name: `registry.k8s.io/kube-proxy:${k8s}`,
      baseDir: rootfs,
      files: { "/usr/local/bin/kube-proxy": join(bins.kubernetes, "kube-proxy") },
      config: { Env: [pathEnv] },
      source: `k8s.io/kubernetes ${k8s} cmd/kube-proxy on Debian 12 (debootstrap)`,
    },
    {
      // kube-router calls iptables-save/-restore and ipset, which the node's Debian root filesystem has.
      name: kubeRouterImage,
      baseDir: rootfs,
      files: { "/usr/local/bin/kube-router": join(bins.kubeRouter, "kube-router") },
      config: { Entrypoint: ["/usr/local/bin/kube-router"], Env: [pathEnv] },
      source: `github.com/cloudnativelabs/kube-router/v2 v2.1.0 on Debian 12 (debootstrap)`,
    },
    {
      // The pod network's routes and CNI config (default-cni.yaml): bash, iproute2 and kubectl.
      name: routesImage,
      baseDir: rootfs,
      files: { "/usr/local/bin/kubectl": join(bins.kubernetes, "kubectl") },
      config: { Env: [pathEnv] },
      source: `k8s.io/kubernetes ${k8s} cmd/kubectl on Debian 12 (debootstrap)`,
    },
  ];
}
