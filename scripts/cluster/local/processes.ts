// Host processes of the local cluster: started detached with a pid file and a log each, stopped by pid
// and, as a safety net, by executable path, so nothing we started outlives `down`.
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ClusterError } from "../log.ts";
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

async function killAndWait(pids: number[], timeoutMs: number): Promise<void> {
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {}
  }
  const deadline = Date.now() + timeoutMs;
  while (pids.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const pid of pids.filter(isAlive)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {}
  }
  while (pids.some(isAlive)) await new Promise((r) => setTimeout(r, 50));
}

export async function stopDaemon(name: string, timeoutMs = 10_000): Promise<void> {
  const pid = await readPid(name);
  if (pid !== undefined && isAlive(pid)) await killAndWait([pid], timeoutMs);
  await rm(pidFile(name), { force: true });
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

export const stopPids = killAndWait;
