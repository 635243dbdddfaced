import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  cleanText,
  html,
  json,
  junit,
  parseReportOption,
  totals,
  writeReports,
  type ReportEntry,
  type RunReport,
} from "../../scripts/verify/report.ts";
import { failureMessage, fixtureReport, skipReason } from "../support/report-fixture.ts";

const accepted = "use junit=FILE, json=FILE, html=FILE";

describe("parseReportOption", () => {
  it.each([
    ["junit=out/junit.xml", { junit: "out/junit.xml" }],
    ["html=r.html,junit=j.xml", { html: "r.html", junit: "j.xml" }],
    [" json = a b.json , html=/tmp/x.html ", { json: "a b.json", html: "/tmp/x.html" }],
    ["junit=j.xml,json=r.json,html=r.html", { junit: "j.xml", json: "r.json", html: "r.html" }],
    ["json=dir=odd.json", { json: "dir=odd.json" }],
  ])("reads %j", (value, expected) => {
    expect(parseReportOption(value)).toEqual(expected);
  });

  it.each([
    ["xml=a.xml", `--report: unknown kind "xml" in "xml=a.xml"; ${accepted}`],
    ["junit=a.xml,XML=b", `--report: unknown kind "XML" in "XML=b"; ${accepted}`],
    ["junit", `--report: "junit" names no file; ${accepted}`],
    ["html=", `--report: "html=" names no file; ${accepted}`],
    ["junit=a.xml,", `--report: an empty part in "junit=a.xml,"; ${accepted}`],
    ["junit=a.xml,junit=b.xml", `--report: junit is named twice in "junit=a.xml,junit=b.xml"; ${accepted}`],
    ["", `--report: no report named; ${accepted}`],
    ["=a.xml", `--report: unknown kind "" in "=a.xml"; ${accepted}`],
  ])("rejects %j, naming the bad part and the accepted forms", (value, message) => {
    expect(() => parseReportOption(value)).toThrow(new Error(message));
  });
});

/**
 * A strict enough XML 1.0 well-formedness check for what junit() writes: a declaration, balanced elements,
 * double-quoted attributes, entities only from the predefined five and character references, no character
 * that XML 1.0 forbids. Returns the elements as [name, attributes, text] in document order.
 */
