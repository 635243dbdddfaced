// Reports of a proof run, for whoever ran the proofs: JUnit XML (for CI), JSON (for tools) and one
// self-contained HTML page (for a reader who ran the proofs on their own cluster). The renderers are pure
// functions of a RunReport; writeReports puts them in files. `npm run verify -- --report junit=FILE,…`.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { describeCheck } from "./check.ts";
import type { Text } from "./proof.ts";
import type { TranscriptRun, TranscriptStep } from "./transcript.ts";

export interface ReportEntry {
  id: string;
  title: Text;
  status: "passed" | "failed" | "skipped";
  seconds?: number;
  /** Why it was skipped, or why the runner could not run it (a failed entry without a run). */
  reason?: string;
  /** The run, for a proof that passed or failed. */
  run?: TranscriptRun;
}

export interface RunReport {
  provider: string;
  kubernetes: string;
  /** When the run started, ISO 8601. */
  started: string;
  seconds: number;
  capabilities: string[];
  entries: ReportEntry[];
}

export type ReportKind = "junit" | "json" | "html";
export type ReportTargets = Partial<Record<ReportKind, string>>;

export const reportKinds: readonly ReportKind[] = ["junit", "json", "html"];

export interface Totals {
  proofs: number;
  passed: number;
  failed: number;
  skipped: number;
  /** Failed entries without a run: the runner could not run them (JUnit <error>). */
  crashed: number;
}

export function totals(report: RunReport): Totals {
  const t: Totals = { proofs: report.entries.length, passed: 0, failed: 0, skipped: 0, crashed: 0 };
  for (const e of report.entries) {
    t[e.status]++;
    if (e.status === "failed" && !e.run) t.crashed++;
  }
  return t;
}

/** Entries in id order, so every report reads the same whatever order parallel jobs finished in. */
const byId = (entries: ReportEntry[]) => [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export const areaOf = (id: string) => id.split("/")[0] ?? id;

const entrySeconds = (e: ReportEntry) => e.seconds ?? e.run?.seconds ?? 0;

// ---------------------------------------------------------------------------------------------------------
// Text hygiene shared by XML and HTML: terminal colour codes dropped; the other characters that XML 1.0 forbids
// (C0 controls but tab, newline and carriage return) and DEL shown in caret notation as `cat -v` does (BEL → ^G,
// ESC → ^[), C1 controls as \x85; lone surrogates and U+FFFE/U+FFFF replaced by U+FFFD.

const ansiSequence = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;
// eslint-disable-next-line no-control-regex
const invalidChar = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** How a character that cannot be written as it is shows. */
function visible(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return "^?";
  if (code <= 0x9f) return `\\x${code.toString(16).toUpperCase()}`;
  return "\ufffd";
}

export const cleanText = (s: string): string => s.replace(ansiSequence, "").replace(invalidChar, visible);

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeMarkup = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c]!);

/** Text for an XML or HTML text node or attribute value (quoted with "). */
export const escapeText = (s: string) => escapeMarkup(cleanText(s));

/** An attribute value that keeps its line breaks and tabs (a parser would turn them into spaces otherwise). */
const escapeAttr = (s: string) => escapeText(s).replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");

const figure = (seconds: number) => String(Math.round(seconds * 1000) / 1000);

// ---------------------------------------------------------------------------------------------------------
// JUnit XML: one testsuite for the run, one testcase per proof (classname: its area, name: its id).

/** A run's steps as a terminal shows them, for <system-out>. */
function terminalTranscript(run: TranscriptRun): string {
  return run.steps
    .map((s, i) => {
      const facts = [`exit status ${s.exitCode}`, s.pass ? "passed" : "FAILED"];
      if (s.seconds !== undefined) facts.push(`${figure(s.seconds)}s`);
      if (s.polled) facts.push(`${s.polled.attempts} attempt(s)`);
      if (s.timedOut) facts.push("timed out");
      if (s.checked) facts.push(`checked: ${describeCheck(s.checked)}`);
      return `[step ${i + 1}] $ ${s.command}\n${s.output ? `${s.output}\n` : ""}[${facts.join(", ")}]`;
    })
    .join("\n\n");
}

