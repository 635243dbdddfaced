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
}

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

/** The recipe's hash: a change to flags or packages rebuilds even when the version stays. */
function recipeHash(p: GoProgram): string {
  const { siblingVersion: _ignored, ...plain } = p;
  return createHash("sha256").update(JSON.stringify(plain)).digest("hex").slice(0, 16);
}

/** The directory of a module's source in Go's module cache (downloaded first if needed): manifests, C files, kind's base files. */
export async function moduleDir(mod: string, version: string): Promise<string> {
  return (JSON.parse((await $({ quiet: true })`go mod download -json ${`${mod}@${version}`}`).stdout) as { Dir: string }).Dir;
}

/** Returns the directory holding the built binaries, building them first when the cache lacks them. */
export async function ensureGoProgram(p: GoProgram): Promise<string> {
  const out = binDir(cacheKey(p));
  const stamp = join(out, ".recipe");
  const wanted = recipeHash(p);
  const cached =
    existsSync(stamp) &&
    (await readFile(stamp, "utf8")) === wanted &&
    p.packages.every((pkg) => existsSync(join(out, binaryName(p, pkg))));
  if (cached) return out;

  await timed(`building ${p.name} ${p.version} (${p.packages.map((pkg) => binaryName(p, pkg)).join(", ")})`, async () => {
    const work = srcDir(cacheKey(p));
    await mkdir(work, { recursive: true });
    const log = join(work, "build.log");
    const tmpOut = `${out}.partial`;
    await rm(tmpOut, { recursive: true, force: true });
    try {
      await writeWrapper(p, work);
      if (p.upgrade?.length) await runLogged(log, work, ["go", "get", ...p.upgrade], {});
      await runLogged(log, work, ["go", "mod", "tidy"], {});
      const ldflags = ["-s", "-w", ...(p.ldflags ?? [])].join(" ");
      await runLogged(
        log,
        work,
        ["go", "build", "-trimpath", `-tags=${(p.tags ?? []).join(",")}`, `-ldflags=${ldflags}`, "-o", `${tmpOut}/`, ...p.packages],
        { CGO_ENABLED: p.cgo ? "1" : "0", ...p.env },
      );
    } catch (e) {
      const tail = existsSync(log) ? (await readFile(log, "utf8")).split("\n").slice(-30).join("\n") : String(e);
      throw new ClusterError(`building ${p.name} ${p.version} failed (full log: ${log})`, tail);
    }
    for (const [pkg, name] of Object.entries(p.rename ?? {})) await rename(join(tmpOut, goBuildName(pkg)), join(tmpOut, name));
    await writeFile(join(tmpOut, ".recipe"), wanted);
    await rm(out, { recursive: true, force: true });
    await rename(tmpOut, out);
  });
  return out;
}

async function writeWrapper(p: GoProgram, work: string): Promise<void> {
  const downloaded = await $({ cwd: work, quiet: true })`go mod download -json ${`${p.module}@${p.version}`}`;
  const { GoMod } = JSON.parse(downloaded.stdout) as { GoMod: string };
  const upstream = JSON.parse((await $({ quiet: true })`go mod edit -json ${GoMod}`).stdout) as GoModJson;

  const lines = [`module k8sproven.local/build/${p.name}`, "", `go ${upstream.Go ?? "1.26"}`, ""];
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
  // Keeps the main packages reachable so `go mod tidy` records everything they import.
  const imports = p.packages.map((pkg) => `\t_ "${pkg}"`).join("\n");
  await writeFile(join(work, "tools.go"), `//go:build tools\n\npackage tools\n\nimport (\n${imports}\n)\n`);
}

async function runLogged(log: string, cwd: string, argv: string[], env: Record<string, string>): Promise<void> {
  await writeFile(log, `$ ${argv.join(" ")}\n`, { flag: "a" });
  const r = await $({ cwd, env: { ...process.env, ...env }, nothrow: true, quiet: true })`${argv} >>${log} 2>&1`;
  if (r.exitCode !== 0) throw new Error(`${argv.slice(0, 3).join(" ")} exited ${r.exitCode}`);
}
