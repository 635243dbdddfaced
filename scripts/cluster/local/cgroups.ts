// The host's cgroups as the kubelet (cgroupfs driver) and runc see them: which layout, whether the controllers
// they need are there, and the kubepods trees `down` empties and removes. Every function takes the cgroup
// root and /proc as parameters, so the v2 paths, which this VM (v1, hybrid) never takes, are covered by unit
// tests over fixture trees (tests/unit/cluster-cgroups.test.ts).
import { existsSync, readdirSync, readFileSync, realpathSync, rmdirSync, statSync } from "node:fs";
import { join } from "node:path";

export interface CgroupPaths {
  /** Where cgroupfs is mounted: /sys/fs/cgroup. */
  cgroupRoot: string;
  /** procfs: /proc (its cgroups and self/mountinfo). */
  procRoot: string;
}

export const hostCgroupPaths: CgroupPaths = { cgroupRoot: "/sys/fs/cgroup", procRoot: "/proc" };

/**
 * v2: the unified hierarchy is mounted at the root. hybrid: v1 hierarchies plus a unified one at
 * /sys/fs/cgroup/unified (systemd's hybrid mode; this VM). v1: v1 hierarchies only. The kubelet and runc treat
 * hybrid as v1 (libcontainer checks the filesystem type of the root).
 */
export type CgroupLayout = "v1" | "hybrid" | "v2";

export function cgroupLayout(root = hostCgroupPaths.cgroupRoot): CgroupLayout {
  if (existsSync(join(root, "cgroup.controllers"))) return "v2";
  if (existsSync(join(root, "unified", "cgroup.controllers"))) return "hybrid";
  return "v1";
}

/** v1: what the kubelet validates (cpu, cpuacct, cpuset, memory mounted) and what runc and pod limits use. */
export const v1Controllers = ["cpu", "cpuacct", "cpuset", "memory", "pids", "devices", "freezer"];
/**
 * v2: the kubelet's cgroup manager uses cpu, cpuset, memory, hugetlb and pids, each where the root offers it
 * (pkg/kubelet/cm/cgroup_v2_manager_linux.go, getSupportedUnifiedControllers). Without cpu, memory or pids no
 * request, limit or pid limit of the proofs would hold; without cpuset the kubelet's cpu manager has nothing.
 * hugetlb stays optional, as in the kubelet. (v2 has no devices or freezer controller: eBPF and cgroup.freeze.)
 */
export const v2Controllers = ["cpu", "cpuset", "memory", "pids"];

/** Controllers the kernel has enabled, from /proc/cgroups (v1's view; v2 lists them there too). */
export function enabledCgroupControllers(procCgroups: string): Set<string> {
  return new Set(
    procCgroups
      .split("\n")
      .filter((l) => l && !l.startsWith("#"))
      .map((l) => l.split(/\s+/))
      .filter((f) => f[3] === "1")
      .map((f) => f[0]!),
  );
}

/** v1 controllers mounted somewhere, from mountinfo (`… - cgroup cgroup rw,cpu,cpuacct`). */
export function mountedV1Controllers(mountinfo: string): Set<string> {
  const found = new Set<string>();
  for (const line of mountinfo.split("\n")) {
    const [, after] = line.split(" - ");
    const [fstype, , superOptions] = (after ?? "").split(" ");
    if (fstype === "cgroup") for (const opt of (superOptions ?? "").split(",")) found.add(opt);
  }
  return found;
}

const words = (text: string | undefined) => new Set((text ?? "").split(/\s+/).filter(Boolean));
const read = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : undefined);

export interface CgroupCheck {
  layout: CgroupLayout;
  /** What stops the kubelet or runc: each names the controllers and the file it was read from. */
  problems: string[];
  /** Worth knowing, no obstacle. */
  notes: string[];
}

