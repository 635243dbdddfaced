// The leftover check's pure parts: processes carrying a proof's marker, mounts of Pods that are gone.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { orphanVolumeMounts, proofProcesses } from "../../scripts/verify/leftovers.ts";

const proc = mkdtempSync(join(tmpdir(), "kp-proc-"));
afterAll(() => rmSync(proc, { recursive: true, force: true }));
const pid = (n: number, environ: string[], cmdline: string[]) => {
  mkdirSync(join(proc, String(n)));
  writeFileSync(join(proc, String(n), "environ"), environ.join("\0") + "\0");
  writeFileSync(join(proc, String(n), "cmdline"), cmdline.join("\0") + "\0");
};
pid(100, ["PATH=/bin", "K8S_PROVEN_PROOF=high-availability/lease-takeover-after-holder-stops"], ["kube-scheduler", "--config=lease-demo-scheduler.conf"]);
pid(101, ["PATH=/bin", "K8S_PROVEN_PROOF=env/other-run"], ["sleep", "60"]);
pid(102, ["PATH=/bin"], ["containerd"]);
mkdirSync(join(proc, "self"));

describe("leftovers", () => {
  it("names processes started by the proofs in scope, and only those", () => {
    expect(proofProcesses(proc, new Set(["high-availability/lease-takeover-after-holder-stops"]))).toEqual([
      "process 100 (kube-scheduler --config=lease-demo-scheduler.conf) started by proof high-availability/lease-takeover-after-holder-stops is still running",
    ]);
  });

  it("names volume mounts of Pods that no longer exist", () => {
    const mountinfo = [
      "30 25 0:27 / /var/lib/k8s-proven/local/kubelet/pods/aaa/volumes/kubernetes.io~empty-dir/cache rw - tmpfs tmpfs rw",
      "31 25 0:28 / /var/lib/k8s-proven/local/kubelet/pods/bbb/volumes/kubernetes.io~projected/kube-api-access-x rw - tmpfs tmpfs rw",
      "32 25 0:29 / /var/lib/other/kubelet/pods/ccc/volumes/x rw - tmpfs tmpfs rw",
    ].join("\n");
    expect(orphanVolumeMounts(mountinfo, "/var/lib/k8s-proven/local/kubelet/", new Set(["aaa"]))).toEqual([
      "mount /var/lib/k8s-proven/local/kubelet/pods/bbb/volumes/kubernetes.io~projected/kube-api-access-x of a Pod that no longer exists (uid bbb)",
    ]);
  });
});
