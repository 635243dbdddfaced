// Builds upstream Go programs from their published modules, through a generated wrapper module.
//
// Why a wrapper: `go install mod/cmd@v` ignores the module's replace directives, and Kubernetes and etcd
// resolve their sibling modules through relative replaces (./staging/src/…, ../api). In a wrapper module
// we are the main module, so our replace directives apply and point those siblings at their published tags.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { $ } from "zx";
import { ClusterError, timed } from "../log.ts";
import { binDir, srcDir } from "../paths.ts";

export interface GoProgram {
  /** Component name used in messages and cache keys. */
  name: string;
  module: string;
  version: string;
  /** Main packages to build; each binary is named as `go build` names it, unless renamed here. */
  packages: string[];
  rename?: Record<string, string>;
  cgo?: boolean;
  tags?: string[];
  ldflags?: string[];
  /** Target of a relative replace directive in the upstream go.mod (e.g. k8s staging → v0.x). */
  siblingVersion?: (modulePath: string) => string;
  /** Extra environment for `go build`, e.g. CGO flags. */
  env?: Record<string, string>;
  /** Dependencies raised to these versions (module@version) over the upstream go.mod, e.g. past reported flaws. */
  upgrade?: string[];
  /**
   * A main package of our own, built instead of upstream's (e.g. CoreDNS with only the plugins the cluster
   * uses, as CoreDNS's plugin.cfg allows at compile time). Written to cmd/<name>/main.go of the wrapper;
   * list `${wrapperModule(p)}/cmd/<name>` in packages.
   */
  mainSource?: string;
}

/** The module path of a program's generated wrapper module. */
export const wrapperModule = (p: Pick<GoProgram, "name">) => `k8sproven.local/build/${p.name}`;

interface GoModJson {
  Go?: string;
  Godebug?: { Key: string; Value: string }[];
  Replace?: { Old: { Path: string; Version?: string }; New: { Path: string; Version?: string } }[];
  Exclude?: { Path: string; Version: string }[];
}

/** `go build`'s own naming: the last path element, skipping a major-version suffix such as /v3. */
const goBuildName = (pkg: string) => {
  const parts = pkg.split("/");
  return /^v\d+$/.test(parts.at(-1)!) ? parts.at(-2)! : parts.at(-1)!;
};
export const binaryName = (p: GoProgram, pkg: string) => p.rename?.[pkg] ?? goBuildName(pkg);
export const cacheKey = (p: GoProgram) => `${p.name}-${p.version}`;

/** The `go build` command line of a program, without its output directory: what its binaries are built with. */
export function goBuildArgs(p: GoProgram): string[] {
  // Every build: paths trimmed from the binaries (reproducible, and shared Go build cache entries across
  // wrapper modules), no symbol table and no DWARF in the links (-s -w), as upstream release builds do.
  const ldflags = ["-s", "-w", ...(p.ldflags ?? [])].join(" ");
  return ["build", "-trimpath", `-tags=${(p.tags ?? []).join(",")}`, `-ldflags=${ldflags}`];
}

/** The environment `go build` gets on top of the caller's. */
export const goBuildEnv = (p: GoProgram): Record<string, string> => ({ CGO_ENABLED: p.cgo ? "1" : "0", ...p.env });

/**
 * The recipe's hash, the cache key beside name and version: the program (module, packages, tags, ldflags,
 * upgrades…) and the exact build command and environment. A change to any flag, here or in goBuildArgs,
 * rebuilds once; nothing else does (not a new Go toolchain: the pinned sources are what the site states).
 */
export function recipeHash(p: GoProgram): string {
  const { siblingVersion: _ignored, ...plain } = p;
  return createHash("sha256")
    .update(JSON.stringify({ program: plain, build: goBuildArgs(p), env: goBuildEnv(p) }))
    .digest("hex")
    .slice(0, 16);
}

