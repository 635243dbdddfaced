// Checks that fail fast with a message naming the missing piece, before anything is started or built.
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { $ } from "zx";
import { ClusterError } from "../log.ts";
import { hostPorts } from "./topology.ts";

const requiredControllers = ["cpu", "cpuacct", "cpuset", "memory", "pids", "devices", "freezer"];

export function enabledCgroupControllers(procCgroups = readFileSync("/proc/cgroups", "utf8")): Set<string> {
  return new Set(
    procCgroups
      .split("\n")
      .filter((l) => l && !l.startsWith("#"))
      .map((l) => l.split(/\s+/))
      .filter((f) => f[3] === "1")
      .map((f) => f[0]!),
  );
}

export async function preflight(): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new ClusterError("the local provider must run as root: it starts containerd and the kubelet, and sets up iptables and mounts");
  }
  if (process.platform !== "linux") throw new ClusterError("the local provider needs Linux; use --provider kind or existing elsewhere");
  const enabled = enabledCgroupControllers();
  const missing = requiredControllers.filter((c) => !enabled.has(c));
  if (missing.length) throw new ClusterError(`cgroup controller(s) not enabled in the kernel: ${missing.join(", ")}`);
  if (!readFileSync("/proc/filesystems", "utf8").includes("overlay")) {
    throw new ClusterError("the kernel lacks overlayfs (containerd's overlayfs snapshotter needs it)");
  }
  if (!existsSync("/proc/sys/net/bridge/bridge-nf-call-iptables")) {
    throw new ClusterError("bridge netfilter is missing (/proc/sys/net/bridge): Services cannot work without br_netfilter");
  }
  const tools: Record<string, string> = {
    go: "Go toolchain (builds the components)",
    gcc: "gcc (builds runc and the pause binary)",
    iptables: "iptables (apt-get install -y iptables)",
    "iptables-save": "iptables (apt-get install -y iptables)",
    ip: "iproute2",
    openssl: "openssl",
    "pkg-config": "pkg-config and libseccomp-dev (apt-get install -y pkg-config libseccomp-dev)",
    mount: "util-linux",
  };
  for (const [tool, what] of Object.entries(tools)) {
    if ((await $({ quiet: true, nothrow: true })`command -v ${tool}`).exitCode !== 0) throw new ClusterError(`${tool} not found: install ${what}`);
  }
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
