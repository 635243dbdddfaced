// What the cluster providers need on this machine, and how to get what is missing. Pure: the facts (which
// commands and files exist, the Go version, root or not, apt-get or not) are gathered by install.ts, so every
// case has a unit test with fixture facts (tests/unit/cluster-setup.test.ts).
import { goMinimum } from "../versions.ts";

/** One thing that must be there; a requirement holds when all its probes do. */
export type Probe =
  /** An executable of that name in PATH (or in the sbin directories, which a user's PATH may lack). */
  | { command: string }
  /** One of these files exists (a header, a static library: arch-dependent paths). */
  | { anyFile: string[] }
  /** A statically linked executable at this path (Debian's busybox-static, not the dynamic busybox). */
  | { staticExecutable: string }
  /** `go env GOVERSION` is at least this (Go's own downloads; Debian's golang-go is older). */
  | { goAtLeast: string };

export interface Requirement {
  /** What is looked for, as a reader names it: `conntrack`, `libseccomp headers`. */
  what: string;
  /** The Debian package that provides it; none for Go (no Debian release ships a Go this new). */
  package?: string;
  /** Why the cluster needs it: printed with the install message. */
  why: string;
  probes: Probe[];
  /** Without it the cluster still starts, without one feature; `feature` names it. */
  optional?: { feature: string };
}

export interface HostFacts {
  /** Commands found (names, not paths). */
  commands: ReadonlySet<string>;
  /** Files found (among the paths the probes name). */
  files: ReadonlySet<string>;
  /** Paths that are statically linked executables. */
  staticExecutables: ReadonlySet<string>;
  /** `go1.26.8` or `1.26.8`; undefined without a working `go`. */
  goVersion?: string;
  uid: number;
  aptGet: boolean;
}

export interface SetupPlan {
  /** Required and missing: the cluster cannot start without them. */
  missing: Requirement[];
  /** Optional and missing: one feature is off without them. */
  missingOptional: Requirement[];
  /** Debian packages providing every missing requirement (required first, then optional), each once. */
  packages: string[];
  /** Missing and not installable by apt-get (Go): the person has to install them. */
  manual: Requirement[];
  /** Root and apt-get here: `packages` can be installed now, by us. */
  canInstall: boolean;
  /** The one command that installs `packages` (sudo-prefixed when not root); undefined when there is none to install. */
  installCommand?: string;
}

const libcArchives = ["x86_64-linux-gnu", "aarch64-linux-gnu"].map((t) => `/usr/lib/${t}/libc.a`).concat("/usr/lib64/libc.a", "/usr/lib/libc.a");

