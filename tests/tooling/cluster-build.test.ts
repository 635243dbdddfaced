// A component that cannot be built must say which component, and show why. In the `tooling` project: it
// asks the Go module proxy for a version that does not exist (tests/unit/cluster-gomodule.test.ts has the
// same failure path without Go).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// A scratch cache, set before the build code reads it, so the real cache gets no debris.
const cache = mkdtempSync(join(tmpdir(), "k8s-proven-cache-test-"));
process.env.K8S_PROVEN_CACHE = cache;
const { ensureGoProgram } = await import("../../scripts/cluster/build/gomodule.ts");
const { ClusterError } = await import("../../scripts/cluster/log.ts");
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe("ensureGoProgram", () => {
  it("names the component and shows the tail of the failure", { timeout: 120_000 }, async () => {
    const failure = await ensureGoProgram({
      name: "no-such-component",
      module: "k8s.io/kubernetes",
      version: "v1.37.999",
      packages: ["k8s.io/kubernetes/cmd/kubelet"],
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ClusterError);
    const e = failure as InstanceType<typeof ClusterError>;
    expect(e.message).toMatch(/^building no-such-component v1\.37\.999 failed \(full log: .*build\.log\)$/);
    expect(e.message).toContain(cache);
    expect(e.detail).toMatch(/v1\.37\.999/);
  });
});
