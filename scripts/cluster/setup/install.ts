// The thin, impure half of requirements.ts: finds out what this machine has, and installs what is missing with
// apt-get when it can (root, apt-get present), else fails with one message naming everything and the command.
import { execFileSync } from "node:child_process";
import { accessSync, constants, existsSync, openSync, readSync, closeSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ClusterError, step } from "../log.ts";
import { planSetup, probedNames, setupMessage, type HostFacts, type Requirement, type SetupPlan } from "./requirements.ts";

const sbinDirs = ["/usr/local/sbin", "/usr/sbin", "/sbin"];

function onPath(command: string, path = process.env.PATH ?? ""): boolean {
  for (const dir of [...path.split(":").filter(Boolean), ...sbinDirs]) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {}
  }
  return false;
}

/**
 * A static ELF executable has no PT_INTERP program header (no dynamic loader). Reads the ELF header and the
 * program header table; 64- and 32-bit, little-endian (the architectures Debian's busybox-static is built for here).
 */
export function isStaticElf(header: Buffer): boolean {
  if (header.length < 52 || header.readUInt32BE(0) !== 0x7f454c46 || header[5] !== 1) return false;
  const is64 = header[4] === 2;
  const phoff = is64 ? Number(header.readBigUInt64LE(32)) : header.readUInt32LE(28);
  const phentsize = header.readUInt16LE(is64 ? 54 : 42);
  const phnum = header.readUInt16LE(is64 ? 56 : 44);
  if (phoff + phentsize * phnum > header.length) return false;
  for (let i = 0; i < phnum; i++) if (header.readUInt32LE(phoff + i * phentsize) === 3 /* PT_INTERP */) return false;
  return true;
}

function staticExecutable(path: string): boolean {
  try {
    const fd = openSync(path, "r");
    try {
      const buf = Buffer.alloc(4096);
      const n = readSync(fd, buf, 0, buf.length, 0);
      return isStaticElf(buf.subarray(0, n));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

function goVersion(): string | undefined {
  try {
    return execFileSync("go", ["env", "GOVERSION"], { encoding: "utf8", timeout: 30_000, stdio: ["ignore", "pipe", "ignore"] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function gatherFacts(requirements: Requirement[]): HostFacts {
  const names = probedNames(requirements);
  return {
    commands: new Set(names.commands.filter((c) => onPath(c))),
    files: new Set(names.files.filter((f) => existsSync(f))),
    staticExecutables: new Set(names.staticExecutables.filter(staticExecutable)),
    goVersion: names.go && onPath("go") ? goVersion() : undefined,
    uid: process.getuid?.() ?? -1,
    aptGet: onPath("apt-get"),
  };
}

export interface InstallDeps {
  /** Runs a command; rejects (with its output) when it fails. */
  run(argv: string[], env: NodeJS.ProcessEnv): Promise<void>;
  /** Writes /usr/sbin/policy-rc.d (exit 101) unless one exists; returns whether it wrote it. */
  blockServiceStarts(): boolean;
  unblockServiceStarts(): void;
  log(line: string): void;
}

const policyRcD = "/usr/sbin/policy-rc.d";

const hostInstall: InstallDeps = {
  async run(argv, env) {
    try {
      execFileSync(argv[0]!, argv.slice(1), { env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", maxBuffer: 64 << 20 });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; status?: number };
      const tail = `${err.stdout ?? ""}\n${err.stderr ?? ""}`.trim().split("\n").slice(-20).join("\n");
      throw new ClusterError(`${argv.slice(0, 2).join(" ")} failed (exit ${err.status ?? "?"})`, tail);
    }
  },
  blockServiceStarts() {
    if (existsSync(policyRcD)) return false;
    writeFileSync(policyRcD, "#!/bin/sh\n# k8s-proven: no service starts during this install\nexit 101\n", { mode: 0o755 });
    return true;
  },
  unblockServiceStarts() {
    rmSync(policyRcD, { force: true });
  },
  log: step,
};

/**
 * One `apt-get update`, one `apt-get install` of every package in the plan, non-interactive. docker.io's
 * maintainer scripts would start dockerd on the host's own paths; a policy-rc.d that answers 101 ("action
 * forbidden") keeps them from it, and is removed afterwards (up starts its own dockerd, kind/engine/).
 */
export async function installPackages(plan: SetupPlan, deps: InstallDeps = hostInstall): Promise<void> {
  if (!plan.canInstall) return;
  const reasons = [...plan.missing, ...plan.missingOptional].filter((r) => r.package).map((r) => `${r.package}: ${r.why}`);
  deps.log(`installing Debian packages ${plan.packages.join(" ")}\n${reasons.map((r) => `           ${r}`).join("\n")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const blocked = plan.packages.includes("docker.io") && deps.blockServiceStarts();
  try {
    await deps.run(["apt-get", "update", "-qq"], env);
    await deps.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", ...plan.packages], env);
  } finally {
    if (blocked) deps.unblockServiceStarts();
  }
}

export interface EnsureOptions {
  /** Named in the message: "the local cluster". */
  context: string;
  /** Problems no package fixes (not root, kernel features): reported in the same message, nothing installed. */
  hostProblems?: string[];
  gather?: (requirements: Requirement[]) => HostFacts;
  install?: (plan: SetupPlan) => Promise<void>;
  log?: (line: string) => void;
}

/**
 * Checks every requirement at once; installs the missing Debian packages when it can, then checks again.
 * Throws one ClusterError naming everything missing (and every host problem) with the command that installs
 * the packages. Optional requirements that stay missing are only reported.
 */
export async function ensureRequirements(requirements: Requirement[], opts: EnsureOptions): Promise<void> {
  const gather = opts.gather ?? gatherFacts;
  const log = opts.log ?? step;
  const hostProblems = opts.hostProblems ?? [];
  let facts = gather(requirements);
  let plan = planSetup(requirements, facts);
  if (!hostProblems.length && plan.canInstall) {
    await (opts.install ?? ((p) => installPackages(p)))(plan);
    facts = gather(requirements);
    plan = planSetup(requirements, facts);
  }
  const message = setupMessage(plan, facts, opts.context);
  if (hostProblems.length || plan.missing.length) {
    const parts = [...(hostProblems.length ? [`${opts.context} cannot start on this machine:`, ...hostProblems.map((p) => `  - ${p}`)] : [])];
    if (message) parts.push(message);
    throw new ClusterError(`${opts.context}: set-up incomplete (nothing was built or started)`, parts.join("\n"));
  }
  if (message) log(message);
}
