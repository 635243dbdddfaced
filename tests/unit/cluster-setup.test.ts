// `up` checks everything it needs at once, installs what Debian packages it can, and otherwise fails with one
// message naming every missing piece and the command that installs them. Pure plan over fixture facts.
import { describe, expect, it } from "vitest";
import { installPackages, ensureRequirements, isStaticElf } from "../../scripts/cluster/setup/install.ts";
import { catalog, goVersionAtLeast, planSetup, probedNames, requirementsFor, setupMessage, type HostFacts } from "../../scripts/cluster/setup/requirements.ts";
import { ClusterError } from "../../scripts/cluster/log.ts";

const local = requirementsFor("local");
const everything = probedNames([...local, ...requirementsFor("kind", { startsEngine: true, buildsNodeImage: true, kindOnPath: false })]);

/** A machine that has everything, minus what is named. */
function facts(opts: { without?: string[]; uid?: number; aptGet?: boolean; goVersion?: string | null } = {}): HostFacts {
  const without = new Set(opts.without ?? []);
  return {
    commands: new Set(everything.commands.filter((c) => !without.has(c))),
    files: new Set(everything.files.filter((f) => !without.has(f))),
    staticExecutables: new Set(everything.staticExecutables.filter((f) => !without.has(f))),
    goVersion: opts.goVersion === null ? undefined : (opts.goVersion ?? "go1.26.8"),
    uid: opts.uid ?? 0,
    aptGet: opts.aptGet ?? true,
  };
}

describe("requirements", () => {
  it("the local cluster's: every command and package the issue lists", () => {
    const packages = local.map((r) => r.package).filter(Boolean);
    expect(packages).toEqual(
      expect.arrayContaining(["iptables", "conntrack", "iproute2", "openssl", "gcc", "libc6-dev", "pkg-config", "libseccomp-dev", "busybox-static", "jq", "docker-registry", "apache2-utils", "skopeo"]),
    );
    expect(local.some((r) => r.probes.some((p) => "goAtLeast" in p))).toBe(true);
    expect(local.filter((r) => r.optional).map((r) => r.package)).toEqual(["docker-registry", "apache2-utils", "skopeo"]);
  });

  it("kind's: the Docker engine and debootstrap only when up starts the engine and builds the node image", () => {
    const pk = (s: Parameters<typeof requirementsFor>[1]) => requirementsFor("kind", s!).map((r) => r.package ?? r.what);
    expect(pk({ startsEngine: false, buildsNodeImage: false, kindOnPath: true })).toEqual([]);
    expect(pk({ startsEngine: false, buildsNodeImage: false, kindOnPath: false })).toEqual([catalog.go.what]);
    const ours = pk({ startsEngine: true, buildsNodeImage: true, kindOnPath: false });
    expect(ours).toEqual(expect.arrayContaining(["docker.io", "debootstrap", "iptables", "libseccomp-dev", "busybox-static", catalog.go.what]));
    expect(new Set(ours).size).toBe(ours.length);
  });

  it("Go versions compare numerically", () => {
    expect(goVersionAtLeast("go1.26.8", "1.26.6")).toBe(true);
    expect(goVersionAtLeast("go1.26.6", "1.26.6")).toBe(true);
    expect(goVersionAtLeast("go1.26.5", "1.26.6")).toBe(false);
    expect(goVersionAtLeast("go1.19.8", "1.26.6")).toBe(false);
    expect(goVersionAtLeast("go1.30", "1.26.6")).toBe(true);
    expect(goVersionAtLeast("devel", "1.26.6")).toBe(false);
  });
});

