import { describe, expect, it } from "vitest";
import { ourMounts, withoutOurChains } from "../../scripts/cluster/local/host.ts";
import { enabledCgroupControllers } from "../../scripts/cluster/local/preflight.ts";
import { runRoot, stateRoot } from "../../scripts/cluster/paths.ts";

describe("withoutOurChains", () => {
  const save = [
    "*nat",
    ":PREROUTING ACCEPT [0:0]",
    ":OUTPUT ACCEPT [0:0]",
    ":POSTROUTING ACCEPT [0:0]",
    ":KUBE-SERVICES - [0:0]",
    ":CNI-abc123 - [0:0]",
    ":DOCKER - [0:0]",
    '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    "-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER",
    "-A POSTROUTING -s 10.244.0.2/32 -j CNI-abc123",
    "-A KUBE-SERVICES -d 10.96.0.1/32 -j ACCEPT",
    "-A CNI-abc123 -d 10.244.0.0/24 -j ACCEPT",
    "COMMIT",
  ].join("\n");

  it("drops KUBE-/CNI- chains and every rule in or jumping to them", () => {
    const out = withoutOurChains(save);
    expect(out).not.toMatch(/KUBE-|CNI-/);
  });

  it("keeps everything else, including other tools' chains", () => {
    const out = withoutOurChains(save).split("\n");
    expect(out).toEqual([
      "*nat",
      ":PREROUTING ACCEPT [0:0]",
      ":OUTPUT ACCEPT [0:0]",
      ":POSTROUTING ACCEPT [0:0]",
      ":DOCKER - [0:0]",
      "-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER",
      "COMMIT",
    ]);
  });
});

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