/** The Go commands a build runs; a parameter so the pipeline can be tested without Go (tests/unit/cluster-gomodule.test.ts). */
export interface GoTool {
  /** `go mod download -json mod@version` → the module's directory and go.mod file in the module cache. */
  download(modAtVersion: string, cwd?: string): Promise<{ Dir: string; GoMod: string }>;
  /** `go mod edit -json file`. */
  editJson(goModFile: string): Promise<string>;
  /** Runs `go …args` in cwd with env added, appending its output to log; rejects when it fails. */
  run(log: string, cwd: string, args: string[], env: Record<string, string>): Promise<void>;
}

export const hostGo: GoTool = {
  async download(modAtVersion, cwd) {
    return JSON.parse((await $({ cwd, quiet: true })`go mod download -json ${modAtVersion}`).stdout) as { Dir: string; GoMod: string };
  },
  async editJson(goModFile) {
    return (await $({ quiet: true })`go mod edit -json ${goModFile}`).stdout;
  },
  async run(log, cwd, args, env) {
    const argv = ["go", ...args];
    await writeFile(log, `$ ${argv.join(" ")}\n`, { flag: "a" });
    const r = await $({ cwd, env: { ...process.env, ...env }, nothrow: true, quiet: true })`${argv} >>${log} 2>&1`;
    if (r.exitCode !== 0) throw new Error(`${argv.slice(0, 3).join(" ")} exited ${r.exitCode}`);
  },
};

/** The directory of a module's source in Go's module cache (downloaded first if needed): manifests, C files, kind's base files. */
export async function moduleDir(mod: string, version: string, go: GoTool = hostGo): Promise<string> {
  return (await go.download(`${mod}@${version}`)).Dir;
}

/** True when the cache holds this recipe's binaries. */
export async function isBuilt(p: GoProgram): Promise<boolean> {
  const out = binDir(cacheKey(p));
  const stamp = join(out, ".recipe");
  return existsSync(stamp) && (await readFile(stamp, "utf8")) === recipeHash(p) && p.packages.every((pkg) => existsSync(join(out, binaryName(p, pkg))));
}

const failure = async (p: GoProgram, log: string, e: unknown) => {
  const tail = existsSync(log) ? (await readFile(log, "utf8")).split("\n").slice(-30).join("\n") : String(e);
  return new ClusterError(`building ${p.name} ${p.version} failed (full log: ${log})`, tail);
};

/**
 * The network half of a build: the wrapper module, raised dependencies, `go mod tidy` (which downloads every
 * module the build needs). Run ahead of the compile, so one component's downloads overlap another's compile.
 */
async function prepare(p: GoProgram, go: GoTool): Promise<void> {
  const work = srcDir(cacheKey(p));
  await mkdir(work, { recursive: true });
  const log = join(work, "build.log");
  await rm(log, { force: true });
  try {
    await writeWrapper(p, work, go);
    if (p.upgrade?.length) await go.run(log, work, ["get", ...p.upgrade], {});
    await go.run(log, work, ["mod", "tidy"], {});
  } catch (e) {
    throw await failure(p, log, e);
  }
}

/** The CPU half: `go build` into a partial directory, renamed into place with the recipe's stamp. */
async function compile(p: GoProgram, go: GoTool): Promise<string> {
  const out = binDir(cacheKey(p));
  const work = srcDir(cacheKey(p));
  const log = join(work, "build.log");
  const tmpOut = `${out}.partial`;
  await rm(tmpOut, { recursive: true, force: true });
  try {
    await go.run(log, work, [...goBuildArgs(p), "-o", `${tmpOut}/`, ...p.packages], goBuildEnv(p));
  } catch (e) {
    throw await failure(p, log, e);
  }
  for (const [pkg, name] of Object.entries(p.rename ?? {})) await rename(join(tmpOut, goBuildName(pkg)), join(tmpOut, name));
  await writeFile(join(tmpOut, ".recipe"), recipeHash(p));
  await rm(out, { recursive: true, force: true });
  await rename(tmpOut, out);
  return out;
}

const label = (p: GoProgram) => `${p.name} ${p.version} (${p.packages.map((pkg) => binaryName(p, pkg)).join(", ")})`;

