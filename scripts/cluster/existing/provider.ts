// The cluster of the current kubeconfig context, used as it is: never created, changed or deleted here.
import { $ } from "zx";
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
};
