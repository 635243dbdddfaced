// Changes the local cluster makes to the host outside its state directories, each with its undo:
// sysctls (restored to the recorded values), a dummy interface, iptables chains, mounts, cgroups.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmdirSync, rmSync, statSync, symlinkSync } from "node:fs";
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

const ours = (chain: string) => chain.startsWith("KUBE-") || chain.startsWith("CNI-");

/** Removes the chains kube-proxy, the kubelet and the CNI plugins create, and every rule jumping to them. */
export function withoutOurChains(save: string): string {
  return save
    .split("\n")
    .filter((line) => {
      const chainDecl = /^:(\S+)/.exec(line);
      if (chainDecl) return !ours(chainDecl[1]!);
      if (line.startsWith("-A ")) {
        const [, chain] = line.split(" ");
        const target = /\s-[jg] (\S+)/.exec(line)?.[1];
        return !ours(chain!) && !(target && ours(target));
      }
      return true;
    })
    .join("\n");
}

export async function cleanIptables(): Promise<void> {
  for (const family of ["iptables", "ip6tables"]) {
    if ((await $({ quiet: true, nothrow: true })`command -v ${`${family}-save`}`).exitCode !== 0) continue;
    const save = (await $({ quiet: true, nothrow: true })`${`${family}-save`}`).stdout;
    if (!/[: ](KUBE|CNI)-/.test(save)) continue;
    await $({ quiet: true, input: withoutOurChains(save) })`${`${family}-restore`}`;
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

const cgroupRoot = "/sys/fs/cgroup";

/** The kubelet's cgroup trees (cgroupfs driver: /kubepods in every v1 hierarchy). */
export function kubepodsCgroups(): string[] {
  if (!existsSync(cgroupRoot)) return [];
  return readdirSync(cgroupRoot)
    .map((h) => join(cgroupRoot, h, "kubepods"))
    .filter((p) => existsSync(p));
}

export function pidsInCgroups(): number[] {
  const pids = new Set<number>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (e === "cgroup.procs") for (const pid of readFileSync(p, "utf8").split("\n")) pid && pids.add(Number(pid));
      else if (statSync(p).isDirectory()) walk(p);
    }
  };
  for (const root of kubepodsCgroups()) walk(root);
  return [...pids];
}

export function removeCgroups(): void {
  // A cgroup may vanish meanwhile (the kubelet's own cleanup, or a second `down` racing this one).
  const gone = (e: unknown) => (e as NodeJS.ErrnoException).code === "ENOENT";
  const rm = (dir: string) => {
    try {
      for (const e of readdirSync(dir)) {
        const p = join(dir, e);
        if (statSync(p).isDirectory()) rm(p);
      }
      rmdirSync(dir);
    } catch (e) {
      if (!gone(e)) throw e;
    }
  };
  for (const root of kubepodsCgroups()) rm(root);
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
