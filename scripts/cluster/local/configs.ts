// Configuration files of the node's runtime and the Kubernetes node components.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";
import { runRoot, state } from "../paths.ts";
import { imageNames } from "../images/catalog.ts";
import { cgroupLayout, type CgroupLayout } from "./cgroups.ts";
import { containerdCertsDir } from "./registry.ts";
import { kubeconfigPath } from "./kubeconfig.ts";
import { pkiFile } from "./pki.ts";
import { topology } from "./topology.ts";

export const configFile = (name: string) => join(state.config, name);

export async function writeConfigs(bins: { runc: string; cni: string }): Promise<void> {
  await mkdir(state.config, { recursive: true });
  await mkdir(state.cniConf, { recursive: true });
  await mkdir(state.staticPods, { recursive: true });
  await writeFile(configFile("containerd.toml"), containerdToml(bins));
  await writeFile(join(state.cniConf, "10-k8s-proven.conflist"), JSON.stringify(cniConflist(), null, 2));
  await writeFile(configFile("kubelet.yaml"), stringify(kubeletConfig(cgroupLayout())));
  await writeFile(configFile("kube-proxy.yaml"), stringify(kubeProxyConfig()));
}

function containerdToml(bins: { runc: string; cni: string }): string {
  // Every path containerd would otherwise share with a system containerd is moved under our state
  // directories, so `down` can remove all of it and a Docker engine on the same machine is untouched.
  return `version = 3
root = '${state.containerdRoot}'
state = '${state.containerdState}'
disabled_plugins = ['io.containerd.internal.v1.opt', 'io.containerd.nri.v1.nri', 'io.containerd.snapshotter.v1.btrfs']

[grpc]
  address = '${state.containerdSocket}'

[ttrpc]
  address = '${state.containerdSocket}.ttrpc'

[plugins.'io.containerd.cri.v1.images']
  snapshotter = 'overlayfs'
  [plugins.'io.containerd.cri.v1.images'.pinned_images]
    sandbox = '${imageNames.pause}'
  # Per-registry settings (hosts.toml): the private registry's CA (registry.ts).
  [plugins.'io.containerd.cri.v1.images'.registry]
    config_path = '${containerdCertsDir}'

[plugins.'io.containerd.cri.v1.runtime']
  netns_mounts_under_state_dir = true
  # This VM withholds CAP_SYS_RESOURCE even from root, so no process may lower its oom_score_adj below 0;
  # the kubelet asks for -998 (sandboxes) and -997 (Guaranteed pods). containerd clamps to its own (0).
  restrict_oom_score_adj = true
  [plugins.'io.containerd.cri.v1.runtime'.containerd]
    default_runtime_name = 'runc'
    [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc]
      runtime_type = 'io.containerd.runc.v2'
      [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options]
        BinaryName = '${join(bins.runc, "runc")}'
        Root = '${join(runRoot, "runc")}'
        # The cgroupfs driver, matched by the kubelet: this VM has cgroup v1 and no systemd; on cgroup v2 it
        # works the same (kubepods directly under the unified root).
        SystemdCgroup = false
  [plugins.'io.containerd.cri.v1.runtime'.cni]
    bin_dirs = ['${bins.cni}']
    conf_dir = '${state.cniConf}'
`;
}

function cniConflist() {
  return {
    cniVersion: "1.0.0",
    name: topology.cniNetworkName,
    plugins: [
      {
        type: "bridge",
        bridge: topology.cniBridge,
        isGateway: true,
        ipMasq: true,
        // A pod that reaches its own Service through the ClusterIP must get the reply back on the bridge.
        hairpinMode: true,
        ipam: {
          type: "host-local",
          ranges: [[{ subnet: topology.nodePodCIDR }]],
          routes: [{ dst: "0.0.0.0/0" }],
          dataDir: join(state.cniState, "networks"),
        },
      },
      { type: "portmap", capabilities: { portMappings: true } },
    ],
  };
}

/** The kubelet's configuration; `layout` is the host's cgroup layout (cgroups.ts). */
export function kubeletConfig(layout: CgroupLayout) {
  return {
    apiVersion: "kubelet.config.k8s.io/v1beta1",
    kind: "KubeletConfiguration",
    authentication: {
      anonymous: { enabled: false },
      webhook: { enabled: true },
      x509: { clientCAFile: pkiFile("ca", "crt") },
    },
    authorization: { mode: "Webhook" },
    cgroupDriver: "cgroupfs",
    // kubelet 1.35+ refuses to start on cgroup v1 (this VM: hybrid, which the kubelet treats as v1) unless told
    // otherwise; on a v2 host the field stays unset, as kubeadm leaves it.
    ...(layout === "v2" ? {} : { failCgroupV1: false }),
    failSwapOn: false,
    // See restrict_oom_score_adj in containerd's config: a negative value cannot be set on this VM.
    oomScoreAdj: 0,
    containerRuntimeEndpoint: `unix://${state.containerdSocket}`,
    clusterDNS: [topology.dnsServiceIP],
    clusterDomain: topology.clusterDomain,
    tlsCertFile: pkiFile("kubelet-serving", "crt"),
    tlsPrivateKeyFile: pkiFile("kubelet-serving", "key"),
    resolvConf: "/etc/resolv.conf",
    // The examples' images are side-loaded; pulling is impossible here and image GC must not delete them.
    imageGCHighThresholdPercent: 100,
    imageGCLowThresholdPercent: 99,
    healthzBindAddress: "127.0.0.1",
    staticPodPath: state.staticPods,
  };
}

function kubeProxyConfig() {
  return {
    apiVersion: "kubeproxy.config.k8s.io/v1alpha1",
    kind: "KubeProxyConfiguration",
    clientConnection: { kubeconfig: kubeconfigPath("kube-proxy") },
    mode: "iptables",
    clusterCIDR: topology.podCIDR,
    hostnameOverride: topology.nodeName,
    metricsBindAddress: "127.0.0.1:10249",
    healthzBindAddress: "127.0.0.1:10256",
    // kube-proxy would otherwise raise nf_conntrack_max machine-wide; leave the host's sysctls alone.
    conntrack: { maxPerCore: 0, min: 0 },
    oomScoreAdj: 0,
  };
}
