// The runner's failure path on a live cluster: deliberately broken proofs must fail loudly, with the
// step, expected vs actual and the namespace's diagnostics, and leave no namespace behind.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { $ } from "zx";
import { connect, targetEnv } from "../../scripts/verify/cluster.ts";
import { chooseProvider } from "../../scripts/cluster/choose-provider.ts";
import { namespaceFor } from "../../scripts/verify/examples.ts";

const root = join(import.meta.dirname, "..", "..");
const provider = process.env.K8S_PROVEN_PROVIDER ? ["--provider", process.env.K8S_PROVEN_PROVIDER] : [];
const verify = (id: string) =>
  $({ cwd: root, nothrow: true, quiet: true })`${process.execPath} scripts/verify/cli.ts ${id} --examples tests/fixtures/examples --no-write ${provider}`;

describe("proof runner failures", () => {
  it("fails a proof whose expectation is wrong, with diagnostics", async () => {
    const r = await verify("env/broken-literal");
    const out = r.stdout + r.stderr;
    expect(r.exitCode).toBe(1);
    expect(out).toContain("FAIL env/broken-literal");
    expect(out).toContain('step 3: `kubectl exec env-literal -- sh -c \'tr "\\0" "\\n" < /proc/1/environ | grep GREETING\'`');
    expect(out).toContain('expected exit status 0 and output "GREETING=a value the pod never had"');
    expect(out).toContain("GREETING=hello from the pod spec");
    expect(out).toContain("--- events: kubectl get events");
    expect(out).toContain("--- describe: kubectl describe pods");
    expect(out).toContain("[pod/env-literal/app] started with GREETING=hello from the pod spec");
    expect(r.stdout.trim().split("\n").at(-1)).toBe("0 passed, 1 failed, 0 skipped");
    // The step after the failing one never ran.
    expect(out).not.toContain("kubectl delete pod env-literal");
  });

  it("stops at the server-side dry-run and names the rejected file", async () => {
    const r = await verify("env/rejected-manifest");
    const out = r.stdout + r.stderr;
    expect(r.exitCode).toBe(1);
    expect(out).toContain("tests/fixtures/examples/env/rejected-manifest/pod.yaml is rejected by the API server");
    expect(out).toMatch(/Unsupported value: "Sometimes"/);
  });

  it("deletes the proofs' namespaces afterwards", async () => {
    const ns = ["env/broken-literal", "env/rejected-manifest"].map((id) => namespaceFor(id));
    const target = await connect(await chooseProvider());
    const got = await $({ env: targetEnv(target), nothrow: true, quiet: true })`kubectl get namespace ${ns} --ignore-not-found -o name`;
    expect(got.stdout.trim()).toBe("");
  });
});