/** Every requirement, by key; the providers pick theirs (requirementsFor). */
export const catalog = {
  go: {
    what: `Go ${goMinimum} or newer`,
    why: "builds every component from its Go module",
    probes: [{ command: "go" }, { goAtLeast: goMinimum }],
  },
  iptables: {
    what: "iptables, iptables-save, iptables-restore",
    package: "iptables",
    why: "kube-proxy's Service rules; down removes the cluster's chains with them",
    probes: [{ command: "iptables" }, { command: "iptables-save" }, { command: "iptables-restore" }],
  },
  conntrack: { what: "conntrack", package: "conntrack", why: "kube-proxy clears stale UDP conntrack entries", probes: [{ command: "conntrack" }] },
  iproute2: { what: "ip, ss", package: "iproute2", why: "the node's bridge and address; which process holds a port", probes: [{ command: "ip" }, { command: "ss" }] },
  openssl: { what: "openssl", package: "openssl", why: "the cluster's certificates", probes: [{ command: "openssl" }] },
  gcc: { what: "gcc", package: "gcc", why: "runc's C code (cgo) and the pause binary", probes: [{ command: "gcc" }] },
  libc: {
    what: "C headers and static libc",
    package: "libc6-dev",
    why: "the pause binary is linked statically, runc's cgo needs the headers",
    probes: [{ anyFile: ["/usr/include/stdio.h"] }, { anyFile: libcArchives }],
  },
  pkgConfig: { what: "pkg-config", package: "pkg-config", why: "runc's build finds libseccomp with it", probes: [{ command: "pkg-config" }] },
  libseccomp: { what: "libseccomp headers", package: "libseccomp-dev", why: "runc is built with seccomp support", probes: [{ anyFile: ["/usr/include/seccomp.h"] }] },
  busybox: {
    what: "a static /bin/busybox",
    package: "busybox-static",
    why: "the busybox image the examples run",
    probes: [{ staticExecutable: "/bin/busybox" }],
  },
  jq: { what: "jq", package: "jq", why: "some proofs' commands use it", probes: [{ command: "jq" }] },
  mount: { what: "mount, umount", package: "mount", why: "down unmounts what the kubelet and containerd mounted", probes: [{ command: "mount" }, { command: "umount" }] },
  registry: {
    what: "docker-registry",
    package: "docker-registry",
    why: "the private registry beside the local cluster",
    probes: [{ command: "docker-registry" }],
    optional: { feature: "the private registry (the imagePullSecrets proof is skipped without it)" },
  },
  htpasswd: {
    what: "htpasswd",
    package: "apache2-utils",
    why: "the private registry's account",
    probes: [{ command: "htpasswd" }],
    optional: { feature: "the private registry (the imagePullSecrets proof is skipped without it)" },
  },
  skopeo: {
    what: "skopeo",
    package: "skopeo",
    why: "pushes the private registry's image",
    probes: [{ command: "skopeo" }],
    optional: { feature: "the private registry (the imagePullSecrets proof is skipped without it)" },
  },
  docker: {
    what: "dockerd, docker",
    package: "docker.io",
    why: "the Docker engine kind's nodes run in (started by up, not by the package)",
    probes: [{ command: "dockerd" }, { command: "docker" }],
  },
  debootstrap: { what: "debootstrap", package: "debootstrap", why: "the offline kind node image's root filesystem", probes: [{ command: "debootstrap" }] },
  setsid: { what: "setsid", package: "util-linux", why: "starts the Docker engine detached", probes: [{ command: "setsid" }] },
  pkill: { what: "pkill", package: "procps", why: "stops the Docker engine's shims", probes: [{ command: "pkill" }] },
} satisfies Record<string, Requirement>;

export type RequirementKey = keyof typeof catalog;

/** What builds and runs the local cluster's components (also what the offline kind node image is built from). */
const componentBuild: RequirementKey[] = ["go", "gcc", "libc", "pkgConfig", "libseccomp", "busybox"];

export interface KindScenario {
  /** No Docker engine answers, so up starts Debian's dockerd. */
  startsEngine: boolean;
  /** The node image is built here (debootstrap and every component). */
  buildsNodeImage: boolean;
  /** A `kind` on PATH (otherwise it is built with Go). */
  kindOnPath: boolean;
}

/** The requirements of a provider (and, for kind, of what up is about to do). */
export function requirementsFor(provider: "local"): Requirement[];
export function requirementsFor(provider: "kind", scenario: KindScenario): Requirement[];
export function requirementsFor(provider: "local" | "kind", scenario?: KindScenario): Requirement[] {
  const keys: RequirementKey[] = [];
  if (provider === "local") {
    keys.push("iptables", "conntrack", "iproute2", "openssl", "mount", ...componentBuild, "jq", "registry", "htpasswd", "skopeo");
  } else {
    const s = scenario!;
    if (s.startsEngine) keys.push("docker", "iptables", "iproute2", "setsid", "pkill", "go", "gcc", "libc", "pkgConfig", "libseccomp");
    if (s.buildsNodeImage) keys.push("debootstrap", ...componentBuild);
    if (!s.kindOnPath) keys.push("go");
  }
  return [...new Set(keys)].map((k) => catalog[k]);
}