export function junit(report: RunReport): string {
  const t = totals(report);
  const failures = t.failed - t.crashed;
  const counts = `tests="${t.proofs}" failures="${failures}" errors="${t.crashed}" skipped="${t.skipped}" time="${figure(report.seconds)}"`;
  const suiteName = escapeAttr(`Kubernetes ${report.kubernetes} (${report.provider})`);
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="Kubernetes, Proven" ${counts}>`,
    `  <testsuite name="${suiteName}" ${counts} timestamp="${escapeAttr(report.started)}">`,
    `    <properties>`,
    ...[
      ["kubernetes", report.kubernetes],
      ["provider", report.provider],
      ["capabilities", report.capabilities.join(",")],
    ].map(([name, value]) => `      <property name="${name}" value="${escapeAttr(value!)}"/>`),
    `    </properties>`,
  ];
  for (const e of byId(report.entries)) {
    const head = `    <testcase classname="${escapeAttr(areaOf(e.id))}" name="${escapeAttr(e.id)}" time="${figure(entrySeconds(e))}"`;
    const body: string[] = [];
    if (e.status === "skipped") {
      body.push(`      <skipped message="${escapeAttr(e.reason ?? "skipped")}"/>`);
    } else if (e.status === "failed" && !e.run) {
      const reason = e.reason ?? "the runner could not run it";
      body.push(`      <error message="${escapeAttr(reason)}" type="runner">${escapeText(reason)}</error>`);
    } else if (e.status === "failed") {
      const f = e.run!.failure;
      const message = f?.message ?? "a step failed";
      const text = f?.diagnostics ? `${message}\n\n${f.diagnostics}` : message;
      body.push(`      <failure message="${escapeAttr(message)}" type="${f && f.step >= 0 ? `step ${f.step + 1}` : "proof"}">${escapeText(text)}</failure>`);
    }
    if (e.run?.steps.length) body.push(`      <system-out>${escapeText(terminalTranscript(e.run))}</system-out>`);
    lines.push(body.length ? `${head}>\n${body.join("\n")}\n    </testcase>` : `${head}/>`);
  }
  lines.push(`  </testsuite>`, `</testsuites>`, "");
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------------------
// JSON: the RunReport itself, keys in a fixed order, entries in id order.

export function json(report: RunReport): string {
  const entry = (e: ReportEntry): ReportEntry => ({
    id: e.id,
    title: { en: e.title.en, "zh-cn": e.title["zh-cn"] },
    status: e.status,
    ...(e.seconds !== undefined ? { seconds: e.seconds } : {}),
    ...(e.reason !== undefined ? { reason: e.reason } : {}),
    ...(e.run !== undefined ? { run: e.run } : {}),
  });
  const ordered: RunReport = {
    provider: report.provider,
    kubernetes: report.kubernetes,
    started: report.started,
    seconds: report.seconds,
    capabilities: [...report.capabilities],
    entries: byId(report.entries).map(entry),
  };
  return JSON.stringify(ordered, null, 2) + "\n";
}

// ---------------------------------------------------------------------------------------------------------
// HTML: one page, inline CSS, no script, no external resource.

/** HTML text: escaped, a control character marked as such (`<span class="ctl">^G</span>`), not shown as text it is not. */
const h = (s: string) =>
  escapeMarkup(s.replace(ansiSequence, "")).replace(invalidChar, (c) => `<span class="ctl" title="U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}">${visible(c)}</span>`);

/** The anchor of a proof on the report, as on the site: env/x-y → proof-env-x-y. */
export function reportAnchor(id: string): string {
  return `proof-${id.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")}`;
}

/** 367 → "6 min 7 s", 0.34 → "0.3 s". */
export function duration(seconds: number): string {
  if (seconds < 10) return `${Math.round(seconds * 10) / 10} s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** "2026-11-27T07:25:53.702Z" → "2026-11-27 07:25 UTC"; anything unparsable as it is. */
export function readableDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const statusWord: Record<ReportEntry["status"], string> = { passed: "Passed", failed: "Failed", skipped: "Skipped" };
// A symbol beside the word: the status never rests on colour alone.
const statusMark: Record<ReportEntry["status"], string> = { passed: "✓", failed: "✗", skipped: "–" };

/** The status as a badge; before a title, a colon for screen readers ("Failed: A Pod that…"). */
const badge = (status: ReportEntry["status"], beforeTitle = false) =>
  `<span class="badge ${status}"><span aria-hidden="true">${statusMark[status]} </span>${statusWord[status]}${beforeTitle ? `<span class="sr-only">:</span>` : ""}</span>`;

/** "2 passed, 1 skipped": the counts that are not zero. */
function countsText(entries: ReportEntry[]): string {
  const c = { passed: 0, failed: 0, skipped: 0 };
  for (const e of entries) c[e.status]++;
  return (Object.entries(c) as [string, number][]).filter(([, n]) => n).map(([status, n]) => `${n} ${status}`).join(", ");
}

const pre = (text: string, cls: string) => `<pre class="${cls}">${h(text)}</pre>`;

function renderStep(step: TranscriptStep, index: number, count: number, anchor: string, failure: TranscriptRun["failure"]): string {
  const failedHere = !step.pass || failure?.step === index;
  const facts: string[] = [];
  const fact = (term: string, value: string, cls = "") => facts.push(cls ? `<dt class="${cls}">${term}</dt><dd class="${cls}">${value}</dd>` : `<dt>${term}</dt><dd>${value}</dd>`);
  if (step.checked) fact(failedHere ? "Expected" : "Checked", h(describeCheck(step.checked)));
  else if (step.expected) fact("Expected", h(step.expected));
  const exit = `${step.exitCode}${step.timedOut ? " — ended when its time ran out" : ""}`;
  if (failedHere) {
    const out = cleanText(step.output);
    const output = !out ? "no output" : out.length <= 120 && !out.includes("\n") ? `output ${JSON.stringify(out)}` : "the output above";
    fact("Actual", h(`exit status ${exit} and ${output}`), "actual");
  } else {
    fact("Exit status", h(exit));
  }
  if (step.timedOut) fact("Timed out", "yes: the command was ended (with everything it started) when its time ran out", "timed-out");
  if (step.polled) fact("Polled", h(`${plural(step.polled.attempts, "run")} in ${duration(step.polled.seconds)}`));
  if (step.seconds !== undefined) fact("Took", h(duration(step.seconds)));
  if (failedHere && failure?.step === index) fact("Why it failed", `<span class="message">${h(failure.message)}</span>`, "why");

  return [
    `<li class="step ${failedHere ? "failed" : "passed"}" id="${anchor}-step-${index + 1}">`,
    `<p class="step-head"><span class="step-no">Step ${index + 1} of ${count}</span> ${failedHere ? badge("failed") : `<span class="step-ok">passed</span>`}</p>`,
    step.note ? `<p class="note">${h(step.note.en)}</p>` : "",
    `<p class="label">Command</p>`,
    `<pre class="command"><span class="prompt" aria-hidden="true">$ </span>${h(step.command)}</pre>`,
    `<p class="label">Output</p>`,
    step.output ? pre(step.output, "output") : `<p class="no-output">(no output)</p>`,
    `<dl class="facts">${facts.join("")}</dl>`,
    `</li>`,
  ]
    .filter(Boolean)
    .join("\n");
}

function renderEntry(e: ReportEntry): string {
  const anchor = reportAnchor(e.id);
  const run = e.run;
  const meta = [`<code>${h(e.id)}</code>`];
  const seconds = entrySeconds(e);
  if (e.status !== "skipped") meta.push(duration(seconds));
  if (run) meta.push(plural(run.steps.length, "step"));
  const parts = [
    `<article class="proof ${e.status}" id="${anchor}" aria-labelledby="${anchor}-title">`,
    `<h3 id="${anchor}-title">${badge(e.status, true)} <span class="title">${h(e.title.en)}</span></h3>`,
    `<p class="meta">${meta.join(" · ")}</p>`,
  ];
  if (e.status === "skipped") {
    parts.push(`<p class="reason"><strong>Skipped:</strong> ${h(e.reason ?? "no reason given")}</p>`);
  } else if (!run) {
    parts.push(`<div class="failure"><p><strong>The runner could not run this proof:</strong> ${h(e.reason ?? "no reason given")}</p></div>`);
  } else {
    const f = run.failure;
    if (e.status === "failed" || f) {
      const atStep = f && f.step >= 0 && f.step < run.steps.length;
      const where =
        !f ? "The run failed."
        : atStep ? `Failed at <a href="#${anchor}-step-${f.step + 1}">step ${f.step + 1} of ${run.steps.length}</a>: expected and actual are shown with the step.`
        : f.step < 0 ? `Failed before its first step: ${h(f.message)}`
        : `Failed after its last step: ${h(f.message)}`;
      parts.push(`<div class="failure"><p>${where}</p>`);
      if (f?.diagnostics) {
        parts.push(`<details class="diagnostics"><summary>Diagnostics: events, pods, logs of the proof's namespace</summary>`, pre(f.diagnostics, "diag"), `</details>`);
      }
      parts.push(`</div>`);
    }
    if (run.steps.length) {
      const steps = run.steps.map((s, i) => renderStep(s, i, run.steps.length, anchor, f)).join("\n");
      const list = `<ol class="steps">\n${steps}\n</ol>`;
      // Passed proofs fold their steps away, so the page can be scanned; a failed one shows them.
      parts.push(
        e.status === "failed"
          ? list
          : `<details class="steps"><summary>The ${plural(run.steps.length, "step")}, with outputs and checks</summary>\n${list}\n</details>`,
      );
    }
  }
  parts.push(`</article>`);
  return parts.join("\n");
}