/** Returns the directory holding the built binaries, building them first when the cache lacks them. */
export async function ensureGoProgram(p: GoProgram, go: GoTool = hostGo): Promise<string> {
  return (await ensureGoPrograms([p], go))[p.name]!;
}

/**
 * Builds what the cache lacks, in the given order, one compile at a time (each already uses every core), while
 * the module downloads of the next ones run ahead (at most `ahead` at once). Same binaries, same cache
 * keys as one build after the other; only the waiting on the network overlaps with compiling.
 * Returns each program's binary directory by name.
 */
export async function ensureGoPrograms(list: GoProgram[], go: GoTool = hostGo, ahead = 2): Promise<Record<string, string>> {
  const dirs: Record<string, string> = {};
  const todo: GoProgram[] = [];
  for (const p of list) {
    if (await isBuilt(p)) dirs[p.name] = binDir(cacheKey(p));
    else todo.push(p);
  }
  // Preparations start in order, at most `ahead` running; each compile waits for its own.
  const prepared = new Map<string, Promise<void>>();
  let next = 0;
  let running = 0;
  const startMore = () => {
    while (running < ahead && next < todo.length) {
      const p = todo[next++]!;
      running++;
      const done = prepare(p, go).finally(() => {
        running--;
        startMore();
      });
      done.catch(() => {}); // awaited below, in order; not an unhandled rejection meanwhile
      prepared.set(p.name, done);
    }
  };
  startMore();
  for (const p of todo) {
    dirs[p.name] = await timed(`building ${label(p)}`, async () => {
      await prepared.get(p.name);
      return compile(p, go);
    });
  }
  return dirs;
}

async function writeWrapper(p: GoProgram, work: string, go: GoTool): Promise<void> {
  const { GoMod } = await go.download(`${p.module}@${p.version}`, work);
  const upstream = JSON.parse(await go.editJson(GoMod)) as GoModJson;

  const lines = [`module ${wrapperModule(p)}`, "", `go ${upstream.Go ?? "1.26"}`, ""];
  // A dependency's godebug line is ignored; the upstream binary is built with it, so we carry it over.
  for (const d of upstream.Godebug ?? []) lines.push(`godebug ${d.Key}=${d.Value}`);
  lines.push("", `require ${p.module} ${p.version}`, "");
  for (const r of upstream.Replace ?? []) {
    const local = r.New.Path.startsWith("./") || r.New.Path.startsWith("../");
    if (local && !p.siblingVersion) {
      throw new ClusterError(`${p.module}@${p.version} replaces ${r.Old.Path} with a local path; no sibling version is known`);
    }
    const target = local ? `${r.Old.Path} ${p.siblingVersion!(r.Old.Path)}` : `${r.New.Path} ${r.New.Version ?? ""}`.trim();
    const old = r.Old.Version ? `${r.Old.Path} ${r.Old.Version}` : r.Old.Path;
    lines.push(`replace ${old} => ${target}`);
  }
  for (const x of upstream.Exclude ?? []) lines.push(`exclude ${x.Path} ${x.Version}`);
  await writeFile(join(work, "go.mod"), lines.join("\n") + "\n");
  await rm(join(work, "cmd"), { recursive: true, force: true }); // a main package of an earlier recipe
  if (p.mainSource !== undefined) {
    await mkdir(join(work, "cmd", p.name), { recursive: true });
    await writeFile(join(work, "cmd", p.name, "main.go"), p.mainSource);
  }
  // Keeps upstream's main packages reachable so `go mod tidy` records everything they import (our own
  // main package is part of the wrapper module, which tidy reads anyway).
  const upstreamMains = p.packages.filter((pkg) => !pkg.startsWith(`${wrapperModule(p)}/`));
  const imports = upstreamMains.length ? `\nimport (\n${upstreamMains.map((pkg) => `\t_ "${pkg}"`).join("\n")}\n)\n` : "";
  await writeFile(join(work, "tools.go"), `//go:build tools\n\npackage tools\n${imports}`);
}
