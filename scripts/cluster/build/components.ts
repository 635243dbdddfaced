// What each upstream component is built from, with the flags its own release build uses.
import { type GoProgram, wrapperModule } from "./gomodule.ts";
import { versions } from "../versions.ts";

const k8s = versions.kubernetes;
const [, k8sMajor, k8sMinor] = /^v(\d+)\.(\d+)\./.exec(k8s)!;

// kubernetes hack/lib/version.sh stamps both packages; without it the binaries call themselves
// v0.0.0-master and the API server derives a wrong emulation version from that.
const k8sVersionFlags = ["k8s.io/client-go/pkg/version", "k8s.io/component-base/version"].flatMap((pkg) =>
  [
    ["gitVersion", k8s],
    ["gitMajor", k8sMajor],
    ["gitMinor", k8sMinor],
    ["gitTreeState", "clean"],
  ].map(([key, value]) => `-X ${pkg}.${key}=${value}`),
);

// hack/lib/golang.sh: static binaries, these tags.
const kubernetesTags = ["selinux", "notest", "grpcnotrace"];
// Staging modules k8s.io/api etc. are published as v0.<minor>.<patch> alongside v1.<minor>.<patch>.
const k8sStaging = k8s.replace(/^v1\./, "v0.");

/**
 * For the add-ons that are plain Kubernetes clients: their k8s.io libraries raised to the cluster's own staging
 * version, and Kubernetes' build tags. Then their dependency graph is Kubernetes' (same versions, same tags,
 * hence the same Go build-cache entries), so the thousands of packages they share compile once on a new
 * machine instead of once per add-on (measured: CoreDNS 2.2 min → 1.4 min cold). The tags change
 * nothing in these programs (selinux, notest and grpcnotrace select files of packages they do not use, or
 * drop gRPC's debug tracing).
 */
const sharingKubernetesBuild = (...staging: string[]): Pick<GoProgram, "tags" | "upgrade"> => ({
  tags: kubernetesTags,
  upgrade: staging.map((mod) => `k8s.io/${mod}@${k8sStaging}`),
});

export const kubernetes: GoProgram = {
  name: "kubernetes",
  module: "k8s.io/kubernetes",
  version: k8s,
  packages: ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubelet", "kube-proxy", "kubectl"].map(
    (cmd) => `k8s.io/kubernetes/cmd/${cmd}`,
  ),
  tags: kubernetesTags,
  ldflags: k8sVersionFlags,
  siblingVersion: () => k8sStaging,
};

// kubeadm only for kind node images; apart from `kubernetes` so adding it does not rebuild the local cluster.
export const kubeadm: GoProgram = { ...kubernetes, name: "kubeadm", packages: ["k8s.io/kubernetes/cmd/kubeadm"] };

export const kind: GoProgram = { name: "kind", module: "sigs.k8s.io/kind", version: "v0.33.0", packages: ["sigs.k8s.io/kind"] };

// crictl in kind nodes, as in kind's base image: `kind export logs` and debugging use it.
export const crictl: GoProgram = { name: "cri-tools", module: "sigs.k8s.io/cri-tools", version: "v1.37.0", packages: ["sigs.k8s.io/cri-tools/cmd/crictl"] };

// NetworkPolicy for the offline kind node image (kindnetd's policy engine needs nftables' queue statement,
// which this VM's kernel lacks: CONFIG_NFT_QUEUE is not set). v2.1.0 is the only version the module proxy
// serves; flaws are reported in the golang.org/x modules it was released with, so those are raised.
export const kubeRouter: GoProgram = {
  name: "kube-router",
  module: "github.com/cloudnativelabs/kube-router/v2",
  version: "v2.1.0",
  packages: ["github.com/cloudnativelabs/kube-router/v2/cmd/kube-router"],
  upgrade: ["golang.org/x/net@v0.62.0", "golang.org/x/crypto@v0.59.0", "golang.org/x/sys@v0.50.0", "golang.org/x/text@v0.44.0"],
  ldflags: ["-X github.com/cloudnativelabs/kube-router/v2/pkg/version.Version=v2.1.0"],
};

