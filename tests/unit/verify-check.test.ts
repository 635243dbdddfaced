// What a step checks and how it is decided: the same code for a live step and a replayed one.
import { describe, expect, it } from "vitest";
import { assertedOutput, describeCheck, evaluate, jsonSubsetDiff, stepCheck } from "../../scripts/verify/check.ts";
import { that } from "../../scripts/verify/proof.ts";

const r = (output: string, exitCode = 0, seconds = 1) => ({ output, exitCode, seconds });
const says = { en: "it starts with he", "zh-cn": "以 he 开头" };

describe("evaluate", () => {
  it("compares strings trimmed, matches patterns, decides stated predicates", () => {
    expect(evaluate(r("hello\n"), { expect: "hello" }).pass).toBe(true);
    expect(evaluate(r("hello"), { expect: "hell" })).toEqual({ pass: false, problem: "the output differs" });
    expect(evaluate(r("hello"), { expect: /ell/ }).pass).toBe(true);
    expect(evaluate(r("hello"), { expect: that(says, (o) => o.startsWith("he")) }).pass).toBe(true);
    expect(evaluate(r("hallo"), { expect: that(says, (o) => o.startsWith("he")) })).toEqual({ pass: false, problem: "it does not hold that it starts with he" });
  });
  it("reports a predicate that throws with its error, not as a silent false", () => {
    const v = evaluate(r("x"), { expect: that(says, (o) => JSON.parse(o) as boolean) });
    expect(v.pass).toBe(false);
    expect(v.problem).toMatch(/^checking that it starts with he threw SyntaxError: /);
  });
  it("gives the predicate the step's exit status and duration", () => {
    const slow = that({ en: "it took at least 25 s", "zh-cn": "至少用了 25 秒" }, (_o, f) => f.seconds >= 25 && f.exitCode === 1);
    expect(evaluate(r("", 1, 26), { expect: slow, exitCode: 1 }).pass).toBe(true);
    expect(evaluate(r("", 1, 3), { expect: slow, exitCode: 1 }).pass).toBe(false);
  });
  it("checks the exit status first, zero unless told", () => {
    expect(evaluate(r("", 1), {})).toEqual({ pass: false, problem: "exit status 1" });
    expect(evaluate(r("", 1), { exitCode: "nonzero" }).pass).toBe(true);
    expect(evaluate(r("", 0), { exitCode: "nonzero" }).pass).toBe(false);
    expect(evaluate(r("", 137), { exitCode: [0, 137] }).pass).toBe(true);
  });
  it("matches a JSON subset and names each differing field", () => {
    const pod = JSON.stringify({ status: { qosClass: "Burstable", phase: "Running" }, spec: { containers: [{ name: "a" }] } });
    expect(evaluate(r(pod), { expect: { json: { status: { phase: "Running" } } } }).pass).toBe(true);
    expect(evaluate(r(pod), { expect: { json: { status: { qosClass: "Guaranteed" }, spec: { containers: [{ name: "b" }] } } } })).toEqual({
      pass: false,
      problem: '.status.qosClass: expected "Guaranteed", got "Burstable"; .spec.containers[0].name: expected "b", got "a"',
    });
    expect(evaluate(r("not json"), { expect: { json: {} } }).problem).toMatch(/^the output is not JSON/);
  });
  it("leaves kubectl's own klog lines out of what is checked, and nothing else", () => {
    const noisy = r("E1127 04:54:09.861837   14000 websocket.go:296] Unknown stream id 1, discarding message\nAPP_MODE=blue");
    expect(evaluate(noisy, { expect: "APP_MODE=blue" }).pass).toBe(true);
    expect(assertedOutput("Error from server (Forbidden): pods is forbidden")).toBe("Error from server (Forbidden): pods is forbidden");
    expect(assertedOutput("E1127 sometimes\nx")).toBe("E1127 sometimes\nx");
  });
});

describe("jsonSubsetDiff", () => {
  it("wants arrays of the same length and reports missing keys", () => {
    expect(jsonSubsetDiff([1, 2], [1, 2, 3])).toEqual([".: expected 2 element(s), got 3"]);
    expect(jsonSubsetDiff({ a: { b: 1 } }, { a: {} })).toEqual([".a.b: expected 1, missing"]);
    expect(jsonSubsetDiff({ a: null }, { a: null })).toEqual([]);
  });
});

describe("stepCheck / describeCheck", () => {
  it("records what a step checks as data, and says it in words", () => {
    expect(stepCheck({ expect: " hi \n" })).toEqual({ exit: [0], output: { equals: "hi" } });
    expect(stepCheck({ expect: /x/m, exitCode: "nonzero" })).toEqual({ exit: "nonzero", output: { matches: "/x/m" } });
    expect(stepCheck({ expect: that(says, () => true), until: true })).toEqual({ exit: [0], output: { says }, within: 90 });
    expect(stepCheck({ expect: { json: { a: 1 } }, exitCode: [0, 137], until: true, timeout: 30 })).toEqual({ exit: [0, 137], output: { json: { a: 1 } }, within: 30 });
    expect(describeCheck(stepCheck({ expect: "hi" }))).toBe('exit status 0 and output "hi"');
    expect(describeCheck(stepCheck({ expect: /x/, exitCode: "nonzero" }))).toBe("a non-zero exit status and output matching /x/");
    expect(describeCheck(stepCheck({ expect: that(says, () => true), until: true, timeout: 30 }))).toBe("exit status 0 and output of which it holds that it starts with he within 30s");
  });
});
