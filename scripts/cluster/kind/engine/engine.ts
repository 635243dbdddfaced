// A Docker engine for kind where none runs (this project's CI): Debian's dockerd on a containerd and runc
// of the versions the local cluster uses, its data kept in the cache (images survive `down`), its runtime
// state in a directory of its own. `down` stops it only if `up` started it, and leaves no rule, link or mount.
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { $ } from "zx";
import * as programs from "../../build/components.ts";
import { ensureGoProgram } from "../../build/gomodule.ts";
import { ClusterError, step, timed } from "../../log.ts";
import { cacheRoot } from "../../paths.ts";

const here = dirname(fileURLToPath(import.meta.url));
// Not under /run/k8s-proven: the local provider's `down` removes that directory whole.
const runDir = process.env.K8S_PROVEN_DOCKER_RUN ?? "/run/k8s-proven-docker";
const dataDir = join(cacheRoot, "docker");
const paths = {
  containerdConfig: join(runDir, "containerd.toml"),
  containerdSocket: join(runDir, "containerd", "containerd.sock"),
  daemonJson: join(runDir, "daemon.json"),
  runcWrapper: join(runDir, "runc"),
  dockerdPid: join(runDir, "dockerd.pid"),
  containerdPid: join(runDir, "containerd.pid"),
  // What to put back when the engine stops, as it was before dockerd changed it.
  restore: join(runDir, "restore.json"),
  log: (name: string) => join(runDir, `${name}.log`),
};

interface Restore {
  ipForward: string;
  forwardPolicy: string;
}

export async function dockerAnswers(): Promise<boolean> {
  return (await $({ quiet: true, nothrow: true, timeout: "10s" })`docker info`).exitCode === 0;
}

/** True when the engine that answers is the one this project started. */
export const engineIsOurs = () => existsSync(paths.restore);

/** Where the engine this project starts keeps its runtime state (named in messages). */
export const engineRunDir = runDir;

/** Makes sure a Docker engine answers, starting ours when none does; true when it started one now. */
export async function ensureDockerEngine(): Promise<boolean> {
  if (await dockerAnswers()) return false;
  if (process.getuid?.() !== 0) throw new ClusterError("no Docker engine answers (docker info failed), and starting one needs root");
  if ((await $({ quiet: true, nothrow: true })`command -v dockerd`).exitCode !== 0) {
    throw new ClusterError("no Docker engine answers and dockerd is not installed: install Debian's docker.io (apt-get install -y docker.io) or start your Docker engine");
  }
  if (existsSync(runDir)) await stopDockerEngine(); // a previous engine of ours that died half-way
  const containerd = await ensureGoProgram(programs.containerd);
  const runc = await ensureGoProgram(programs.runc);
  await timed("starting a Docker engine (Debian's dockerd on containerd " + programs.containerd.version + ")", async () => {
    await mkdir(dirname(paths.containerdSocket), { recursive: true });
    const forward = (await $({ quiet: true })`iptables -S FORWARD`).stdout.match(/^-P FORWARD (\w+)/m)?.[1] ?? "ACCEPT";
    const restore: Restore = { ipForward: (await readFile("/proc/sys/net/ipv4/ip_forward", "utf8")).trim(), forwardPolicy: forward };
    await writeFile(paths.restore, JSON.stringify(restore));
    await writeFile(
      paths.containerdConfig,
      `version = 3
root = '${join(dataDir, "containerd")}'
state = '${join(runDir, "containerd")}'
# dockerd needs containerd's core services only; the CRI belongs to the kubelets inside the kind nodes.
disabled_plugins = ['io.containerd.grpc.v1.cri', 'io.containerd.cri.v1.images', 'io.containerd.cri.v1.runtime', 'io.containerd.nri.v1.nri']
[grpc]
  address = '${paths.containerdSocket}'
[ttrpc]
  address = '${paths.containerdSocket}.ttrpc'
`,
    );
    await writeFile(
      paths.runcWrapper,
      `#!/bin/sh\nPROVEN_RUNC='${join(runc, "runc")}' exec '${join(here, "runc-held-caps.sh")}' "$@"\n`,
      { mode: 0o755 },
    );
    await writeFile(
      paths.daemonJson,
      JSON.stringify(
        {
          "data-root": join(dataDir, "engine"),
          "exec-root": join(runDir, "exec"),
          pidfile: paths.dockerdPid,
          containerd: paths.containerdSocket,
          runtimes: { "runc-held-caps": { path: paths.runcWrapper } },
          "default-runtime": "runc-held-caps",
          "storage-driver": "overlay2",
        },
        null,
        2,
      ),
    );
    const env = { ...process.env, PATH: `${containerd}:${process.env.PATH}` };
    await background(["containerd", join(containerd, "containerd"), "--config", paths.containerdConfig], env, paths.containerdPid);
    await waitUntil("containerd", async () => existsSync(paths.containerdSocket), 30);
    await background(["dockerd", "dockerd", "--config-file", paths.daemonJson], env);
    await waitUntil("dockerd", dockerAnswers, 60);
  });
  return true;
}