const css = `
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--code:#f6f8fa;--pass:#116329;--pass-bg:#dafbe1;--fail:#a40e26;--fail-bg:#ffebe9;--skip:#6c4400;--skip-bg:#fff1c2;--link:#0550ae}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;--code:#161b22;--pass:#7ee787;--pass-bg:#0f2d1a;--fail:#ffa198;--fail-bg:#3a1216;--skip:#f2cc60;--skip-bg:#332605;--link:#79c0ff}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;overflow-wrap:anywhere}
a{color:var(--link)}
.page{max-width:68rem;margin:0 auto;padding:1rem}
header{border-bottom:1px solid var(--line);padding-bottom:.75rem;margin-bottom:1rem}
.site{margin:0;color:var(--muted);font-size:.9rem}
h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0 .75rem}
h2{font-size:1.3rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h2 .counts{font-size:.9rem;font-weight:normal;color:var(--muted)}
h3{font-size:1.1rem;line-height:1.35;margin:0 0 .25rem}
.run-facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.15rem 1rem;margin:0}
.run-facts dt{font-weight:600}
.run-facts dd{margin:0}
.totals{font-size:1.15rem;margin:.9rem 0 .25rem}
.totals .n{font-weight:700}
.verdict{margin:.25rem 0}
nav ul,.failed-list{padding-left:1.25rem;margin:.25rem 0}
nav li,.failed-list li{margin:.15rem 0}
code,pre{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono","Noto Sans Mono",monospace}
code{font-size:.9em}
.badge{display:inline-block;font-size:.8rem;font-weight:700;line-height:1.2;padding:.15rem .5rem;border-radius:1rem;border:1px solid;vertical-align:.1em;white-space:nowrap}
.badge.passed{color:var(--pass);background:var(--pass-bg)}
.badge.failed{color:var(--fail);background:var(--fail-bg)}
.badge.skipped{color:var(--skip);background:var(--skip-bg)}
.proof{border:1px solid var(--line);border-left-width:.35rem;border-radius:.4rem;padding:.75rem;margin:0 0 1rem;min-width:0}
.proof.passed{border-left-color:var(--pass)}
.proof.failed{border-left-color:var(--fail)}
.proof.skipped{border-left-color:var(--skip)}
.meta{margin:0 0 .5rem;color:var(--muted);font-size:.9rem}
.reason{margin:.25rem 0 0}
.failure{background:var(--fail-bg);border-radius:.3rem;padding:.5rem .75rem;margin:.5rem 0}
.failure p{margin:.25rem 0}
details>summary{cursor:pointer;font-weight:600;padding:.25rem 0}
details.steps>summary{color:var(--link)}
.steps{list-style:none;padding:0;margin:.5rem 0 0}
.step{border-top:1px solid var(--line);padding:.6rem 0 .4rem;min-width:0}
.step-head{margin:0 0 .3rem;font-weight:600}
.step-ok{color:var(--pass);font-weight:600}
.step.failed{background:linear-gradient(var(--fail),var(--fail)) left/.2rem 100% no-repeat;padding-left:.6rem}
.note{margin:.2rem 0 .4rem;font-style:italic}
.label{margin:.35rem 0 .1rem;font-size:.8rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
pre{margin:0;max-width:100%;overflow-x:auto;white-space:pre;overflow-wrap:normal;tab-size:8;font-size:.82rem;line-height:1.45;padding:.5rem .65rem;border-radius:.3rem;background:var(--code);border:1px solid var(--line)}
pre.output{max-height:32rem;overflow-y:auto}
pre.diag{max-height:40rem;overflow-y:auto;margin-top:.25rem;background:var(--bg)}
.prompt{color:var(--muted);user-select:none}
.ctl{color:var(--muted);background:var(--line);border-radius:.2rem;padding:0 .1rem}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.no-output{margin:0;color:var(--muted);font-style:italic}
.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1rem .75rem;margin:.5rem 0 0;font-size:.92rem}
.facts dt{font-weight:600}
.facts dd{margin:0;min-width:0}
.facts dd.actual,.facts dd.timed-out{color:var(--fail);font-weight:600}
.message{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.85rem}
@media (max-width:30rem){.page{padding:.75rem}.proof{padding:.6rem}h1{font-size:1.4rem}.facts .why{grid-column:1/-1}}
@media print{details>*{display:block}pre{white-space:pre-wrap;max-height:none}}
`
  .trim()
  .replace(/\n/g, "");