describe("planSetup", () => {
  it("nothing missing: nothing to do", () => {
    const plan = planSetup(local, facts());
    expect(plan).toMatchObject({ missing: [], missingOptional: [], packages: [], canInstall: false, installCommand: undefined });
    expect(setupMessage(plan, facts(), "the local cluster")).toBeUndefined();
  });

  it("root with apt-get: installs the missing packages, each once, with one command", () => {
    const f = facts({ without: ["conntrack", "iptables-save", "iptables-restore", "/usr/include/seccomp.h", "skopeo"] });
    const plan = planSetup(local, f);
    expect(plan.missing.map((r) => r.package)).toEqual(["iptables", "conntrack", "libseccomp-dev"]);
    expect(plan.missingOptional.map((r) => r.package)).toEqual(["skopeo"]);
    expect(plan.packages).toEqual(["iptables", "conntrack", "libseccomp-dev", "skopeo"]);
    expect(plan.canInstall).toBe(true);
    expect(plan.installCommand).toBe("apt-get update && apt-get install -y --no-install-recommends iptables conntrack libseccomp-dev skopeo");
  });

  it("not root: one message with every missing piece, why, and the sudo command", () => {
    const f = facts({ uid: 1000, without: ["jq", "/bin/busybox", "/usr/include/stdio.h", "htpasswd"] });
    const plan = planSetup(local, f);
    expect(plan.canInstall).toBe(false);
    const message = setupMessage(plan, f, "the local cluster")!;
    expect(message).toContain("the local cluster needs what this machine lacks:");
    expect(message).toMatch(/- a static \/bin\/busybox: the busybox image .*\(Debian package busybox-static\)/);
    expect(message).toMatch(/- C headers and static libc: .*\(Debian package libc6-dev\)/);
    expect(message).toMatch(/- jq: .*\(Debian package jq\)/);
    expect(message).toMatch(/optional, for the private registry .*\n {2}- htpasswd: .*apache2-utils/);
    expect(message).toContain("sudo apt-get update && sudo apt-get install -y --no-install-recommends libc6-dev busybox-static jq apache2-utils");
    expect(message).toContain("not running as root");
  });

  it("no apt-get: the same message, saying the names are Debian's", () => {
    const f = facts({ aptGet: false, without: ["gcc"] });
    const plan = planSetup(local, f);
    expect(plan.canInstall).toBe(false);
    expect(setupMessage(plan, f, "the local cluster")).toMatch(/apt-get install -y --no-install-recommends gcc\n\(no apt-get on this machine: those are Debian's package names/);
  });

  it("Go too old or missing: named with what was found, never put into the apt-get command", () => {
    for (const [goVersion, found] of [["go1.19.8", "go1.19.8"], [null, "no go"]] as const) {
      const f = facts({ goVersion, without: goVersion === null ? ["go"] : [] });
      const plan = planSetup(local, f);
      expect(plan.missing.map((r) => r.what)).toEqual([catalog.go.what]);
      expect(plan.manual).toEqual(plan.missing);
      expect(plan.packages).toEqual([]);
      expect(plan.installCommand).toBeUndefined();
      expect(setupMessage(plan, f, "the local cluster")).toContain(`Go 1.26.6 or newer (found: ${found}): builds every component`);
    }
  });

  it("a dynamic busybox does not count as busybox-static", () => {
    const f = facts({ without: ["/bin/busybox"] });
    f.commands = new Set([...f.commands, "busybox"]);
    expect(planSetup(local, f).packages).toEqual(["busybox-static"]);
  });
});

describe("isStaticElf", () => {
  /** A minimal 64-bit little-endian ELF header with the given program header types. */
  function elf(types: number[]): Buffer {
    const buf = Buffer.alloc(64 + 56 * types.length);
    buf.writeUInt32BE(0x7f454c46, 0);
    buf[4] = 2; // 64-bit
    buf[5] = 1; // little-endian
    buf.writeBigUInt64LE(64n, 32); // e_phoff
    buf.writeUInt16LE(56, 54); // e_phentsize
    buf.writeUInt16LE(types.length, 56); // e_phnum
    types.forEach((t, i) => buf.writeUInt32LE(t, 64 + i * 56));
    return buf;
  }
  it("static without PT_INTERP, dynamic with it, and not an ELF file at all", () => {
    expect(isStaticElf(elf([1, 1, 4]))).toBe(true);
    expect(isStaticElf(elf([6, 3, 1, 1]))).toBe(false);
    expect(isStaticElf(Buffer.from("#!/bin/sh\necho not elf\n".padEnd(80)))).toBe(false);
  });
});

describe("installPackages", () => {
  function recorder() {
    const calls: string[] = [];
    return {
      calls,
      deps: {
        run: async (argv: string[], env: NodeJS.ProcessEnv) => void calls.push(`${env.DEBIAN_FRONTEND} ${argv.join(" ")}`),
        blockServiceStarts: () => (calls.push("block"), true),
        unblockServiceStarts: () => void calls.push("unblock"),
        log: (line: string) => void calls.push(`log ${line.split("\n")[0]}`),
      },
    };
  }

  it("one apt-get update, one apt-get install, non-interactive, saying which and why", async () => {
    const { calls, deps } = recorder();
    await installPackages(planSetup(local, facts({ without: ["conntrack", "jq"] })), deps);
    expect(calls).toEqual([
      "log installing Debian packages conntrack jq",
      "noninteractive apt-get update -qq",
      "noninteractive apt-get install -y -qq --no-install-recommends conntrack jq",
    ]);
  });

  it("docker.io: service starts are blocked around the install, and unblocked even when it fails", async () => {
    const { calls, deps } = recorder();
    const plan = planSetup(requirementsFor("kind", { startsEngine: true, buildsNodeImage: true, kindOnPath: true }), facts({ without: ["dockerd", "docker", "debootstrap"] }));
    expect(plan.packages).toEqual(["docker.io", "debootstrap"]);
    const failing = { ...deps, run: async (argv: string[], env: NodeJS.ProcessEnv) => {
      await deps.run(argv, env);
      if (argv[1] === "install") throw new ClusterError("apt-get install failed");
    } };
    await expect(installPackages(plan, failing)).rejects.toThrow("apt-get install failed");
    expect(calls.slice(1)).toEqual(["block", "noninteractive apt-get update -qq", "noninteractive apt-get install -y -qq --no-install-recommends docker.io debootstrap", "unblock"]);
  });
});

describe("ensureRequirements", () => {
  it("installs, checks again, and goes on when everything is there", async () => {
    let installed = false;
    const installs: string[][] = [];
    await ensureRequirements(local, {
      context: "the local cluster",
      gather: () => (installed ? facts() : facts({ without: ["openssl", "skopeo"] })),
      install: async (plan) => {
        installs.push(plan.packages);
        installed = true;
      },
      log: () => {},
    });
    expect(installs).toEqual([["openssl", "skopeo"]]);
  });

  it("host problems and missing packages in one error, nothing installed", async () => {
    const install = async () => {
      throw new Error("must not install");
    };
    const e = await ensureRequirements(local, {
      context: "the local cluster",
      hostProblems: ["the local provider must run as root"],
      gather: () => facts({ uid: 1000, without: ["ip", "ss"] }),
      install,
    }).catch((x: unknown) => x as ClusterError);
    expect(e).toBeInstanceOf(ClusterError);
    expect(e!.message).toBe("the local cluster: set-up incomplete (nothing was built or started)");
    expect(e!.detail).toContain("- the local provider must run as root");
    expect(e!.detail).toContain("- ip, ss: ");
    expect(e!.detail).toContain("sudo apt-get update && sudo apt-get install -y --no-install-recommends iproute2");
  });

  it("only optional pieces missing and no way to install them: a note, no failure", async () => {
    const lines: string[] = [];
    await ensureRequirements(local, { context: "the local cluster", gather: () => facts({ aptGet: false, without: ["docker-registry"] }), log: (l) => lines.push(l) });
    expect(lines.join("\n")).toContain("optional, for the private registry");
  });

  it("still missing after the install: fails naming what is still missing", async () => {
    const e = await ensureRequirements(local, {
      context: "the local cluster",
      gather: () => facts({ without: ["conntrack"] }),
      install: async () => {},
      log: () => {},
    }).catch((x: unknown) => x as ClusterError);
    expect(e).toBeInstanceOf(ClusterError);
    expect(e!.detail).toContain("- conntrack: kube-proxy");
  });
});