export const etcd: GoProgram = {
  name: "etcd",
  module: "go.etcd.io/etcd/server/v3",
  version: versions.etcd,
  packages: ["go.etcd.io/etcd/server/v3"],
  rename: { "go.etcd.io/etcd/server/v3": "etcd" },
  // etcd's modules (api, client/pkg, client/v3, pkg) are released together under one version.
  siblingVersion: () => versions.etcd,
};

export const containerd: GoProgram = {
  name: "containerd",
  module: "github.com/containerd/containerd/v2",
  version: versions.containerd,
  packages: ["cmd/containerd", "cmd/containerd-shim-runc-v2", "cmd/ctr"].map((c) => `github.com/containerd/containerd/v2/${c}`),
  // No btrfs snapshotter (it needs cgo and btrfs headers); overlayfs is what the kubelet uses here.
  tags: ["no_btrfs", "urfave_cli_no_docs"],
  ldflags: [`-X github.com/containerd/containerd/v2/version.Version=${versions.containerd}`],
};

export const runc: GoProgram = {
  name: "runc",
  module: "github.com/opencontainers/runc",
  version: versions.runc,
  packages: ["github.com/opencontainers/runc"],
  // runc needs cgo for its nsenter C code; seccomp filters need libseccomp (Debian's libseccomp-dev).
  cgo: true,
  tags: ["seccomp", "urfave_cli_no_docs"],
  ldflags: [`-X main.version=${versions.runc.replace(/^v/, "")}`],
};

export const cniPlugins: GoProgram = {
  name: "cni-plugins",
  module: "github.com/containernetworking/plugins",
  version: versions.cniPlugins,
  packages: ["main/bridge", "main/loopback", "ipam/host-local", "meta/portmap"].map(
    (p) => `github.com/containernetworking/plugins/plugins/${p}`,
  ),
};

// The plugins of kubeadm's (and kind's) Corefile, plus `log` for readers who turn on query logging; the other
// 50-odd plugins (cloud DNS back ends with their SDKs, etcd, dnstap, tracing…) would only add build time.
// CoreDNS selects plugins at compile time (plugin.cfg); this main package is that selection, outside its tree.
const corednsPlugins = ["cache", "errors", "forward", "health", "kubernetes", "loadbalance", "log", "loop", "metrics", "ready", "reload"];

export const coredns: GoProgram = {
  name: "coredns",
  module: "github.com/coredns/coredns",
  version: versions.coredns,
  packages: [`${wrapperModule({ name: "coredns" })}/cmd/coredns`],
  mainSource: [
    "// Generated by scripts/cluster/build/components.ts: CoreDNS with the plugins the cluster's Corefile uses.",
    "package main",
    "",
    "import (",
    ...corednsPlugins.map((plugin) => `\t_ "github.com/coredns/coredns/plugin/${plugin}"`),
    "",
    '\t"github.com/coredns/coredns/coremain"',
    ")",
    "",
    "func main() {",
    "\tcoremain.Run()",
    "}",
    "",
  ].join("\n"),
  ...sharingKubernetesBuild("api", "apimachinery", "client-go"),
};

export const metricsServer: GoProgram = {
  name: "metrics-server",
  module: "sigs.k8s.io/metrics-server",
  version: versions.metricsServer,
  packages: ["sigs.k8s.io/metrics-server/cmd/metrics-server"],
  // Its own k8s.io versions (v0.33), not the cluster's: metrics-server is an aggregated API server, and its
  // generated OpenAPI definitions are keyed by Go package path, while k8s.io/apiserver ≥ v0.35 looks models up
  // by their OpenAPI model names. Raised to v0.37 it builds, then panics at start: "unable to get openapi models:
  // cannot find model definition for io.k8s.metrics.pkg.apis.metrics.v1beta1.NodeMetrics".
};

export const localPathProvisioner: GoProgram = {
  name: "local-path-provisioner",
  module: "github.com/rancher/local-path-provisioner",
  version: versions.localPathProvisioner,
  packages: ["github.com/rancher/local-path-provisioner"],
  ...sharingKubernetesBuild("api", "apimachinery", "client-go"),
};

/** Built in this order: the host's runtime first, so a failure shows early and cheaply. */
export const allPrograms = [runc, cniPlugins, containerd, etcd, coredns, metricsServer, localPathProvisioner, kubernetes];