export function html(report: RunReport): string {
  const t = totals(report);
  const entries = byId(report.entries);
  const areas = new Map<string, ReportEntry[]>();
  for (const e of entries) {
    const list = areas.get(areaOf(e.id)) ?? [];
    list.push(e);
    areas.set(areaOf(e.id), list);
  }
  const verdict =
    !t.proofs ? "No proof was run."
    : t.failed ? `${plural(t.failed, "proof")} failed on this cluster: each shows, with the step that failed, what was expected and what happened.`
    : t.passed ? `Every proof that ran passed${t.skipped ? `; ${t.skipped === 1 ? "one was" : `${t.skipped} were`} skipped for what this cluster lacks or has` : ""}.`
    : "Every proof was skipped.";
  const title = `Proof run on Kubernetes ${report.kubernetes} (${report.provider}): ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;
  const failed = entries.filter((e) => e.status === "failed");
  const body = [
    `<header>`,
    `<p class="site">Kubernetes, Proven · proof run report</p>`,
    `<h1>Proofs run on Kubernetes ${h(report.kubernetes)}</h1>`,
    `<dl class="run-facts">`,
    `<dt>Kubernetes</dt><dd>${h(report.kubernetes)}</dd>`,
    `<dt>Provider</dt><dd>${h(report.provider)}</dd>`,
    `<dt>Started</dt><dd><time datetime="${h(report.started)}">${h(readableDate(report.started))}</time></dd>`,
    `<dt>Took</dt><dd>${h(duration(report.seconds))}</dd>`,
    `<dt>Capabilities</dt><dd>${report.capabilities.length ? report.capabilities.map((c) => `<code>${h(c)}</code>`).join(", ") : "none detected"}</dd>`,
    `</dl>`,
    `<p class="totals"><span class="n">${t.passed}</span> passed, <span class="n">${t.failed}</span> failed, <span class="n">${t.skipped}</span> skipped, of ${plural(t.proofs, "proof")}</p>`,
    `<p class="verdict">${h(verdict)}</p>`,
    `</header>`,
    `<main>`,
  ];
  if (failed.length) {
    body.push(
      `<section aria-labelledby="failed-heading">`,
      `<h2 id="failed-heading">Failed</h2>`,
      `<ul class="failed-list">`,
      ...failed.map((e) => `<li><a href="#${reportAnchor(e.id)}">${h(e.title.en)}</a> <code>${h(e.id)}</code></li>`),
      `</ul>`,
      `</section>`,
    );
  }
  if (areas.size > 1) {
    body.push(
      `<nav aria-labelledby="areas-heading">`,
      `<h2 id="areas-heading">Areas</h2>`,
      `<ul>`,
      ...[...areas].map(([area, list]) => `<li><a href="#area-${reportAnchor(area).slice("proof-".length)}">${h(area)}</a>: ${countsText(list)}</li>`),
      `</ul>`,
      `</nav>`,
    );
  }
  for (const [area, list] of areas) {
    const id = `area-${reportAnchor(area).slice("proof-".length)}`;
    body.push(
      `<section aria-labelledby="${id}">`,
      `<h2 id="${id}">${h(area)} <span class="counts">(${countsText(list)})</span></h2>`,
      ...list.map(renderEntry),
      `</section>`,
    );
  }
  body.push(`</main>`);
  return [
    `<!doctype html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="color-scheme" content="light dark">`,
    `<title>${h(title)}</title>`,
    `<style>${css}</style>`,
    `</head>`,
    `<body>`,
    `<div class="page">`,
    ...body,
    `</div>`,
    `</body>`,
    `</html>`,
    "",
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------------------
// The CLI option and the files.

const accepted = "use junit=FILE, json=FILE, html=FILE";

/** `--report junit=FILE,json=FILE,html=FILE`: any of them, in any order, comma-separated. */
export function parseReportOption(value: string): ReportTargets {
  const targets: ReportTargets = {};
  if (!value.trim()) throw new Error(`--report: no report named; ${accepted}`);
  for (const raw of value.split(",")) {
    const part = raw.trim();
    if (!part) throw new Error(`--report: an empty part in "${value}"; ${accepted}`);
    const eq = part.indexOf("=");
    if (eq < 0) throw new Error(`--report: "${part}" names no file; ${accepted}`);
    const kind = part.slice(0, eq).trim();
    const file = part.slice(eq + 1).trim();
    if (!(reportKinds as readonly string[]).includes(kind)) throw new Error(`--report: unknown kind "${kind}" in "${part}"; ${accepted}`);
    if (!file) throw new Error(`--report: "${part}" names no file; ${accepted}`);
    if (targets[kind as ReportKind] !== undefined) throw new Error(`--report: ${kind} is named twice in "${value}"; ${accepted}`);
    targets[kind as ReportKind] = file;
  }
  return targets;
}

const renderers: Record<ReportKind, (r: RunReport) => string> = { junit, json, html };

/**
 * Writes each report named (parent directories created), relative paths resolved against `cwd`, and returns
 * the absolute paths written, in the order junit, json, html.
 */
export async function writeReports(targets: ReportTargets, report: RunReport, cwd = process.cwd()): Promise<string[]> {
  const written: string[] = [];
  for (const kind of reportKinds) {
    const file = targets[kind];
    if (file === undefined) continue;
    const path = resolve(cwd, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, renderers[kind](report));
    written.push(path);
  }
  return written;
}