/** Starts a daemon detached from this process, its output in runDir/<name>.log. */
async function background([name, ...argv]: string[], env: NodeJS.ProcessEnv, pidFile?: string): Promise<void> {
  const r = await $({ env, quiet: true })`setsid ${argv} >${paths.log(name!)} 2>&1 < /dev/null & echo $!`;
  if (pidFile) await writeFile(pidFile, r.stdout.trim());
}

/** Waits for a daemon started by background(); on a timeout the error shows the end of its log. */
async function waitUntil(name: string, ok: () => Promise<boolean>, seconds: number): Promise<void> {
  for (const end = Date.now() + seconds * 1000; Date.now() < end; await new Promise((r) => setTimeout(r, 500))) if (await ok()) return;
  const log = existsSync(paths.log(name)) ? await readFile(paths.log(name), "utf8") : "";
  throw new ClusterError(`${name} for the Docker engine did not come up within ${seconds}s (log: ${paths.log(name)})`, log.split("\n").slice(-15).join("\n"));
}

async function stopPid(pidFile: string, name: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).trim());
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!pid || !alive()) return;
  process.kill(pid, "SIGTERM");
  for (let i = 0; i < 60 && alive(); i++) await new Promise((r) => setTimeout(r, 500));
  if (alive()) {
    step(`${name} did not stop within 30s: killing it`);
    process.kill(pid, "SIGKILL");
  }
}

/** Stops the engine this project started, and removes what it left in the host's network setup. */
export async function stopDockerEngine(): Promise<void> {
  if (!existsSync(runDir)) return;
  await timed("stopping the Docker engine", async () => {
    // kind keeps its network after the last cluster; its bridge would outlive the engine.
    if (await dockerAnswers()) await $({ quiet: true, nothrow: true })`docker network rm kind`;
    await stopPid(paths.dockerdPid, "dockerd");
    await stopPid(paths.containerdPid, "containerd");
    await $({ quiet: true, nothrow: true })`pkill -f ${`containerd-shim-runc-v2 -namespace moby -address ${paths.containerdSocket}`}`;
    const restore = existsSync(paths.restore) ? (JSON.parse(await readFile(paths.restore, "utf8")) as Restore) : undefined;
    await removeDockerNetworking(restore);
    const mounts = (await readFile("/proc/mounts", "utf8")).split("\n").map((l) => l.split(" ")[1] ?? "");
    for (const m of mounts.filter((m) => m.startsWith(runDir) || m.startsWith(dataDir)).reverse()) {
      await $({ quiet: true, nothrow: true })`umount -l ${m}`;
    }
    if (restore) await writeFile("/proc/sys/net/ipv4/ip_forward", restore.ipForward);
    await rm(runDir, { recursive: true, force: true });
  });
}

/** dockerd leaves its chains, rules, FORWARD policy and bridges behind when it stops. */
async function removeDockerNetworking(restore: Restore | undefined): Promise<void> {
  const dockerRule = /DOCKER|docker0|br-[0-9a-f]{12}/;
  for (const tool of ["iptables", "ip6tables"]) {
    const saved = await $({ quiet: true, nothrow: true })`${tool}-save`;
    if (saved.exitCode !== 0 || !dockerRule.test(saved.stdout)) continue;
    const kept = saved.stdout
      .split("\n")
      .filter((l) => !dockerRule.test(l))
      // dockerd set FORWARD to DROP; the local cluster's pods need it as it was (the kernel's default: ACCEPT).
      .map((l) => (l.startsWith(":FORWARD ") ? l.replace(/^:FORWARD \w+/, `:FORWARD ${restore?.forwardPolicy ?? "ACCEPT"}`) : l))
      .join("\n");
    const r = await $({ quiet: true, nothrow: true, input: kept })`${tool}-restore`;
    if (r.exitCode !== 0) step(`could not remove Docker's ${tool} rules: ${r.stderr.trim()}`);
  }
  const links = (await $({ quiet: true })`ip -o link show`).stdout;
  for (const [, name] of links.matchAll(/^\d+: (docker0|br-[0-9a-f]{12})[@:]/gm)) await $({ quiet: true, nothrow: true })`ip link delete ${name}`;
}
