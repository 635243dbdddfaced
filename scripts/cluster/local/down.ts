// Stops the local cluster and removes every trace of it; safe to run when nothing runs.
import { existsSync, readdirSync, rmdirSync } from "node:fs";
import { dirname } from "node:path";
import { rm } from "node:fs/promises";
import { runRoot, state, stateRoot } from "../paths.ts";
import { ClusterError, step, timed } from "../log.ts";
import { pidsInCgroups, removeCgroups } from "./cgroups.ts";
import { deleteLinks, removeStaleShimSockets, restoreSysctls, unlinkContainerdSocketForCadvisor, unmountAll } from "./host.ts";
import { cleanIptables } from "./iptables.ts";
import { isAlive, pidsOfCachedBinaries, stopDaemon, stopPids, type StuckProcess } from "./processes.ts";

// Reverse start order: first what would restart containers, then the containers, then the store.
const nodeSide = ["kubelet", "kube-proxy", "kube-scheduler", "kube-controller-manager"];
const storeSide = ["containerd", "kube-apiserver", "etcd", "registry"];

export async function downLocal(): Promise<void> {
  const problems: string[] = [];
  await timed("stopping the local cluster", async () => {
    const stuck = new Map<number, StuckProcess>();
    const note = (list: StuckProcess[]) => list.forEach((s) => stuck.set(s.pid, s));
    for (const name of nodeSide) note(await stopDaemon(name));
    // Containers are not children of anything we started directly: find them by cgroup, shims by binary.
    note(await stopPids(pidsInCgroups(), 5_000));
    for (const name of storeSide) note(await stopDaemon(name));
    note(await stopPids(pidsOfCachedBinaries(), 5_000));
    note(await stopPids(pidsInCgroups(), 5_000));
    await unmountAll();
    await deleteLinks();
    problems.push(...(await cleanIptables()));
    try {
      removeCgroups();
    } catch (e) {
      problems.push(`a kubepods cgroup could not be removed: ${(e as Error).message}`);
    }
    unlinkContainerdSocketForCadvisor(state.containerdSocket);
    removeStaleShimSockets();
    await restoreSysctls();
    const left = [...stuck.values()].filter((s) => isAlive(s.pid));
    if (left.length) {
      problems.push(
        ...left.map((s) => `pid ${s.pid} (${s.command}) survived SIGKILL${s.state ? ` in state ${s.state}` : ""}: it is stuck in the kernel (a hung mount or device); it goes when that returns, or at reboot`),
      );
    }
    // The state directory holds the record of the host's iptables chains before up: kept when something is
    // left, so the next `down` (or `up`, which runs `down` first) tries again with it.
    if (!problems.length) {
      for (const dir of [stateRoot, runRoot]) if (existsSync(dir)) await rm(dir, { recursive: true, force: true });
      // The parent of the default state directory holds nothing else of ours once the sysctl record is gone.
      const parent = dirname(stateRoot);
      if (existsSync(parent) && readdirSync(parent).length === 0) rmdirSync(parent);
    }
  });
  if (problems.length) {
    throw new ClusterError(`the local cluster is down, but not everything of it could be removed; ${stateRoot} is kept for the next npm run cluster:down`, problems.join("\n"));
  }
  step("local cluster is down: no process, mount, link, iptables chain or state directory of it is left");
}
