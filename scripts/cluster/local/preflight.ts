// Checks, before anything is built or started, everything the local cluster needs: root, Linux, the kernel's
// cgroups (v1, hybrid or v2), overlayfs and bridge netfilter, and every command and package. Missing Debian
// packages are installed when this runs as root where apt-get exists; otherwise one message names everything
// missing and the command that installs it (setup/).
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { $ } from "zx";
import { ClusterError, step } from "../log.ts";
import { ensureRequirements } from "../setup/install.ts";
import { requirementsFor } from "../setup/requirements.ts";
import { checkCgroups, hostCgroupPaths, type CgroupPaths } from "./cgroups.ts";
import { hostPorts } from "./topology.ts";

export { enabledCgroupControllers } from "./cgroups.ts";

export interface HostInfo {
  uid: number;
  platform: string;
  paths: CgroupPaths;
}

/** What no package installs: root, Linux, cgroups, overlayfs, bridge netfilter. Pure over the given paths. */
export function hostProblems(host: HostInfo = { uid: process.getuid?.() ?? -1, platform: process.platform, paths: hostCgroupPaths }): {
  problems: string[];
  notes: string[];
} {
  const problems: string[] = [];
  if (host.platform !== "linux") return { problems: ["the local provider needs Linux; use --provider kind or existing elsewhere"], notes: [] };
  if (host.uid !== 0) problems.push("the local provider must run as root: it starts containerd and the kubelet, and sets up iptables and mounts");
  const cgroups = checkCgroups(host.paths);
  problems.push(...cgroups.problems);
  const filesystems = join(host.paths.procRoot, "filesystems");
  if (existsSync(filesystems) && !readFileSync(filesystems, "utf8").includes("overlay")) {
    problems.push("the kernel lacks overlayfs (containerd's overlayfs snapshotter needs it)");
  }
  if (!existsSync(join(host.paths.procRoot, "sys/net/bridge/bridge-nf-call-iptables"))) {
    problems.push("bridge netfilter is missing (/proc/sys/net/bridge): Services cannot work without br_netfilter");
  }
  return { problems, notes: cgroups.notes };
}

export async function preflight(): Promise<void> {
  const host = hostProblems();
  await ensureRequirements(requirementsFor("local"), { context: "the local cluster", hostProblems: host.problems });
  for (const n of host.notes) step(n);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(false));
    srv.listen({ port, host: "0.0.0.0" }, () => srv.close(() => resolve(true)));
  });
}

/** Before a fresh start: every port of ours must be free, or something else owns it. */
export async function checkPortsFree(): Promise<void> {
  for (const [port, what] of Object.entries(hostPorts)) {
    if (!(await portFree(Number(port)))) {
      const who = (await $({ quiet: true, nothrow: true })`ss -Hltnp sport = :${port}`).stdout.trim();
      throw new ClusterError(`port ${port} (${what}) is already taken${who ? `: ${who}` : ""}; stop what holds it or run npm run cluster:down`);
    }
  }
}
