import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { kindConfig } from "../../scripts/cluster/kind/config.ts";
import { notRunning } from "../../scripts/cluster/kind/node-state.ts";

const holdsSysResource = (() => {
  const bounding = /^CapBnd:\s*([0-9a-f]+)$/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? "0";
  return (BigInt(`0x${bounding}`) & (1n << 24n)) !== 0n;
})();

describe("kind cluster configuration", () => {
  it("adds the workers asked for to cluster.yaml's control plane", async () => {
    const config = parse(await kindConfig({ workers: 2, offlineImage: false })) as { name: string; nodes: { role: string }[] };
    expect(config.name).toBe("proven");
    expect(config.nodes.map((n) => n.role)).toEqual(["control-plane", "worker", "worker"]);
  });

  it("keeps the cgroup v1 patch, and adds the offline image's etcd tag and no image GC only for that image", async () => {
    const upstream = (parse(await kindConfig({ workers: 0, offlineImage: false })) as { kubeadmConfigPatches: string[] }).kubeadmConfigPatches;
    const offline = (parse(await kindConfig({ workers: 0, offlineImage: true })) as { kubeadmConfigPatches: string[] }).kubeadmConfigPatches;
    expect(upstream.some((p) => /failCgroupV1: false/.test(p))).toBe(true);
    expect(upstream.some((p) => /imageTag/.test(p) || /imageGCHighThresholdPercent/.test(p))).toBe(false);
    expect(offline.some((p) => /kind: ClusterConfiguration[\s\S]*imageTag: "3\.7\.3-0"/.test(p))).toBe(true);
    expect(offline.some((p) => /imageGCHighThresholdPercent: 100/.test(p))).toBe(true);
    expect(offline.some((p) => /cgroupDriver: cgroupfs/.test(p))).toBe(true);
    expect(upstream.some((p) => /cgroupDriver/.test(p))).toBe(false);
  });

  it("lowers no oom_score_adj only where this host's root lacks CAP_SYS_RESOURCE", async () => {
    const patches = (parse(await kindConfig({ workers: 0, offlineImage: false })) as { kubeadmConfigPatches: string[] }).kubeadmConfigPatches;
    expect(patches.filter((p) => /oomScoreAdj: 0/.test(p)).length).toBe(holdsSysResource ? 0 : 2);
  });
});

describe("runc-held-caps.sh, the Docker engine's runtime", () => {
  const script = join(import.meta.dirname, "..", "..", "scripts", "cluster", "kind", "engine", "runc-held-caps.sh");
  const all = ["CAP_CHOWN", "CAP_SYS_ADMIN", "CAP_SYS_RESOURCE", "CAP_NET_ADMIN"];

  function run(args: (dir: string) => string[], file: (dir: string) => string, doc: object) {
    const dir = mkdtempSync(join(tmpdir(), "runc-held-caps-"));
    writeFileSync(file(dir), JSON.stringify(doc));
    // A stand-in for runc that records how it was called.
    const fakeRunc = join(dir, "fake-runc");
    writeFileSync(fakeRunc, `#!/bin/sh\necho "$@" > ${join(dir, "called")}\n`);
    chmodSync(fakeRunc, 0o755);
    try {
      execFileSync(script, args(dir), { env: { ...process.env, PROVEN_RUNC: fakeRunc } });
      return { written: JSON.parse(readFileSync(file(dir), "utf8")), called: readFileSync(join(dir, "called"), "utf8").trim(), dir };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("removes from a bundle's config exactly the capabilities the host's bounding set lacks, then runs runc with the same arguments", () => {
    const caps = { bounding: all, effective: all, permitted: all };
    const { written, called, dir } = run((d) => ["--root", "/x", "create", "--bundle", d, "ctr1"], (d) => join(d, "config.json"), { process: { capabilities: caps } });
    const expected = holdsSysResource ? all : all.filter((c) => c !== "CAP_SYS_RESOURCE");
    for (const set of ["bounding", "effective", "permitted"]) expect(written.process.capabilities[set]).toEqual(expected);
    expect(called).toBe(`--root /x create --bundle ${dir} ctr1`);
  });

  it("does the same for an exec's --process file", () => {
    const { written } = run((d) => ["exec", "--process", join(d, "process.json"), "ctr1"], (d) => join(d, "process.json"), { capabilities: { bounding: all } });
    expect(written.capabilities.bounding.includes("CAP_SYS_RESOURCE")).toBe(holdsSysResource);
  });
});

describe("kind node state", () => {
  it("lists the nodes docker inspect does not report running, and the ones it does not report at all", () => {
    const names = ["proven-control-plane", "proven-worker", "proven-worker2"];
    expect(notRunning(names, "/proven-control-plane true\n/proven-worker true\n/proven-worker2 true\n")).toEqual([]);
    expect(notRunning(names, "/proven-control-plane false\n/proven-worker true\n")).toEqual(["proven-control-plane", "proven-worker2"]);
    expect(notRunning(names, "")).toEqual(names);
  });
});