/** `go1.26.8` ≥ `1.26.6`; a pre-release (`go1.27rc1`) counts as its release's .0. */
export function goVersionAtLeast(found: string, minimum: string): boolean {
  const parse = (v: string) => (/(\d+)\.(\d+)(?:\.(\d+))?/.exec(v) ?? []).slice(1, 4).map((n) => Number(n ?? 0));
  const a = parse(found);
  const b = parse(minimum);
  if (a.length < 3) return false;
  for (let i = 0; i < 3; i++) if (a[i]! !== b[i]!) return a[i]! > b[i]!;
  return true;
}

export function probeHolds(probe: Probe, facts: HostFacts): boolean {
  if ("command" in probe) return facts.commands.has(probe.command);
  if ("anyFile" in probe) return probe.anyFile.some((f) => facts.files.has(f));
  if ("staticExecutable" in probe) return facts.staticExecutables.has(probe.staticExecutable);
  return facts.goVersion !== undefined && goVersionAtLeast(facts.goVersion, probe.goAtLeast);
}

/** The paths and commands the probes of these requirements look at: what install.ts must find out. */
export function probedNames(requirements: Requirement[]): { commands: string[]; files: string[]; staticExecutables: string[]; go: boolean } {
  const probes = requirements.flatMap((r) => r.probes);
  return {
    commands: [...new Set(probes.flatMap((p) => ("command" in p ? [p.command] : [])))],
    files: [...new Set(probes.flatMap((p) => ("anyFile" in p ? p.anyFile : [])))],
    staticExecutables: [...new Set(probes.flatMap((p) => ("staticExecutable" in p ? [p.staticExecutable] : [])))],
    go: probes.some((p) => "goAtLeast" in p),
  };
}

export function planSetup(requirements: Requirement[], facts: HostFacts): SetupPlan {
  const absent = requirements.filter((r) => !r.probes.every((p) => probeHolds(p, facts)));
  const missing = absent.filter((r) => !r.optional);
  const missingOptional = absent.filter((r) => r.optional);
  const packages = [...new Set([...missing, ...missingOptional].flatMap((r) => (r.package ? [r.package] : [])))];
  const manual = absent.filter((r) => !r.package);
  const root = facts.uid === 0;
  const sudo = root ? "" : "sudo ";
  return {
    missing,
    missingOptional,
    packages,
    manual,
    canInstall: root && facts.aptGet && packages.length > 0,
    installCommand: packages.length
      ? `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${packages.join(" ")}`
      : undefined,
  };
}

/**
 * The one message for a plan that cannot be carried out here: every missing piece with its reason, the command
 * that installs them, and why it was not run. Undefined when nothing is missing.
 */
export function setupMessage(plan: SetupPlan, facts: Pick<HostFacts, "uid" | "aptGet" | "goVersion">, context: string): string | undefined {
  if (!plan.missing.length && !plan.missingOptional.length) return undefined;
  const line = (r: Requirement) => {
    const found = r.probes.some((p) => "goAtLeast" in p) ? ` (found: ${facts.goVersion ?? "no go"})` : "";
    const from = r.package ? `Debian package ${r.package}` : "Debian 12's and 13's golang-go are older: install Go's own release";
    return `  - ${r.what}${found}: ${r.why} (${from})`;
  };
  const out: string[] = [];
  if (plan.missing.length) out.push(`${context} needs what this machine lacks:`, ...plan.missing.map(line));
  if (plan.missingOptional.length) {
    const features = [...new Set(plan.missingOptional.map((r) => r.optional!.feature))];
    out.push(`optional, for ${features.join("; ")}:`, ...plan.missingOptional.map(line));
  }
  if (plan.installCommand) {
    out.push("install them with:", `  ${plan.installCommand}`);
    if (!facts.aptGet) out.push("(no apt-get on this machine: those are Debian's package names; install the same with your system's packages)");
    else if (facts.uid !== 0) out.push("(not installed automatically: not running as root)");
  }
  return out.join("\n");
}