/** Whether the kubelet and runc find the controllers they need, for each layout. */
export function checkCgroups(paths: CgroupPaths = hostCgroupPaths): CgroupCheck {
  const layout = cgroupLayout(paths.cgroupRoot);
  const problems: string[] = [];
  const notes: string[] = [];
  if (layout === "v2") {
    const root = paths.cgroupRoot;
    const available = words(read(join(root, "cgroup.controllers")));
    const missing = v2Controllers.filter((c) => !available.has(c));
    if (missing.length) {
      problems.push(
        `cgroup v2 controller(s) ${missing.join(", ")} not available in ${join(root, "cgroup.controllers")}: the cgroup above this one does not delegate them (enable them in its cgroup.subtree_control)`,
      );
    }
    const delegated = words(read(join(root, "cgroup.subtree_control")));
    const undelegated = v2Controllers.filter((c) => available.has(c) && !delegated.has(c));
    if (undelegated.length) {
      // The real root cgroup has no cgroup.type; a namespaced or delegated one (a container, a systemd
      // delegation) does, and there the kernel refuses to enable controllers for children while processes sit
      // in the cgroup itself ("no internal processes").
      const isRealRoot = !existsSync(join(root, "cgroup.type"));
      const procs = [...words(read(join(root, "cgroup.procs")))];
      if (isRealRoot || procs.length === 0) {
        notes.push(`cgroup v2: ${undelegated.join(", ")} not yet in ${join(root, "cgroup.subtree_control")}; the kubelet enables them for kubepods`);
      } else {
        problems.push(
          `cgroup v2: ${undelegated.join(", ")} must be enabled in ${join(root, "cgroup.subtree_control")} for the kubelet's kubepods cgroup, and the kernel refuses that while processes (${procs.slice(0, 5).join(", ")}${procs.length > 5 ? ", …" : ""}) sit directly in this non-root cgroup: move them into a child cgroup and enable the controllers (as kind's node entrypoint does)`,
        );
      }
    }
    if (!available.has("hugetlb")) notes.push("cgroup v2: no hugetlb controller (optional: no hugepage limits)");
    return { layout, problems, notes };
  }
  const procCgroups = read(join(paths.procRoot, "cgroups")) ?? "";
  const enabled = enabledCgroupControllers(procCgroups);
  const notEnabled = v1Controllers.filter((c) => !enabled.has(c));
  if (notEnabled.length) problems.push(`cgroup controller(s) not enabled in the kernel (${join(paths.procRoot, "cgroups")}): ${notEnabled.join(", ")}`);
  const mounted = mountedV1Controllers(read(join(paths.procRoot, "self", "mountinfo")) ?? "");
  const notMounted = v1Controllers.filter((c) => enabled.has(c) && !mounted.has(c));
  if (notMounted.length) problems.push(`cgroup v1 controller(s) enabled but not mounted (no cgroup hierarchy with them in ${join(paths.procRoot, "self", "mountinfo")}): ${notMounted.join(", ")}`);
  notes.push(`cgroup ${layout}: the kubelet runs with failCgroupV1: false`);
  return { layout, problems, notes };
}

/**
 * The kubelet's cgroup trees with the cgroupfs driver: /kubepods in the unified root (v2), or in every v1
 * hierarchy and, on a hybrid host, in the unified one where runc also places containers. Each once, even
 * where hierarchies are reachable under two names (cpu → cpu,cpuacct).
 */
export function kubepodsCgroups(root = hostCgroupPaths.cgroupRoot): string[] {
  if (!existsSync(root)) return [];
  if (cgroupLayout(root) === "v2") return existsSync(join(root, "kubepods")) ? [join(root, "kubepods")] : [];
  const seen = new Set<string>();
  const found: string[] = [];
  for (const h of readdirSync(root).sort()) {
    const p = join(root, h, "kubepods");
    if (!existsSync(p)) continue;
    const real = realpathSync(p);
    if (seen.has(real)) continue;
    seen.add(real);
    found.push(p);
  }
  return found;
}

/** Every process in the kubepods trees (the containers, found whatever started them). */
export function pidsInCgroups(root = hostCgroupPaths.cgroupRoot): number[] {
  const pids = new Set<number>();
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return; // removed meanwhile
    }
    for (const e of entries) {
      const p = join(dir, e);
      try {
        if (e === "cgroup.procs") for (const pid of readFileSync(p, "utf8").split("\n")) pid && pids.add(Number(pid));
        else if (statSync(p).isDirectory()) walk(p);
      } catch {}
    }
  };
  for (const tree of kubepodsCgroups(root)) walk(tree);
  return [...pids];
}

/**
 * Removes the kubepods trees, deepest first. `rmdir` is a parameter: a cgroup directory is removed whole by
 * rmdir(2) although it lists files, an ordinary fixture directory is not.
 */
export function removeCgroups(root = hostCgroupPaths.cgroupRoot, rmdir: (dir: string) => void = rmdirSync): void {
  // A cgroup may vanish meanwhile (the kubelet's own cleanup, or a second `down` racing this one).
  const gone = (e: unknown) => (e as NodeJS.ErrnoException).code === "ENOENT";
  const rm = (dir: string) => {
    try {
      for (const e of readdirSync(dir).sort()) {
        const p = join(dir, e);
        if (statSync(p).isDirectory()) rm(p);
      }
      rmdir(dir);
    } catch (e) {
      if (!gone(e)) throw e;
    }
  };
  for (const tree of kubepodsCgroups(root)) rm(tree);
}
