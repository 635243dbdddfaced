import { describe, expect, it } from "vitest";
import { enabledCgroupControllers } from "../../scripts/cluster/local/cgroups.ts";
import { ourMounts } from "../../scripts/cluster/local/host.ts";
import { runRoot, stateRoot } from "../../scripts/cluster/paths.ts";

describe("ourMounts", () => {
  it("lists only mounts under the state trees, deepest first, with escaped spaces decoded", () => {
    const line = (n: number, point: string) => `${n} 1 0:${n} / ${point} rw,relatime - tmpfs tmpfs rw`;
    const info = [
      line(1, "/"),
      line(2, `${stateRoot}/kubelet/pods/x/volumes/kubernetes.io~secret/token`),
      line(3, `${runRoot}/containerd/netns/cni-1`),
      line(4, `${stateRoot}-other`),
      line(5, `${stateRoot}/kubelet/pods/x/volumes/kubernetes.io~secret/token\\040two`),
    ].join("\n");
    expect(ourMounts(info)).toEqual([
      `${stateRoot}/kubelet/pods/x/volumes/kubernetes.io~secret/token two`,
      `${stateRoot}/kubelet/pods/x/volumes/kubernetes.io~secret/token`,
      `${runRoot}/containerd/netns/cni-1`,
    ]);
  });
});

describe("enabledCgroupControllers", () => {
  it("reads /proc/cgroups and keeps enabled controllers only", () => {
    const procCgroups = "#subsys_name\thierarchy\tnum_cgroups\tenabled\ncpu\t1\t1\t1\nmemory\t4\t45\t1\nhugetlb\t0\t1\t0\n";
    expect([...enabledCgroupControllers(procCgroups)]).toEqual(["cpu", "memory"]);
  });
});
