import { join } from "node:path";
import { binDir, state } from "../paths.ts";
import { versions } from "../versions.ts";
import { kubectl } from "./kubectl.ts";
import { logFile, runningPid } from "./processes.ts";

const daemons = ["containerd", "etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubelet", "kube-proxy"];

/** Prints each host process and the node; returns whether everything runs. */
export async function statusLocal(): Promise<boolean> {
  let allUp = true;
  for (const d of daemons) {
    const pid = await runningPid(d);
    allUp &&= pid !== undefined;
    console.log(`${d.padEnd(24)} ${pid ? `running (pid ${pid})` : "not running"}  ${logFile(d)}`);
  }
  if (allUp) console.log((await kubectl(["get", "nodes", "-o", "wide"])).stdout);
  return allUp;
}

export function usageHint(): string {
  return [
    "Point kubectl at it:",
    `  export KUBECONFIG=${state.adminKubeconfig}`,
    `  export PATH=${join(binDir(`kubernetes-${versions.kubernetes}`))}:$PATH`,
    "  kubectl get nodes",
  ].join("\n");
}
