// The cluster of the current kubeconfig context, used as it is: never created, changed or deleted here.
import { $ } from "zx";
import { applyOverrides, kubeadmProxyMode, probeCapabilities } from "../capabilities.ts";
import { builtKubectl } from "../kubectl-for.ts";
import { ClusterError } from "../log.ts";
import type { Provider } from "../provider.ts";

async function reachable(): Promise<boolean> {
  return (await $({ quiet: true, nothrow: true })`kubectl version --request-timeout=5s`).exitCode === 0;
}

export const existingProvider: Provider = {
  name: "existing",
  async up() {
    if ((await $({ quiet: true, nothrow: true })`command -v kubectl`).exitCode !== 0) {
      throw new ClusterError("kubectl is not on PATH; the existing provider uses your kubectl and kubeconfig");
    }
    if (!(await reachable())) {
      const ctx = (await $({ quiet: true, nothrow: true })`kubectl config current-context`).stdout.trim() || "(none)";
      throw new ClusterError(`the current kubeconfig context ${ctx} does not answer; check KUBECONFIG or pick another with kubectl config use-context`);
    }
  },
  async down() {
    console.log("existing provider: the cluster is yours, so nothing is stopped");
  },
  async status() {
    const r = await $({ nothrow: true })`kubectl cluster-info --request-timeout=5s`;
    return r.exitCode === 0;
  },
  kubeconfig: async () => undefined,
  hint: () => "Using your current kubeconfig context as it is.",
  async capabilities(env) {
    const caps = await probeCapabilities(env);
    // No API says whether NetworkPolicy is enforced: these plugins are known to enforce it (kindnet since kind
    // v0.24). K8S_PROVEN_CAPABILITIES corrects what this guess gets wrong for the reader's cluster.
    const ds = await $({ env, quiet: true, nothrow: true })`kubectl -n kube-system get daemonsets -o name`;
    if (/kindnet|calico|cilium|antrea|kube-router|weave-net/.test(ds.stdout)) caps.add("network-policy");
    return applyOverrides(caps, process.env.K8S_PROVEN_CAPABILITIES);
  },
  kubectl: (serverVersion) => builtKubectl(serverVersion),
  // The nodes are elsewhere: only what the API tells (kubeadm's kube-proxy ConfigMap, where there is one).
  facts: async (env) => {
    const proxyMode = await kubeadmProxyMode(env);
    return proxyMode ? { proxyMode } : {};
  },
};
