// Nothing of the proofs may be left on the cluster or this machine: after whatever ran before (in CI, the full
// `npm run verify`), and after a run interrupted with Ctrl-C in the middle of a proof.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chooseProvider } from "../../scripts/cluster/choose-provider.ts";
import { getProvider } from "../../scripts/cluster/providers.ts";
import { connect, targetEnv } from "../../scripts/verify/cluster.ts";
import { examplesDir, listExampleIds } from "../../scripts/verify/examples.ts";
import { findLeftovers } from "../../scripts/verify/leftovers.ts";

const root = join(import.meta.dirname, "..", "..");
const fixtures = join(root, "tests", "fixtures", "examples");

async function leftovers(ids: string[]): Promise<string[]> {
  const target = await connect(await chooseProvider());
  return findLeftovers({ env: targetEnv(target), ids, kubeletRoot: getProvider(target.provider).kubeletRootOnHost });
}

describe("leftovers", () => {
  it("no proof left a namespace, a labelled object, a process or a mount behind", async () => {
    expect(await leftovers(listExampleIds(examplesDir))).toEqual([]);
  });

  it("Ctrl-C in the middle of a proof runs its cleanups and leaves nothing", async () => {
    const provider = process.env.K8S_PROVEN_PROVIDER ? ["--provider", process.env.K8S_PROVEN_PROVIDER] : [];
    const child = spawn(process.execPath, ["scripts/verify/cli.ts", "harness/interrupted-cleans-up", "--examples", fixtures, "--no-write", ...provider], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the fixture never reached its waiting step:\n${out}`)), 120_000);
      const onData = (d: Buffer) => {
        out += d.toString();
        if (out.includes("echo waiting; sleep 600") || /ok\s+harness\/interrupted-cleans-up \[2\]/.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
    });
    // The waiting step has started once step 2 is logged; give it a moment to be the running command.
    await new Promise((r) => setTimeout(r, 1000));
    child.kill("SIGINT");
    const code = await exited;
    expect(out).toContain("SIGINT: ending the running commands, then running the started proofs' cleanups");
    expect(out).toContain("stopped harness/interrupted-cleans-up: interrupted, cleaned up");
    expect(code).toBe(130);
    expect(await leftovers(["harness/interrupted-cleans-up"])).toEqual([]);
  });
});
