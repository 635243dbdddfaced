// What a step checks, as data (stored in the transcript, shown on the page, compared on replay), and the
// evaluation of a check against a command's result: the same code decides a live step and a replayed one.
import type { Expectation, JsonValue, StepFacts, StepOptions, Text } from "./proof.ts";

/** What the output was checked against; `matches` is the pattern as written, `/…/flags`. */
export type OutputCheck = { equals: string } | { matches: string } | { says: Text } | { json: JsonValue };

export interface StepCheck {
  /** The exit statuses accepted, or "nonzero" for a command that must fail. */
  exit: number[] | "nonzero";
  output?: OutputCheck;
  /** Seconds a polled step kept trying: it passed as soon as the check held. */
  within?: number;
}

export const defaultPollSeconds = 90;

export function stepCheck(o: StepOptions): StepCheck {
  const exit = o.exitCode === undefined ? [0] : o.exitCode === "nonzero" ? "nonzero" : Array.isArray(o.exitCode) ? [...o.exitCode] : [o.exitCode];
  const check: StepCheck = { exit };
  if (o.expect !== undefined) check.output = outputCheck(o.expect);
  if (o.until) check.within = o.timeout ?? defaultPollSeconds;
  return check;
}

function outputCheck(e: Expectation): OutputCheck {
  if (typeof e === "string") return { equals: e.trim() };
  if (e instanceof RegExp) return { matches: String(e) };
  if ("says" in e) return { says: e.says };
  return { json: e.json };
}

/** A check in plain English, for failure messages and reports. */
export function describeCheck(c: StepCheck): string {
  const code = c.exit === "nonzero" ? "a non-zero exit status" : `exit status ${c.exit.join(" or ")}`;
  const o = c.output;
  const out =
    o === undefined ? ""
    : "equals" in o ? ` and output ${JSON.stringify(o.equals)}`
    : "matches" in o ? ` and output matching ${o.matches}`
    : "says" in o ? ` and output of which it holds that ${o.says.en}`
    : ` and JSON output containing ${JSON.stringify(o.json)}`;
  return `${code}${out}${c.within !== undefined ? ` within ${c.within}s` : ""}`;
}

// kubectl's own diagnostics, in klog's format ("E1127 04:54:09.861837   14000 websocket.go:296] Unknown stream
// id 1, discarding message" from its WebSocket exec client, seen on kind): about the client, not the cluster.
const kubectlLogLine = /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d{6}\s+\d+ [\w.-]+:\d+\] .*(\n|$)/gm;

/** The output a step's expectation is checked against: the transcript keeps all of it, kubectl's log lines too. */
export const assertedOutput = (output: string) => output.replace(kubectlLogLine, "");

export interface Verdict {
  pass: boolean;
  /** Why it failed, specifically: the exit status, the mismatching field, the predicate's error. */
  problem?: string;
}

/** Whether a command's result satisfies a step's options. */
export function evaluate(result: StepFacts & { output: string }, o: StepOptions): Verdict {
  const { exitCode } = result;
  const codeOk =
    o.exitCode === undefined ? exitCode === 0
    : o.exitCode === "nonzero" ? exitCode !== 0
    : Array.isArray(o.exitCode) ? o.exitCode.includes(exitCode)
    : exitCode === o.exitCode;
  if (!codeOk) return { pass: false, problem: `exit status ${exitCode}` };
  const e = o.expect;
  if (e === undefined) return { pass: true };
  const output = assertedOutput(result.output);
  if (typeof e === "string") return output.trim() === e.trim() ? { pass: true } : { pass: false, problem: "the output differs" };
  if (e instanceof RegExp) {
    e.lastIndex = 0;
    return e.test(output) ? { pass: true } : { pass: false, problem: `the output does not match ${String(e)}` };
  }
  if ("says" in e) {
    try {
      return e.holds(output, { exitCode, seconds: result.seconds }) === true
        ? { pass: true }
        : { pass: false, problem: `it does not hold that ${e.says.en}` };
    } catch (err) {
      return { pass: false, problem: `checking that ${e.says.en} threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}` };
    }
  }
  let actual: unknown;
  try {
    actual = JSON.parse(output);
  } catch (err) {
    return { pass: false, problem: `the output is not JSON (${(err as Error).message})` };
  }
  const diffs = jsonSubsetDiff(e.json, actual);
  return diffs.length ? { pass: false, problem: diffs.join("; ") } : { pass: true };
}

/** Field-level differences between an expected subset and an actual JSON value; empty when it is contained. */
export function jsonSubsetDiff(expected: JsonValue, actual: unknown, path = ""): string[] {
  const at = path || ".";
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${at}: expected an array, got ${show(actual)}`];
    if (actual.length !== expected.length) return [`${at}: expected ${expected.length} element(s), got ${actual.length}`];
    return expected.flatMap((x, i) => jsonSubsetDiff(x, actual[i], `${path}[${i}]`));
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return [`${at}: expected an object, got ${show(actual)}`];
    const a = actual as Record<string, unknown>;
    return Object.entries(expected).flatMap(([k, v]) =>
      k in a ? jsonSubsetDiff(v, a[k], `${path}.${k}`) : [`${path}.${k}: expected ${show(v)}, missing`],
    );
  }
  return Object.is(expected, actual) ? [] : [`${at}: expected ${show(expected)}, got ${show(actual)}`];
}

const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};