function parseXml(xml: string): { name: string; attrs: Record<string, string>; text: string; children: number }[] {
  // eslint-disable-next-line no-control-regex
  expect(xml).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
  const decode = (s: string) => {
    expect(s.replace(entity, ""), s).not.toMatch(/[&<]/);
    return s.replace(entity, (e) =>
      e === "&amp;" ? "&" : e === "&lt;" ? "<" : e === "&gt;" ? ">" : e === "&quot;" ? '"' : e === "&apos;" ? "'"
      : String.fromCodePoint(e[2] === "x" ? parseInt(e.slice(3), 16) : Number(e.slice(2, -1))),
    );
  };
  const elements: { name: string; attrs: Record<string, string>; text: string; children: number }[] = [];
  const open: number[] = [];
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  const body = xml.slice(xml.indexOf("?>") + 2);
  for (const m of body.matchAll(token)) {
    const [, close, name, attrText, selfClose, text, stray] = m;
    if (stray) throw new Error(`a stray < at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
    if (text !== undefined) {
      const decoded = decode(text);
      if (open.length) elements[open.at(-1)!]!.text += decoded;
      else expect(decoded.trim(), "text outside the root element").toBe("");
      continue;
    }
    if (close) {
      const top = open.pop();
      expect(top === undefined ? undefined : elements[top]!.name, `</${name}>`).toBe(name);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText!.matchAll(/([\w:.-]+)="([^"]*)"/g)) {
      expect(attrs[a[1]!], `attribute ${a[1]} twice`).toBeUndefined();
      attrs[a[1]!] = decode(a[2]!);
    }
    if (open.length) elements[open.at(-1)!]!.children++;
    else expect(elements.length, "one root element").toBe(0);
    elements.push({ name: name!, attrs, text: "", children: 0 });
    if (!selfClose) open.push(elements.length - 1);
  }
  expect(open, "unclosed elements").toEqual([]);
  return elements;
}

const step = { command: "true", output: "", exitCode: 0, pass: true };
const tricky: ReportEntry = {
  id: `odd/a<b&c"d`,
  title: { en: "t", "zh-cn": "t" },
  status: "failed",
  seconds: 1.23456,
  run: {
    kubernetes: "v1.37.2",
    provider: "local",
    date: "2026-11-27T00:00:00Z",
    exampleHash: "h",
    seconds: 1,
    result: "failed",
    steps: [{ ...step, command: `echo "<&>" \u0007`, output: "bell\u0007 esc\u001b[31mred\u001b[0m nul\u0000 vt\u000b", pass: false }],
    failure: { step: 0, message: `expected "<ok>" & got\u0001 "no"\nsecond line`, diagnostics: "events <none> & \u0002" },
  },
};

describe("junit", () => {
  const doc = parseXml(junit(fixtureReport));
  const suites = doc[0]!;
  const suite = doc.find((e) => e.name === "testsuite")!;
  const cases = doc.filter((e) => e.name === "testcase");

  it("is testsuites > testsuite > testcase, one testcase per proof in id order, area as classname", () => {
    expect(suites.name).toBe("testsuites");
    expect(suite.attrs.name).toBe("Kubernetes v1.37.2 (local)");
    expect(suite.attrs.timestamp).toBe(fixtureReport.started);
    expect(cases.map((c) => [c.attrs.classname, c.attrs.name])).toEqual([
      ["env", "env/literal-survives-container-restart"],
      ["networking", "networking/default-deny"],
      ["security", "security/broken-proof"],
      ["workloads", "workloads/pending-forever"],
    ]);
    expect(cases.map((c) => c.attrs.time)).toEqual(["6", "0", "0", "9"]);
  });

  it("counts passed, failed, errors (a proof the runner could not run) and skipped on both levels", () => {
    const counts = { tests: "4", failures: "1", errors: "1", skipped: "1", time: "367" };
    expect(suites.attrs).toMatchObject(counts);
    expect(suite.attrs).toMatchObject(counts);
    expect(totals(fixtureReport)).toEqual({ proofs: 4, passed: 1, failed: 2, skipped: 1, crashed: 1 });
  });

  it("gives a failure its message and, in its body, the message and the diagnostics; a skip its reason", () => {
    const failure = doc.find((e) => e.name === "failure")!;
    expect(failure.attrs.message).toBe(failureMessage);
    expect(failure.attrs.type).toBe("step 2");
    expect(failure.text).toContain(failureMessage);
    expect(failure.text).toContain("FailedScheduling");
    expect(doc.find((e) => e.name === "skipped")!.attrs.message).toBe(skipReason);
    expect(doc.find((e) => e.name === "error")!.attrs.message).toContain("must export default defineProof");
    // The steps as a terminal shows them.
    expect(doc.find((e) => e.name === "system-out")!.text).toContain("[step 2] $ kubectl get pods -o wide\nNAME");
  });

  it("escapes <, &, quotes and shows control characters in caret notation, keeping a message's line breaks", () => {
    const xml = junit({ ...fixtureReport, entries: [tricky] });
    const d = parseXml(xml);
    const tc = d.find((e) => e.name === "testcase")!;
    expect(tc.attrs.name).toBe(`odd/a<b&c"d`);
    expect(tc.attrs.time).toBe("1.235");
    const failure = d.find((e) => e.name === "failure")!;
    expect(failure.attrs.message).toBe(`expected "<ok>" & got^A "no"\nsecond line`);
    expect(failure.text).toContain("events <none> & ^B");
    const out = d.find((e) => e.name === "system-out")!.text;
    expect(out).toContain(`$ echo "<&>" ^G`);
    // The colour codes go; the bell, NUL and vertical tab show as `cat -v` shows them.
    expect(out).toContain("bell^G escred nul^@ vt^K");
    expect(xml).toContain("&lt;&amp;&gt;");
  });

  it("writes an empty run as a well-formed suite of no tests", () => {
    const d = parseXml(junit({ ...fixtureReport, entries: [] }));
    expect(d.find((e) => e.name === "testsuite")!.attrs.tests).toBe("0");
  });
});

describe("cleanText", () => {
  it("keeps tab, newline, carriage return and non-Latin text; replaces lone surrogates", () => {
    expect(cleanText("a\tb\nc\r\n中文 😀")).toBe("a\tb\nc\r\n中文 😀");
    expect(cleanText("x\ud800y\udc00z\uffff")).toBe("x\ufffdy\ufffdz\ufffd");
    expect(cleanText("\u001b]8;;http://x\u0007link\u001b]8;;\u0007 \u007f\u0085")).toBe("link ^?\\x85");
  });
});

describe("json", () => {
  it("is the RunReport, pretty, entries in id order, with a fixed key order", () => {
    const text = json(fixtureReport);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n  "provider": "local",\n  "kubernetes": "v1.37.2",');
    const parsed = JSON.parse(text) as RunReport;
    expect(parsed.entries.map((e) => e.id)).toEqual([
      "env/literal-survives-container-restart",
      "networking/default-deny",
      "security/broken-proof",
      "workloads/pending-forever",
    ]);
    expect(Object.keys(parsed)).toEqual(["provider", "kubernetes", "started", "seconds", "capabilities", "entries"]);
    expect(parsed.entries.find((e) => e.id === "workloads/pending-forever")).toEqual(fixtureReport.entries[0]);
    // The same report in another order gives the same text.
    expect(json({ ...fixtureReport, entries: [...fixtureReport.entries].reverse() })).toBe(text);
  });
});

describe("html", () => {
  const page = html(fixtureReport);
  const article = (id: string) => {
    const start = page.indexOf(`<article class="proof`, page.indexOf(`id="proof-${id}"`) - 40);
    return page.slice(start, page.indexOf("</article>", start));
  };

  it("is one self-contained page: English, viewport, inline CSS, no script, no external resource", () => {
    expect(page.startsWith("<!doctype html>\n<html lang=\"en\">")).toBe(true);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toMatch(/<style>[^<]+<\/style>/);
    expect(page).not.toMatch(/<script|<link|<img|src=|url\(|@import|https?:\/\//i);
    expect(page).toContain("<title>Proof run on Kubernetes v1.37.2 (local): 1 passed, 2 failed, 1 skipped</title>");
    expect(page).toContain('<time datetime="2026-11-27T07:25:53.702Z">2026-11-27 07:25 UTC</time>');
    expect(page).toContain("<dd>6 min 7 s</dd>");
  });

  it("escapes a command that contains <script>, and marks control characters", () => {
    expect(page).toContain("echo &quot;&lt;script&gt;alert(1)&lt;/script&gt; &amp; done&quot;");
    expect(page).not.toContain("<script>");
    expect(page).toContain('coloured and a bell<span class="ctl" title="U+0007">^G</span> here');
    expect(html({ ...fixtureReport, entries: [tricky] })).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f]|<b&c/);
  });

  it("shows a failed step's expected and actual, the runner's message, and the diagnostics folded", () => {
    const failed = article("workloads-pending-forever");
    expect(failed).toContain('<span aria-hidden="true">✗ </span>Failed<span class="sr-only">:</span></span> <span class="title">A Pod');
    expect(failed).toContain('<span class="step-no">Step 2 of 2</span> <span class="badge failed"><span aria-hidden="true">✗ </span>Failed</span>');
    expect(failed).toContain('href="#proof-workloads-pending-forever-step-2">step 2 of 2</a>');
    const step2 = failed.slice(failed.indexOf('id="proof-workloads-pending-forever-step-2"'));
    expect(step2).toContain("<dt>Expected</dt><dd>exit status 0 and output &quot;Running&quot; within 5s</dd>");
    expect(step2).toContain('<dt class="actual">Actual</dt><dd class="actual">exit status 0 and output &quot;Pending&quot;</dd>');
    expect(step2).toContain("<pre class=\"output\">Pending</pre>");
    expect(step2).toContain(`<dt class="why">Why it failed</dt><dd class="why"><span class="message">step 2: \`kubectl get pod demo -o jsonpath=&#39;{.status.phase}&#39;\` expected`);
    expect(failed).toMatch(/<details class="diagnostics"><summary>Diagnostics[^<]*<\/summary>\n<pre class="diag">namespace workloads-pending-forever/);
    // A failed proof's steps are open; the passing step before it says what it checked.
    expect(failed).not.toContain('<details class="steps">');
    expect(failed).toContain("<dt>Checked</dt><dd>exit status 0 and output &quot;pod/demo created&quot;</dd>");
    // It is listed at the top, linked.
    const list = page.slice(page.indexOf('<h2 id="failed-heading">'), page.indexOf("</ul>", page.indexOf('<h2 id="failed-heading">')));
    expect(list.match(/<li><a href="#[^"]+"/g)).toEqual(['<li><a href="#proof-security-broken-proof"', '<li><a href="#proof-workloads-pending-forever"']);
  });

  it("shows every step of a passed proof with its check, exit status, wait and note, folded in a <details>", () => {
    const passed = article("env-literal-survives-container-restart");
    expect(passed).toContain('<span aria-hidden="true">✓ </span>Passed<span class="sr-only">:</span></span> <span class="title">A literal');
    expect(passed).toContain('<details class="steps"><summary>The 4 steps, with outputs and checks</summary>');
    expect(passed.match(/<li class="step passed"/g)).toHaveLength(4);
    expect(passed).toContain("<dt>Checked</dt><dd>exit status 0 and output matching /Running/</dd>");
    expect(passed).toContain("<dt>Checked</dt><dd>exit status 0 and output of which it holds that restartCount is 1 within 90s</dd>");
    expect(passed).toContain("<dt>Polled</dt><dd>3 runs in 1.9 s</dd>");
    expect(passed).toContain("<dt>Exit status</dt><dd>0</dd>");
    expect(passed).toContain('<p class="note">Create the Pod.</p>');
    expect(passed).toContain('<p class="no-output">(no output)</p>');
    expect(passed).toContain("READINESS GATES\nweb-6d4cf56db6-7xk2p");
  });

  it("shows a skipped proof's reason and a proof the runner could not run", () => {
    expect(article("networking-default-deny")).toContain(`<p class="reason"><strong>Skipped:</strong> ${skipReason}</p>`);
    expect(article("security-broken-proof")).toContain("<strong>The runner could not run this proof:</strong> examples/security/broken-proof/proof.ts");
  });

  it("counts each area, naming only the counts that are not zero", () => {
    expect(page).toContain('<li><a href="#area-networking">networking</a>: 1 skipped</li>');
    expect(page).toContain('<h2 id="area-env">env <span class="counts">(1 passed)</span></h2>');
  });

  it("says a timed-out step timed out, and refers to a long output rather than repeating it", () => {
    const entry: ReportEntry = {
      ...tricky,
      id: "x/y",
      run: {
        ...tricky.run!,
        steps: [
          { ...step, command: "sleep 999", exitCode: 137, pass: false, timedOut: true },
          { ...step, output: "a\nb", exitCode: 1, pass: false },
        ],
      },
    };
    const page = html({ ...fixtureReport, entries: [entry] });
    expect(page).toContain('<dt class="actual">Actual</dt><dd class="actual">exit status 137 — ended when its time ran out and no output</dd>');
    expect(page).toContain('<dt class="actual">Actual</dt><dd class="actual">exit status 1 and the output above</dd>');
    expect(page).toContain('<dt class="timed-out">Timed out</dt><dd class="timed-out">yes');
  });
});

describe("writeReports", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("writes each named report, creating directories, and returns the paths written", async () => {
    dir = await mkdtemp(join(tmpdir(), "k8s-proven-report-"));
    const paths = await writeReports(parseReportOption("html=deep/er/r.html,junit=j.xml"), fixtureReport, dir);
    expect(paths).toEqual([join(dir, "j.xml"), join(dir, "deep/er/r.html")]);
    expect(await readFile(paths[0]!, "utf8")).toBe(junit(fixtureReport));
    expect(await readFile(paths[1]!, "utf8")).toBe(html(fixtureReport));
    expect(await writeReports({}, fixtureReport, dir)).toEqual([]);
  });
});
