// The local provider's cgroup handling over fixture /proc and /sys/fs/cgroup trees in a temporary directory:
// the v2 paths this VM (v1, hybrid) never takes live, and the v1/hybrid ones it does.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, symlinkSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cgroupLayout, checkCgroups, kubepodsCgroups, pidsInCgroups, removeCgroups } from "../../scripts/cluster/local/cgroups.ts";
import { kubeletConfig } from "../../scripts/cluster/local/configs.ts";
import { hostProblems } from "../../scripts/cluster/local/preflight.ts";

const scratch: string[] = [];
afterEach(() => {
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A tree of files under a new temporary directory: { "sys/fs/cgroup/cgroup.controllers": "cpu memory" }. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "k8s-proven-cgroups-"));
  scratch.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
const paths = (root: string) => ({ cgroupRoot: join(root, "sys/fs/cgroup"), procRoot: join(root, "proc") });

const procCgroups = (disabled: string[] = []) =>
  "#subsys_name\thierarchy\tnum_cgroups\tenabled\n" +
  ["cpuset", "cpu", "cpuacct", "blkio", "memory", "devices", "freezer", "net_cls", "pids", "hugetlb"]
    .map((c, i) => `${c}\t${i + 1}\t1\t${disabled.includes(c) ? 0 : 1}`)
    .join("\n") +
  "\n";
const v1Mount = (n: number, name: string, opts: string) => `${n} 24 0:${n} / /sys/fs/cgroup/${name} rw,nosuid,nodev,noexec,relatime shared:${n} - cgroup cgroup rw,${opts}`;
// This VM's shape: one hierarchy per controller, systemd's named one, and the unified one at /unified.
const hybridMountinfo = [
  "24 1 0:22 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755",
  ...["cpu", "cpuacct", "cpuset", "memory", "devices", "freezer", "blkio", "pids"].map((c, i) => v1Mount(30 + i, c, c)),
  v1Mount(40, "systemd", "name=systemd"),
  "41 24 0:41 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw",
].join("\n");

const v2Host = {
  "sys/fs/cgroup/cgroup.controllers": "cpuset cpu io memory hugetlb pids rdma misc\n",
  "sys/fs/cgroup/cgroup.subtree_control": "cpuset cpu io memory pids\n",
  "sys/fs/cgroup/cgroup.procs": "1\n200\n",
  "proc/cgroups": procCgroups(),
  "proc/self/mountinfo": "24 1 0:22 / /sys/fs/cgroup rw,relatime - cgroup2 cgroup2 rw,nsdelegate\n",
};

describe("cgroup layout and preflight", () => {
  it("v2: the unified hierarchy at the root with every controller the kubelet needs passes", () => {
    const root = tree(v2Host);
    expect(cgroupLayout(paths(root).cgroupRoot)).toBe("v2");
    expect(checkCgroups(paths(root)).problems).toEqual([]);
  });

  it("v2: names the controllers the root does not offer, and the file it read", () => {
    const root = tree({ ...v2Host, "sys/fs/cgroup/cgroup.controllers": "cpu io pids\n", "sys/fs/cgroup/cgroup.subtree_control": "cpu pids\n" });
    const { problems } = checkCgroups(paths(root));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("cpuset, memory");
    expect(problems[0]).toContain(join(paths(root).cgroupRoot, "cgroup.controllers"));
  });

  it("v2 real root: controllers not yet delegated are a note, the kubelet enables them", () => {
    const root = tree({ ...v2Host, "sys/fs/cgroup/cgroup.subtree_control": "" });
    const check = checkCgroups(paths(root));
    expect(check.problems).toEqual([]);
    expect(check.notes.join("\n")).toContain("the kubelet enables them");
  });

  it("v2 in a container (a non-root cgroup with processes in it): undelegated controllers cannot be enabled", () => {
    const root = tree({ ...v2Host, "sys/fs/cgroup/cgroup.type": "domain\n", "sys/fs/cgroup/cgroup.subtree_control": "" });
    const { problems } = checkCgroups(paths(root));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/cpu, cpuset, memory, pids must be enabled in .*cgroup\.subtree_control/);
    expect(problems[0]).toContain("1, 200");
  });

  it("v2 in a container whose controllers are already delegated passes", () => {
    const root = tree({ ...v2Host, "sys/fs/cgroup/cgroup.type": "domain\n" });
    expect(checkCgroups(paths(root)).problems).toEqual([]);
  });

  it("hybrid (this VM): v1 controllers enabled and mounted pass", () => {
    const root = tree({ "sys/fs/cgroup/unified/cgroup.controllers": "", "proc/cgroups": procCgroups(), "proc/self/mountinfo": hybridMountinfo });
    expect(cgroupLayout(paths(root).cgroupRoot)).toBe("hybrid");
    expect(checkCgroups(paths(root)).problems).toEqual([]);
  });

  it("v1: a controller disabled in the kernel, and one enabled but never mounted, are both named", () => {
    const mountinfo = hybridMountinfo.split("\n").filter((l) => !l.includes("/freezer ")).join("\n");
    const root = tree({ "sys/fs/cgroup/cpu/tasks": "", "proc/cgroups": procCgroups(["pids"]), "proc/self/mountinfo": mountinfo });
    expect(cgroupLayout(paths(root).cgroupRoot)).toBe("v1");
    const { problems } = checkCgroups(paths(root));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/not enabled in the kernel .*: pids$/);
    expect(problems[1]).toMatch(/not mounted .*: freezer$/);
  });

  it("preflight reports root, overlayfs and bridge netfilter with the cgroup problems, all at once", () => {
    const root = tree({ ...v2Host, "sys/fs/cgroup/cgroup.controllers": "cpu pids memory\n", "proc/filesystems": "nodev\tproc\n" });
    const { problems } = hostProblems({ uid: 1000, platform: "linux", paths: paths(root) });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/must run as root/);
    expect(problems[1]).toMatch(/cpuset/);
    expect(problems[2]).toMatch(/overlayfs/);
    expect(problems[3]).toMatch(/bridge netfilter/);
  });
});

