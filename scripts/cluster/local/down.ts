// Stops the local cluster and removes every trace of it; safe to run when nothing runs.
import { existsSync, readdirSync, rmdirSync } from "node:fs";
import { dirname } from "node:path";
import { rm } from "node:fs/promises";
import { runRoot, state, stateRoot } from "../paths.ts";
import { step, timed } from "../log.ts";
import { cleanIptables, deleteLinks, pidsInCgroups, removeCgroups, removeStaleShimSockets, restoreSysctls, unlinkContainerdSocketForCadvisor, unmountAll } from "./host.ts";
import { pidsOfCachedBinaries, stopDaemon, stopPids } from "./processes.ts";

// Reverse start order: first what would restart containers, then the containers, then the store.
const nodeSide = ["kubelet", "kube-proxy", "kube-scheduler", "kube-controller-manager"];
const storeSide = ["containerd", "kube-apiserver", "etcd", "registry"];

export async function downLocal(): Promise<void> {
  await timed("stopping the local cluster", async () => {
    for (const name of nodeSide) await stopDaemon(name);
    // Containers are not children of anything we started directly: find them by cgroup, shims by binary.
    await stopPids(pidsInCgroups(), 5_000);
    for (const name of storeSide) await stopDaemon(name);
    await stopPids(pidsOfCachedBinaries(), 5_000);
    await stopPids(pidsInCgroups(), 5_000);
    await unmountAll();
    await deleteLinks();
    await cleanIptables();
    removeCgroups();
    unlinkContainerdSocketForCadvisor(state.containerdSocket);
    removeStaleShimSockets();
    await restoreSysctls();
    for (const dir of [stateRoot, runRoot]) if (existsSync(dir)) await rm(dir, { recursive: true, force: true });
    // The parent of the default state directory holds nothing else of ours once the sysctl record is gone.
    const parent = dirname(stateRoot);
    if (existsSync(parent) && readdirSync(parent).length === 0) rmdirSync(parent);
  });
  step("local cluster is down: no process, mount, link, iptables chain or state directory of it is left");
}
