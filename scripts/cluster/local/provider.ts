import { hostCgroupVersion, probeCapabilities } from "../capabilities.ts";
import { builtKubectl } from "../kubectl-for.ts";
import { state } from "../paths.ts";
import type { Provider } from "../provider.ts";
import { downLocal } from "./down.ts";
import { statusLocal, usageHint } from "./status.ts";
import { registryAnswers } from "./registry.ts";
import { runningPid } from "./processes.ts";
import { upLocal } from "./up.ts";

export const localProvider: Provider = {
  name: "local",
  up: upLocal,
  down: downLocal,
  status: statusLocal,
  kubeconfig: async () => state.adminKubeconfig,
  hint: usageHint,
  async capabilities(env) {
    const caps = await probeCapabilities(env);
    // Host processes the proofs may inspect; the bridge CNI enforces no NetworkPolicy; one node.
    caps.add("local-provider");
    if ((await runningPid("registry")) && (await registryAnswers())) caps.add("private-registry");
    return caps;
  },
  kubectl: (serverVersion) => builtKubectl(serverVersion),
  kubeletRootOnHost: state.kubeletRoot,
  // The kubelet and kube-proxy run on this host: its cgroup hierarchy is theirs; kube-proxy's mode is set in configs.ts.
  facts: async () => ({ cgroup: hostCgroupVersion(), proxyMode: "iptables", cni: "bridge (CNI plugins)" }),
};