describe("kubelet configuration", () => {
  it("failCgroupV1: false on v1 and hybrid hosts only", () => {
    expect(kubeletConfig("v1")).toMatchObject({ failCgroupV1: false, cgroupDriver: "cgroupfs" });
    expect(kubeletConfig("hybrid")).toMatchObject({ failCgroupV1: false });
    expect(kubeletConfig("v2")).not.toHaveProperty("failCgroupV1");
    expect(kubeletConfig("v2")).toMatchObject({ cgroupDriver: "cgroupfs" });
  });
});

describe("kubepods trees (down)", () => {
  const pod = "kubepods/besteffort/pod1234/abcd";

  it("v2: kubepods directly under the unified root; its processes; removed deepest first", () => {
    const root = tree({
      ...v2Host,
      [`sys/fs/cgroup/${pod}/cgroup.procs`]: "301\n302\n",
      "sys/fs/cgroup/kubepods/burstable/pod5678/cgroup.procs": "303\n",
      "sys/fs/cgroup/kubepods/cgroup.procs": "",
      "sys/fs/cgroup/system.slice/cgroup.procs": "99\n",
    });
    const cg = paths(root).cgroupRoot;
    expect(kubepodsCgroups(cg)).toEqual([join(cg, "kubepods")]);
    expect(pidsInCgroups(cg).sort()).toEqual([301, 302, 303]);
    const removed: string[] = [];
    // rmdir(2) removes a cgroup with its interface files; a fixture directory needs them removed first.
    removeCgroups(cg, (dir) => {
      removed.push(dir.slice(cg.length + 1));
      rmSync(dir, { recursive: true });
    });
    expect(removed).toEqual(["kubepods/besteffort/pod1234/abcd", "kubepods/besteffort/pod1234", "kubepods/besteffort", "kubepods/burstable/pod5678", "kubepods/burstable", "kubepods"]);
    expect(existsSync(join(cg, "system.slice"))).toBe(true);
  });

  it("v1/hybrid: kubepods in every hierarchy (unified included), each once when a hierarchy has two names", () => {
    const root = tree({
      "sys/fs/cgroup/unified/cgroup.controllers": "",
      "sys/fs/cgroup/cpu,cpuacct/kubepods/cgroup.procs": "401\n",
      "sys/fs/cgroup/memory/kubepods/besteffort/cgroup.procs": "401\n402\n",
      "sys/fs/cgroup/unified/kubepods/cgroup.procs": "",
      "sys/fs/cgroup/pids/other/cgroup.procs": "7\n",
    });
    const cg = paths(root).cgroupRoot;
    symlinkSync("cpu,cpuacct", join(cg, "cpu"));
    expect(kubepodsCgroups(cg)).toEqual([join(cg, "cpu", "kubepods"), join(cg, "memory", "kubepods"), join(cg, "unified", "kubepods")]);
    expect(pidsInCgroups(cg).sort()).toEqual([401, 402]);
  });

  it("no cgroup filesystem, or no kubepods: nothing to do", () => {
    const root = tree(v2Host);
    expect(kubepodsCgroups(join(root, "nowhere"))).toEqual([]);
    expect(kubepodsCgroups(paths(root).cgroupRoot)).toEqual([]);
    expect(pidsInCgroups(paths(root).cgroupRoot)).toEqual([]);
  });
});
