// runProof with an injected shell (no cluster): what it records, how it fails, the order of cleanups, an
// interrupt; and the real shell's process-group handling of a timeout.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Target } from "../../scripts/verify/cluster.ts";
import { defineProof, that, type ProofDefinition } from "../../scripts/verify/proof.ts";
import { runProof, type Outcome } from "../../scripts/verify/run.ts";
import { shell, type Shell } from "../../scripts/verify/shell.ts";

const root = mkdtempSync(join(tmpdir(), "kp-run-"));
mkdirSync(join(root, "demo", "x"), { recursive: true });
writeFileSync(join(root, "demo", "x", "proof.ts"), "// loaded through deps.proof in these tests\n");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const target: Target = {
  provider: "local",
  kubeconfig: join(root, "admin.conf"),
  path: process.env.PATH ?? "",
  kubernetes: "v1.37.2",
  kubectl: { path: "kubectl", version: "v1.37.2" },
  capabilities: new Set(),
  facts: { nodes: 1, runtime: "containerd://2.4.2", kernel: "6.1", os: "Debian", kubectl: "v1.37.2" },
};

/** A shell that answers from a table (first matching pattern) and records every command it was given. */
function fakeShell(answers: [RegExp, { output: string; exitCode?: number } | ((signal?: AbortSignal) => Promise<{ output: string; exitCode: number; ended?: "aborted" }>)][]) {
  const ran: string[] = [];
  const sh: Shell = async (command, { signal }) => {
    ran.push(command);
    const hit = answers.find(([re]) => re.test(command))?.[1];
    if (typeof hit === "function") return hit(signal);
    return { output: hit?.output ?? "", exitCode: hit?.exitCode ?? 0 };
  };
  return { sh, ran };
}

const run = (proof: ProofDefinition, sh: Shell, signal?: AbortSignal) =>
  runProof("demo/x", target, () => {}, root, { proof, shell: sh, signal, sleep: async () => {} });
const failed = (o: Outcome) => (o.status === "failed" ? o.run.failure! : undefined);

describe("runProof", () => {
  it("records each step with what it checked", async () => {
    const { sh } = fakeShell([[/^echo hi$/, { output: "hi" }]]);
    const o = await run(defineProof({ title: { en: "t", "zh-cn": "t" }, run: async (p) => void (await p.step("echo hi", { expect: "hi" })) }), sh);
    expect(o.status).toBe("passed");
    if (o.status !== "passed") return;
    expect(o.run.steps).toEqual([{ command: "echo hi", output: "hi", exitCode: 0, pass: true, seconds: expect.any(Number), checked: { exit: [0], output: { equals: "hi" } } }]);
    expect(o.run.cluster).toEqual(target.facts);
  });

  it("reports a predicate that throws with its error message", async () => {
    const { sh } = fakeShell([[/^get$/, { output: "not a table" }]]);
    const proof = defineProof({
      title: { en: "t", "zh-cn": "t" },
      run: async (p) => {
        await p.step("get", { expect: that({ en: "the second row says Running", "zh-cn": "第二行是 Running" }, (out) => out.split("\n")[1]!.includes("Running")) });
      },
    });
    const f = failed(await run(proof, sh));
    expect(f?.message).toMatch(/^step 1: `get` expected exit status 0 and output of which it holds that the second row says Running; got exit status 0 and output "not a table": checking that the second row says Running threw TypeError: /);
  });

  it("runs cleanups last-registered first, also after a failure, and a failing cleanup fails the proof", async () => {
    const { sh, ran } = fakeShell([[/^cleanup b$/, { output: "no such thing", exitCode: 1 }]]);
    const proof = defineProof({
      title: { en: "t", "zh-cn": "t" },
      run: async (p) => {
        p.cleanup("cleanup a");
        p.cleanup("cleanup b");
        await p.step("true");
        p.cleanup("cleanup c");
      },
    });
    const f = failed(await run(proof, sh));
    expect(ran.filter((c) => c.startsWith("cleanup"))).toEqual(["cleanup c", "cleanup b", "cleanup a"]);
    expect(f?.message).toBe("cleanup `cleanup b` failed with exit status 1: no such thing");
    expect(ran.at(-1)).toMatch(/^kubectl delete namespace demo-x --ignore-not-found --wait=false$/);
  });

  it("on an interrupt ends the running command, runs the cleanups, deletes the namespace and records nothing", async () => {
    const interrupt = new AbortController();
    const { sh, ran } = fakeShell([
      [
        /^sleep 600$/,
        (signal) =>
          new Promise((resolve) => {
            signal?.addEventListener("abort", () => resolve({ output: "", exitCode: 137, ended: "aborted" }));
            setTimeout(() => interrupt.abort(), 10);
          }),
      ],
    ]);
    const proof = defineProof({
      title: { en: "t", "zh-cn": "t" },
      run: async (p) => {
        p.cleanup("cleanup a");
        await p.step("sleep 600");
        await p.step("never");
      },
    });
    const o = await run(proof, sh, interrupt.signal);
    expect(o).toEqual({ status: "interrupted", cleanupProblems: [] });
    expect(ran).not.toContain("never");
    expect(ran.slice(-2)).toEqual(["cleanup a", "kubectl delete namespace demo-x --ignore-not-found --wait=false"]);
  });

  it("polls until the check holds", async () => {
    let n = 0;
    const sh: Shell = async (command) => (command === "count" ? { output: String(++n), exitCode: 0 } : { output: "", exitCode: 0 });
    const o = await run(defineProof({ title: { en: "t", "zh-cn": "t" }, run: async (p) => void (await p.step("count", { expect: "3", until: true })) }), sh);
    expect(o.status === "passed" && o.run.steps[0]).toMatchObject({ output: "3", polled: { attempts: 3 }, checked: { exit: [0], output: { equals: "3" }, within: 90 } });
  });
});

describe("the real shell and the time budget", () => {
  const marker = `sleep ${20 + Math.random()}`;
  const alive = () => {
    try {
      return execFileSync("pgrep", ["-f", `^${marker.replace(".", "\\.")}$`], { encoding: "utf8" }).trim();
    } catch {
      return "";
    }
  };

  it("ends a pipeline's whole process group when its time runs out", async () => {
    const t0 = Date.now();
    const r = await shell(`echo started; ${marker} | cat`, { cwd: root, env: process.env, timeoutMs: 1000 });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r).toMatchObject({ output: "started", ended: "timeout" });
    expect(alive()).toBe("");
  });

  it("records a step that outlives the proof's budget as timed out, with the reason", async () => {
    const proof = defineProof({ title: { en: "t", "zh-cn": "t" }, budget: 1, run: async (p) => void (await p.step(`${marker} | cat`)) });
    const sh: Shell = (command, options) => (command.startsWith("sleep") ? shell(command, options) : Promise.resolve({ output: "", exitCode: 0 }));
    const o = await run(proof, sh);
    expect(o.status).toBe("failed");
    if (o.status !== "failed") return;
    expect(o.run.steps[0]).toMatchObject({ timedOut: true, pass: false });
    expect(o.run.failure?.message).toMatch(/^step 1: `sleep [\d.]+ \| cat` timed out: the proof's time budget of 1s ran out, and its process group was ended/);
    expect(alive()).toBe("");
  });
});
