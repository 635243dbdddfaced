// The component builds without Go: the cache key (version + every build flag), what is rebuilt, and the
// pipeline that downloads the next components' modules while one compiles. A fake GoTool stands in for `go`.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// A scratch cache, set before the build code reads it.
const cache = mkdtempSync(join(tmpdir(), "k8s-proven-gomodule-test-"));
process.env.K8S_PROVEN_CACHE = cache;
const { ensureGoPrograms, recipeHash, goBuildArgs, isBuilt, wrapperModule } = await import("../../scripts/cluster/build/gomodule.ts");
type GoProgram = import("../../scripts/cluster/build/gomodule.ts").GoProgram;
type GoTool = import("../../scripts/cluster/build/gomodule.ts").GoTool;
const { ClusterError } = await import("../../scripts/cluster/log.ts");
const { binDir, srcDir } = await import("../../scripts/cluster/paths.ts");
afterAll(() => rmSync(cache, { recursive: true, force: true }));

const program = (name: string, extra: Partial<GoProgram> = {}): GoProgram => ({
  name,
  module: `example.com/${name}`,
  version: "v1.0.0",
  packages: [`example.com/${name}/cmd/${name}`],
  ...extra,
});

/** A `go` that records what it is asked, builds empty binaries, and lets a test hold or fail a step. */
function fakeGo(opts: { failTidy?: string; hold?: (event: string) => Promise<void> } = {}) {
  const events: string[] = [];
  const upstreamGoMod = join(cache, "upstream.go.mod");
  writeFileSync(upstreamGoMod, "module x\n");
  const tool: GoTool = {
    async download(modAtVersion) {
      return { Dir: join(cache, "mod", modAtVersion), GoMod: upstreamGoMod };
    },
    async editJson() {
      return JSON.stringify({ Go: "1.26.0" });
    },
    async run(_log, cwd, args) {
      const name = cwd.split("/").at(-1)!.replace(/-v1\.0\.0$/, "");
      const what = args[0] === "build" ? "compile" : args.join(" ");
      events.push(`${what} ${name}`);
      await opts.hold?.(`${what} ${name}`);
      if (what === "mod tidy" && opts.failTidy === name) throw new Error("go: example.com/broken@v1.0.0: reading example.com/broken/go.mod: 404 Not Found");
      if (args[0] === "build") {
        const out = args[args.indexOf("-o") + 1]!;
        mkdirSync(out, { recursive: true });
        for (const pkg of args.slice(args.indexOf("-o") + 2)) writeFileSync(join(out, pkg.split("/").at(-1)!), "");
      }
      events.push(`${what} ${name} done`);
    },
  };
  return { tool, events };
}

describe("recipeHash: the cache key beside name and version", () => {
  const base = program("a", { tags: ["x"], ldflags: ["-X main.v=1"] });

  it("changes with any build flag or environment, not with the sibling-version function", () => {
    const variants = [{ tags: ["y"] }, { ldflags: ["-X main.v=2"] }, { cgo: true }, { env: { CGO_CFLAGS: "-O2" } }, { upgrade: ["golang.org/x/net@v0.62.0"] }, { version: "v1.0.1" }, { mainSource: "package main\n" }];
    for (const v of variants) expect(recipeHash({ ...base, ...v }), JSON.stringify(v)).not.toBe(recipeHash(base));
    expect(recipeHash({ ...base, siblingVersion: () => "v0.1.0" })).toBe(recipeHash(base));
  });

  it("covers the command line every build gets: trimmed paths, stripped links", () => {
    expect(goBuildArgs(base)).toEqual(["build", "-trimpath", "-tags=x", "-ldflags=-s -w -X main.v=1"]);
  });
});

describe("ensureGoPrograms", () => {
  it("builds only what the cache lacks, one compile at a time in order, the next downloads running ahead", async () => {
    const a = program("a");
    const b = program("b");
    const c = program("c");
    // c is already built with this recipe: not touched.
    mkdirSync(binDir("c-v1.0.0"), { recursive: true });
    writeFileSync(join(binDir("c-v1.0.0"), "c"), "");
    writeFileSync(join(binDir("c-v1.0.0"), ".recipe"), recipeHash(c));
    let bPrepared!: () => void;
    const bReady = new Promise<void>((r) => (bPrepared = r));
    const { tool, events } = fakeGo({
      // a's compile goes on only once b's modules are in: proof that b's download overlaps a's compile.
      hold: async (event) => {
        if (event === "compile a") await Promise.race([bReady, new Promise((_, no) => setTimeout(() => no(new Error("b's download did not run ahead")), 2000))]);
        if (event === "mod tidy b") queueMicrotask(() => bPrepared());
      },
    });
    const dirs = await ensureGoPrograms([a, b, c], tool);
    expect(dirs).toEqual({ a: binDir("a-v1.0.0"), b: binDir("b-v1.0.0"), c: binDir("c-v1.0.0") });
    expect(events.filter((e) => e.startsWith("compile"))).toEqual(["compile a", "compile a done", "compile b", "compile b done"]);
    expect(events.indexOf("mod tidy b done")).toBeLessThan(events.indexOf("compile a done"));
    expect(events.some((e) => e.endsWith(" c"))).toBe(false);
    expect(await isBuilt(a)).toBe(true);
  });

  it("a recipe that changed (a new flag) is rebuilt; the same recipe is not", async () => {
    const d = program("d");
    const first = fakeGo();
    await ensureGoPrograms([d], first.tool);
    const again = fakeGo();
    await ensureGoPrograms([d], again.tool);
    expect(again.events).toEqual([]);
    const changed = fakeGo();
    await ensureGoPrograms([{ ...d, tags: ["netgo"] }], changed.tool);
    expect(changed.events).toContain("compile d");
  });

  it("a main package of our own goes into the wrapper, and only upstream's mains into tools.go; a later recipe without it drops it", async () => {
    const own = `${wrapperModule({ name: "g" })}/cmd/g`;
    const g = program("g", { packages: [own, "example.com/g/cmd/helper"], mainSource: "package main\n\nfunc main() {}\n" });
    await ensureGoPrograms([g], fakeGo().tool);
    const work = srcDir("g-v1.0.0");
    expect(readFileSync(join(work, "cmd", "g", "main.go"), "utf8")).toBe(g.mainSource);
    const tools = readFileSync(join(work, "tools.go"), "utf8");
    expect(tools).toContain('_ "example.com/g/cmd/helper"');
    expect(tools).not.toContain(own);
    await ensureGoPrograms([program("g")], fakeGo().tool);
    expect(existsSync(join(work, "cmd"))).toBe(false);
  });

  it("a failing download names its component, after the components before it are built", async () => {
    const { tool, events } = fakeGo({ failTidy: "broken" });
    const e = await ensureGoPrograms([program("e"), program("broken"), program("f")], tool).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ClusterError);
    const err = e as InstanceType<typeof ClusterError>;
    expect(err.message).toMatch(/^building broken v1\.0\.0 failed \(full log: .*broken-v1\.0\.0\/build\.log\)$/);
    expect(err.detail).toContain("404 Not Found");
    expect(events).toContain("compile e done");
    expect(events).not.toContain("compile broken");
    expect(events).not.toContain("compile f");
  });
});
