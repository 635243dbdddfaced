import { describe, expect, it } from "vitest";
import { mergeRun, transcriptProblem, type Transcript, type TranscriptRun } from "../../scripts/verify/transcript.ts";

const run = (over: Partial<TranscriptRun>): TranscriptRun => ({
  kubernetes: "v1.37.2",
  provider: "local",
  date: "2026-11-27T00:00:00Z",
  exampleHash: "h1",
  seconds: 1,
  result: "passed",
  steps: [],
  ...over,
});
const head = { id: "env/x", title: { en: "t", "zh-cn": "t" }, files: ["pod.yaml"] };

describe("mergeRun", () => {
  it("replaces the run of the same version and provider, keeps other versions, newest version first", () => {
    const prev: Transcript = { ...head, runs: [run({ kubernetes: "v1.36.3" }), run({ date: "old" })] };
    const merged = mergeRun(prev, head, run({ date: "new" }));
    expect(merged.runs.map((r) => [r.kubernetes, r.date])).toEqual([
      ["v1.37.2", "new"],
      ["v1.36.3", "2026-11-27T00:00:00Z"],
    ]);
  });

  it("drops runs recorded for another version of the example", () => {
    const prev: Transcript = { ...head, runs: [run({ kubernetes: "v1.36.3", exampleHash: "old" })] };
    expect(mergeRun(prev, head, run({})).runs).toHaveLength(1);
  });

  it("sorts versions numerically", () => {
    const prev: Transcript = { ...head, runs: [run({ kubernetes: "v1.9.0" })] };
    expect(mergeRun(prev, head, run({ kubernetes: "v1.10.0" })).runs.map((r) => r.kubernetes)).toEqual(["v1.10.0", "v1.9.0"]);
  });

  it("puts the local cluster's run before kind's on the same version, whose page prose quotes it", () => {
    const prev: Transcript = { ...head, runs: [run({ provider: "kind" })] };
    expect(mergeRun(prev, head, run({})).runs.map((r) => r.provider)).toEqual(["local", "kind"]);
    expect(mergeRun({ ...head, runs: [run({})] }, head, run({ provider: "kind" })).runs.map((r) => r.provider)).toEqual(["local", "kind"]);
  });
});

describe("transcriptProblem", () => {
  it("accepts a passing run for the current example", () => {
    expect(transcriptProblem({ ...head, runs: [run({})] }, "h1")).toBeUndefined();
  });
  it("names a missing, stale or failed transcript", () => {
    expect(transcriptProblem(undefined, "h1")).toBe("no transcript");
    expect(transcriptProblem({ ...head, runs: [run({})] }, "h2")).toMatch(/^stale/);
    const failed = run({ result: "failed", failure: { step: 2, message: "step 3 broke", diagnostics: "" } });
    expect(transcriptProblem({ ...head, runs: [run({ provider: "kind" }), failed] }, "h1")).toMatch(/failed on Kubernetes v1.37.2 \(local\): step 3 broke/);
  });
});
