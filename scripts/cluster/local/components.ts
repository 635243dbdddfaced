// Command lines of the host processes, after kubernetes hack/local-up-cluster.sh and kubeadm's manifests.
import { join } from "node:path";
import { state } from "../paths.ts";
import type { Daemon } from "./processes.ts";
import { configFile } from "./configs.ts";
import { kubeconfigPath } from "./kubeconfig.ts";
import { pkiFile } from "./pki.ts";
import { topology } from "./topology.ts";

export interface Bins {
  kubernetes: string;
  etcd: string;
  containerd: string;
  runc: string;
  cni: string;
}

const crt = (n: string) => pkiFile(n, "crt");
const key = (n: string) => pkiFile(n, "key");

export function containerd(b: Bins): Daemon {
  return {
    name: "containerd",
    argv: [join(b.containerd, "containerd"), "--config", configFile("containerd.toml")],
    // containerd finds its shim, and the shim finds runc, on PATH.
    env: { PATH: `${b.containerd}:${b.runc}:${process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin"}` },
  };
}

export function etcd(b: Bins): Daemon {
  return {
    name: "etcd",
    argv: [
      join(b.etcd, "etcd"),
      "--name=proven",
      `--data-dir=${state.etcdData}`,
      "--listen-client-urls=https://127.0.0.1:2379",
      "--advertise-client-urls=https://127.0.0.1:2379",
      "--listen-peer-urls=https://127.0.0.1:2380",
      "--initial-advertise-peer-urls=https://127.0.0.1:2380",
      "--initial-cluster=proven=https://127.0.0.1:2380",
      "--listen-metrics-urls=http://127.0.0.1:2381",
      `--cert-file=${crt("etcd-server")}`,
      `--key-file=${key("etcd-server")}`,
      `--trusted-ca-file=${crt("etcd-ca")}`,
      "--client-cert-auth=true",
      `--peer-cert-file=${crt("etcd-server")}`,
      `--peer-key-file=${key("etcd-server")}`,
      `--peer-trusted-ca-file=${crt("etcd-ca")}`,
      "--peer-client-cert-auth=true",
      "--snapshot-count=10000",
    ],
  };
}

export function apiserver(b: Bins): Daemon {
  return {
    name: "kube-apiserver",
    argv: [
      join(b.kubernetes, "kube-apiserver"),
      `--advertise-address=${topology.nodeIP}`,
      `--secure-port=${topology.apiPort}`,
      "--allow-privileged=true",
      "--authorization-mode=Node,RBAC",
      // PodSecurity, LimitRanger, ResourceQuota, Priority, DefaultStorageClass… are on by default;
      // NodeRestriction is the one kubeadm adds.
      "--enable-admission-plugins=NodeRestriction",
      `--client-ca-file=${crt("ca")}`,
      `--tls-cert-file=${crt("apiserver")}`,
      `--tls-private-key-file=${key("apiserver")}`,
      "--etcd-servers=https://127.0.0.1:2379",
      `--etcd-cafile=${crt("etcd-ca")}`,
      `--etcd-certfile=${crt("apiserver-etcd-client")}`,
      `--etcd-keyfile=${key("apiserver-etcd-client")}`,
      `--kubelet-client-certificate=${crt("apiserver-kubelet-client")}`,
      `--kubelet-client-key=${key("apiserver-kubelet-client")}`,
      `--kubelet-certificate-authority=${crt("ca")}`,
      "--kubelet-preferred-address-types=InternalIP,Hostname",
      `--service-account-issuer=https://kubernetes.default.svc.${topology.clusterDomain}`,
      `--service-account-key-file=${pkiFile("sa", "pub")}`,
      `--service-account-signing-key-file=${key("sa")}`,
      `--service-cluster-ip-range=${topology.serviceCIDR}`,
      // Aggregated APIs (metrics.k8s.io) authenticate the API server through the front-proxy chain.
      `--requestheader-client-ca-file=${crt("front-proxy-ca")}`,
      "--requestheader-allowed-names=front-proxy-client",
      "--requestheader-extra-headers-prefix=X-Remote-Extra-",
      "--requestheader-group-headers=X-Remote-Group",
      "--requestheader-username-headers=X-Remote-User",
      `--proxy-client-cert-file=${crt("front-proxy-client")}`,
      `--proxy-client-key-file=${key("front-proxy-client")}`,
      "--enable-aggregator-routing=true",
    ],
  };
}

const componentAuth = (identity: string) => [
  `--kubeconfig=${kubeconfigPath(identity)}`,
  `--authentication-kubeconfig=${kubeconfigPath(identity)}`,
  `--authorization-kubeconfig=${kubeconfigPath(identity)}`,
  `--client-ca-file=${crt("ca")}`,
  `--requestheader-client-ca-file=${crt("front-proxy-ca")}`,
  "--bind-address=127.0.0.1",
  "--leader-elect=true",
];

export function controllerManager(b: Bins): Daemon {
  return {
    name: "kube-controller-manager",
    argv: [
      join(b.kubernetes, "kube-controller-manager"),
      ...componentAuth("controller-manager"),
      "--controllers=*,bootstrapsigner,tokencleaner",
      "--use-service-account-credentials=true",
      `--cluster-signing-cert-file=${crt("ca")}`,
      `--cluster-signing-key-file=${key("ca")}`,
      `--root-ca-file=${crt("ca")}`,
      `--service-account-private-key-file=${key("sa")}`,
      "--allocate-node-cidrs=true",
      `--cluster-cidr=${topology.podCIDR}`,
      "--node-cidr-mask-size=24",
      `--service-cluster-ip-range=${topology.serviceCIDR}`,
      `--cluster-name=${topology.clusterName}`,
    ],
  };
}

export function scheduler(b: Bins): Daemon {
  return { name: "kube-scheduler", argv: [join(b.kubernetes, "kube-scheduler"), ...componentAuth("scheduler")] };
}

export function kubelet(b: Bins): Daemon {
  return {
    name: "kubelet",
    argv: [
      join(b.kubernetes, "kubelet"),
      `--config=${configFile("kubelet.yaml")}`,
      `--kubeconfig=${kubeconfigPath("kubelet")}`,
      `--root-dir=${state.kubeletRoot}`,
      `--cert-dir=${join(state.kubeletRoot, "pki")}`,
      `--hostname-override=${topology.nodeName}`,
      `--node-ip=${topology.nodeIP}`,
    ],
    env: { PATH: `${b.containerd}:${b.runc}:${process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin"}` },
  };
}

export function kubeProxy(b: Bins): Daemon {
  return { name: "kube-proxy", argv: [join(b.kubernetes, "kube-proxy"), `--config=${configFile("kube-proxy.yaml")}`] };
}
