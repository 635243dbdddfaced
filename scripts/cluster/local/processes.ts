// Host processes of the local cluster: started detached with a pid file and a log each, stopped by pid
// and, as a safety net, by executable path, so nothing we started outlives `down`.
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ClusterError, step } from "../log.ts";
import { cacheRoot, state } from "../paths.ts";

export interface Daemon {
  name: string;
  argv: string[];
  env?: Record<string, string>;
}

const pidFile = (name: string) => join(state.pids, `${name}.pid`);
export const logFile = (name: string) => join(state.logs, `${name}.log`);

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !existsSync(`/proc/${pid}/stat`) || !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
  } catch {
    return false;
  }
}

export async function readPid(name: string): Promise<number | undefined> {
  if (!existsSync(pidFile(name))) return undefined;
  const pid = Number((await readFile(pidFile(name), "utf8")).trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export async function runningPid(name: string): Promise<number | undefined> {
  const pid = await readPid(name);
  return pid !== undefined && isAlive(pid) ? pid : undefined;
}

export async function startDaemon(d: Daemon): Promise<number> {
  const already = await runningPid(d.name);
  if (already) return already;
  await mkdir(state.logs, { recursive: true });
  await mkdir(state.pids, { recursive: true });
  const fd = openSync(logFile(d.name), "a");
  const child = spawn(d.argv[0]!, d.argv.slice(1), {
    detached: true,
    stdio: ["ignore", fd, fd],
    env: { ...process.env, ...d.env },
  });
  closeSync(fd);
  if (child.pid === undefined) throw new ClusterError(`${d.name} could not be started (${d.argv[0]})`);
  child.unref();
  await writeFile(pidFile(d.name), String(child.pid));
  return child.pid;
}

export async function logTail(name: string, lines = 25): Promise<string> {
  if (!existsSync(logFile(name))) return "(no log)";
  return (await readFile(logFile(name), "utf8")).trimEnd().split("\n").slice(-lines).join("\n");
}

/** Polls check() until it returns true; fails early, with the log, when the daemon has exited. */
export async function waitFor(name: string, what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    const pid = await readPid(name);
    if (pid !== undefined && !isAlive(pid)) {
      throw new ClusterError(`${name} exited during start-up (log: ${logFile(name)})`, await logTail(name));
    }
    if (Date.now() > deadline) {
      throw new ClusterError(`${name}: ${what} not reached within ${timeoutMs / 1000}s (log: ${logFile(name)})`, await logTail(name));
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A process still there after SIGKILL and the bound: its command and state (D: uninterruptible sleep). */
export interface StuckProcess {
  pid: number;
  command: string;
  state?: string;
}

export interface StopDeps {
  isAlive(pid: number): boolean;
  signal(pid: number, signal: "SIGTERM" | "SIGKILL"): void;
  sleep(ms: number): Promise<void>;
  now(): number;
  describe(pid: number): { command: string; state?: string };
  log(line: string): void;
}

/** `/proc/<pid>/cmdline` (shortened) and the state letter of `/proc/<pid>/stat`. */
export function describeProcess(pid: number, procRoot = "/proc"): { command: string; state?: string } {
  let command = "?";
  let state: string | undefined;
  try {
    command = readFileSync(join(procRoot, String(pid), "cmdline"), "utf8").split("\0").filter(Boolean).join(" ") || "?";
    if (command.length > 160) command = `${command.slice(0, 157)}…`;
  } catch {}
  try {
    const stat = readFileSync(join(procRoot, String(pid), "stat"), "utf8");
    state = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
  } catch {}
  return { command, state };
}

const hostStop: StopDeps = {
  isAlive,
  signal(pid, signal) {
    try {
      process.kill(pid, signal);
    } catch {}
  },
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  now: () => Date.now(),
  describe: (pid) => describeProcess(pid),
  log: step,
};

/**
 * SIGTERM, up to graceMs for the processes to exit, SIGKILL for the rest, then up to killBoundMs more. A process
 * that survives even that (stuck in the kernel, state D, on a hung mount or device) is not waited for: it is
 * reported by pid, command and state, and returned.
 */
export async function stopPids(pids: number[], graceMs: number, opts: { killBoundMs?: number; deps?: Partial<StopDeps> } = {}): Promise<StuckProcess[]> {
  const d: StopDeps = { ...hostStop, ...opts.deps };
  const killBoundMs = opts.killBoundMs ?? 10_000;
  const alive = () => pids.filter((p) => d.isAlive(p));
  const waitUntilGone = async (ms: number) => {
    const deadline = d.now() + ms;
    while (alive().length && d.now() < deadline) await d.sleep(100);
  };
  for (const pid of pids) d.signal(pid, "SIGTERM");
  await waitUntilGone(graceMs);
  const survivors = alive();
  for (const pid of survivors) d.signal(pid, "SIGKILL");
  if (survivors.length) await waitUntilGone(killBoundMs);
  const stuck = alive().map((pid) => ({ pid, ...d.describe(pid) }));
  for (const s of stuck) {
    d.log(`pid ${s.pid} (${s.command}) is still there ${killBoundMs / 1000}s after SIGKILL${s.state ? `, state ${s.state}` : ""}: not waiting for it`);
  }
  return stuck;
}

export async function stopDaemon(name: string, timeoutMs = 10_000): Promise<StuckProcess[]> {
  const pid = await readPid(name);
  const stuck = pid !== undefined && isAlive(pid) ? await stopPids([pid], timeoutMs) : [];
  await rm(pidFile(name), { force: true });
  return stuck;
}

/** Every process running a binary from our build cache (daemons whose pid file was lost, shims). */
export function pidsOfCachedBinaries(): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readlinkSync(`/proc/${entry}/exe`).startsWith(`${cacheRoot}/bin/`)) found.push(Number(entry));
    } catch {}
  }
  return found;
}

