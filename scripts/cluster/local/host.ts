// Changes the local cluster makes to the host outside its state directories, each with its undo:
// sysctls (restored to the recorded values), the node's bridge, mounts, the cAdvisor socket link, shim sockets.
// iptables chains: iptables.ts; cgroups: cgroups.ts.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmdirSync, rmSync, symlinkSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { $ } from "zx";
import { runRoot, stateRoot } from "../paths.ts";
import { topology } from "./topology.ts";

// Set by us (forwarding, bridge netfilter) or by the kubelet itself (kubelet's setupKernelTunables).
const sysctls: Record<string, string | null> = {
  "net/ipv4/ip_forward": "1",
  "net/bridge/bridge-nf-call-iptables": "1",
  "net/bridge/bridge-nf-call-ip6tables": "1",
  "vm/overcommit_memory": null,
  "vm/panic_on_oom": null,
  "kernel/panic": null,
  "kernel/panic_on_oops": null,
  "kernel/keys/root_maxkeys": null,
  "kernel/keys/root_maxbytes": null,
  "net/ipv4/conf/all/route_localnet": null,
};
const sysctlRecord = "/var/lib/k8s-proven/host-sysctls.json";
const proc = (key: string) => `/proc/sys/${key}`;

export async function applySysctls(): Promise<void> {
  if (!existsSync(sysctlRecord)) {
    const before: Record<string, string> = {};
    for (const key of Object.keys(sysctls)) if (existsSync(proc(key))) before[key] = readFileSync(proc(key), "utf8").trim();
    await $`mkdir -p /var/lib/k8s-proven`;
    await writeFile(sysctlRecord, JSON.stringify(before, null, 2));
  }
  for (const [key, value] of Object.entries(sysctls)) if (value !== null) await writeFile(proc(key), value);
}

export async function restoreSysctls(): Promise<void> {
  if (!existsSync(sysctlRecord)) return;
  const before = JSON.parse(await readFile(sysctlRecord, "utf8")) as Record<string, string>;
  for (const [key, value] of Object.entries(before)) {
    try {
      await writeFile(proc(key), value);
    } catch {}
  }
  await $`rm -f ${sysctlRecord}`;
}

/** The node's address, on a bridge without ports: this kernel has no dummy driver, bridges are built in. */
export async function addNodeInterface(): Promise<void> {
  const dev = topology.nodeInterface;
  if ((await $({ quiet: true, nothrow: true })`ip link show ${dev}`).exitCode !== 0) {
    await $({ quiet: true })`ip link add ${dev} type bridge`;
  }
  await $({ quiet: true, nothrow: true })`ip addr add ${`${topology.nodeIP}/32`} dev ${dev}`;
  await $({ quiet: true })`ip link set ${dev} up`;
}

/** Our links: the node interface, the CNI bridge and any veth still attached to it. */
export async function deleteLinks(): Promise<void> {
  const links = JSON.parse((await $({ quiet: true })`ip -j link show`).stdout) as { ifname: string; master?: string }[];
  for (const l of links) {
    if (l.ifname === topology.nodeInterface || l.ifname === topology.cniBridge || l.master === topology.cniBridge) {
      await $({ quiet: true, nothrow: true })`ip link delete ${l.ifname}`;
    }
  }
}

/** Mount points under our trees, deepest first (a netns, a secret's tmpfs, a container's rootfs). */
export function ourMounts(mountinfo = readFileSync("/proc/self/mountinfo", "utf8")): string[] {
  const points = mountinfo
    .split("\n")
    .map((l) => l.split(" ")[4])
    .filter((p): p is string => !!p)
    .map((p) => p.replace(/\\040/g, " "))
    .filter((p) => [stateRoot, runRoot].some((root) => p === root || p.startsWith(`${root}/`)));
  return [...new Set(points)].sort((a, b) => b.length - a.length);
}

export async function unmountAll(): Promise<void> {
  for (let pass = 0; pass < 5; pass++) {
    const points = ourMounts();
    if (!points.length) return;
    for (const p of points) {
      if ((await $({ quiet: true, nothrow: true })`umount ${p}`).exitCode !== 0) await $({ quiet: true, nothrow: true })`umount -l ${p}`;
    }
  }
}

const cadvisorContainerdSocket = "/run/containerd/containerd.sock";

/**
 * The kubelet's built-in cAdvisor finds containerd only at /run/containerd/containerd.sock (no kubelet flag
 * moves it); without it, cAdvisor labels no per-container series. Where no containerd owns that path, point
 * it at ours. Returns whether the link was made (an existing socket of a system containerd is left alone).
 */
export function linkContainerdSocketForCadvisor(ourSocket: string): boolean {
  if (existsSync(cadvisorContainerdSocket) || lstatOrUndefined(cadvisorContainerdSocket)) return false;
  mkdirSync("/run/containerd", { recursive: true });
  symlinkSync(ourSocket, cadvisorContainerdSocket);
  return true;
}

export function unlinkContainerdSocketForCadvisor(ourSocket: string): void {
  const l = lstatOrUndefined(cadvisorContainerdSocket);
  if (l?.isSymbolicLink() && readlinkSync(cadvisorContainerdSocket) === ourSocket) rmSync(cadvisorContainerdSocket);
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/**
 * containerd 2 puts shim sockets under /run/containerd/s whatever its state directory is. After our
 * shims have exited, remove the sockets nothing listens on, and the folders if that leaves them empty;
 * a system containerd's live sockets are left alone.
 */
export function removeStaleShimSockets(dir = "/run/containerd/s"): void {
  if (!existsSync(dir)) return;
  const listening = new Set(
    readFileSync("/proc/net/unix", "utf8")
      .split("\n")
      .slice(1)
      .map((l) => l.trim().split(/\s+/)[7])
      .filter((p): p is string => !!p),
  );
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (!listening.has(p)) rmSync(p, { force: true });
  }
  for (const d of [dir, "/run/containerd"]) {
    if (existsSync(d) && readdirSync(d).length === 0) rmdirSync(d);
  }
}
