/**
 * Pure helpers behind <Proof> (src/components/Proof.astro): which run a proof shows, what its badge and wait
 * line say, where it is anchored, how a command becomes a shell block. No Astro, no file system: the unit
 * tests (tests/unit/proof-view.test.ts) call them directly.
 */
import type { Transcript, TranscriptRun, TranscriptStep } from '../../scripts/verify/transcript.ts';
import { withBase } from '../navigation.ts';

/**
 * The HTML id a rendered proof carries, so a page (a matrix cell, another section) can link to it:
 * `env/literal-survives-container-restart` → `proof-env-literal-survives-container-restart`.
 */
export function proofAnchor(id: string): string {
	const slug = id
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return `proof-${slug}`;
}

/**
 * How a run relates to the example folder as it is now: `passed` and `failed` are what the run recorded for
 * this very folder; `stale` means the folder changed after the run (its hash differs), so the run proves
 * nothing about what the page shows, whatever its result was.
 */
export type RunStatus = 'passed' | 'failed' | 'stale';

export function runStatus(run: Pick<TranscriptRun, 'result' | 'exampleHash'>, currentHash: string | undefined): RunStatus {
	if (currentHash !== undefined && run.exampleHash !== currentHash) return 'stale';
	return run.result === 'passed' ? 'passed' : 'failed';
}

/**
 * The run whose steps the page shows: the first passing run of the current example (runs are stored newest
 * Kubernetes version first), else the first run of the current example (a failed one, shown as failed), else
 * the first run at all.
 */
export function shownRun(transcript: Pick<Transcript, 'runs'>, currentHash: string | undefined): TranscriptRun | undefined {
	const { runs } = transcript;
	return (
		runs.find((run) => runStatus(run, currentHash) === 'passed') ??
		runs.find((run) => runStatus(run, currentHash) !== 'stale') ??
		runs[0]
	);
}

/** The day of a run, as recorded (UTC): `2026-11-27T02:37:40.225Z` → `2026-11-27`. */
export function runDay(date: string): string {
	const parsed = new Date(date);
	if (Number.isNaN(parsed.getTime())) return date;
	return parsed.toISOString().slice(0, 10);
}

/** The values of a run's badge: "proven on Kubernetes {{version}} · {{date}} · {{provider}}". */
export function badgeValues(run: Pick<TranscriptRun, 'kubernetes' | 'date' | 'provider'>) {
	return { version: run.kubernetes, date: runDay(run.date), provider: run.provider };
}

/** A duration in seconds for the wait line, in the page's language: one decimal below 10 s (0.7, 4.2), whole seconds above (14, 95). */
export function formatSeconds(seconds: number, lang: string): string {
	const digits = seconds < 10 ? 1 : 0;
	return numberFormat(lang, digits).format(seconds);
}

// Making an Intl.NumberFormat costs far more than using one, and a build formats thousands of waits.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: string, digits: number): Intl.NumberFormat {
	const key = `${lang} ${digits}`;
	let format = numberFormats.get(key);
	if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 })));
	return format;
}

/** The values of a polled step's wait line: "waited {{seconds}} s ({{count}} checks)". */
export function waitValues(polled: NonNullable<TranscriptStep['polled']>, lang: string) {
	return { seconds: formatSeconds(polled.seconds, lang), count: polled.attempts };
}

/**
 * The code block for a step's command. A `$ ` prompt goes in front, which the shell-prompt plugin
 * (src/expressive-code/shell-prompt.ts) draws without copying, so the copy button copies exactly the command.
 * A multi-line command keeps its prompt only when every line but the last ends in `\` (the plugin copies
 * continuation lines with it). Any other multi-line command (a heredoc, say) goes in without a prompt, since a
 * block without one is copied whole; and if one of its lines looks like a prompt itself, as plain text, which
 * the plugin leaves alone.
 */
export function shellBlock(command: string): { code: string; lang: 'sh' | 'text' } {
	const lines = command.split('\n');
	if (lines.slice(0, -1).every((line) => line.trimEnd().endsWith('\\'))) return { code: `$ ${command}`, lang: 'sh' };
	return { code: command, lang: lines.some((line) => /^\$(?: |$)/.test(line)) ? 'text' : 'sh' };
}

/**
 * The props of the <Code> block of a step's command: the `shellBlock`, as plain text (no syntax colours: a
 * page with forty commands stays light), with the `prompt` meta that keeps the shell-prompt plugin working
 * on it when it has a prompt.
 */
export function commandBlock(command: string): { code: string; lang: 'text'; meta: string } {
	const block = shellBlock(command);
	return { code: block.code, lang: 'text', meta: block.lang === 'sh' ? 'prompt' : '' };
}

/** The command that reruns one proof on the reader's current kubeconfig context (scripts/verify/cli.ts). */
export function rerunCommand(id: string): string {
	return `npm run verify -- ${id} --provider existing`;
}

/**
 * The page of a proof of its own, with the whole evidence (src/pages/[lang]/proofs/[...id].astro):
 * `/en/proofs/env/literal-survives-container-restart/`, below the base path.
 */
export function proofPageUrl(locale: string, id: string, base = '/'): string {
	return withBase(`/${locale}/proofs/${id}/`, base);
}

/**
 * The step(s) a claim card shows: the ones that decide the claim, 0-based indices in run order. The rule, in
 * order:
 * 1. a failed run: the step that failed (and the one before it, by rule 3);
 * 2. else the last step whose output was checked by a stated check, an exact text, a pattern or a JSON subset
 *    and printed something; in a transcript recorded before checks were stored, the last step with a note and
 *    output; else the last step with output; else the last step;
 * 3. plus the step just before it when that step is its witness: the same command (a before/after pair), or a
 *    step with output, a note and a stated check of its own (it states what the decisive step is compared
 *    with). In a transcript without checks, a step with output and a note.
 * Deterministic and data-only: no hand annotation, so a re-recorded transcript picks its steps the same way.
 */
export function decisiveSteps(run: Pick<TranscriptRun, 'steps' | 'result'>): number[] {
	const { steps } = run;
	if (steps.length === 0) return [];
	const checksOutput = (step: TranscriptStep) => step.checked?.output !== undefined;
	const hasOutput = (step: TranscriptStep) => step.output.trim() !== '';
	const lastIndex = (test: (step: TranscriptStep) => boolean) => steps.findLastIndex(test);
	const anyChecked = steps.some((step) => step.checked !== undefined);
	let decisive = run.result === 'failed' ? steps.findIndex((step) => !step.pass) : -1;
	if (decisive < 0) decisive = lastIndex((step) => checksOutput(step) && hasOutput(step));
	if (decisive < 0 && !anyChecked) decisive = lastIndex((step) => step.note !== undefined && hasOutput(step));
	if (decisive < 0) decisive = lastIndex(hasOutput);
	if (decisive < 0) decisive = steps.length - 1;
	const step = steps[decisive] as TranscriptStep;
	const before = steps[decisive - 1];
	const stated = (candidate: TranscriptStep) => candidate.checked?.output !== undefined && 'says' in candidate.checked.output;
	const witness =
		before !== undefined &&
		hasOutput(before) &&
		(before.command === step.command || (before.note !== undefined && (anyChecked ? stated(before) : true)));
	return witness ? [decisive - 1, decisive] : [decisive];
}

/** Where the site serves an example's manifest (src/pages/examples/[...path].ts): `/examples/<id>/<file>`. */
export function exampleFileUrl(id: string, file: string, base = '/'): string {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	return `${prefix}examples/${id}/${file}`;
}

/** Escapes text for HTML, for the few translated strings that get markup (code, links) filled in. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * What a step checked, as parts the component turns into words in the page's language: the accepted exit
 * statuses, then the output check (exact text, pattern, the proof's own statement, JSON subset), then the poll.
 */
export type CheckPart =
	| { kind: 'exit'; codes: string }
	| { kind: 'exitNonzero' }
	| { kind: 'equals' }
	| { kind: 'matches'; pattern: string }
	| { kind: 'json'; subset: string }
	| { kind: 'says'; text: Record<'en' | 'zh-cn', string> }
	| { kind: 'within'; seconds: number };

export function checkParts(check: NonNullable<TranscriptStep['checked']>): CheckPart[] {
	const parts: CheckPart[] = [check.exit === 'nonzero' ? { kind: 'exitNonzero' } : { kind: 'exit', codes: check.exit.join(' / ') }];
	const o = check.output;
	if (o) {
		if ('equals' in o) parts.push({ kind: 'equals' });
		else if ('matches' in o) parts.push({ kind: 'matches', pattern: o.matches });
		else if ('says' in o) parts.push({ kind: 'says', text: o.says });
		else parts.push({ kind: 'json', subset: JSON.stringify(o.json) });
	}
	if (check.within !== undefined) parts.push({ kind: 'within', seconds: check.within });
	return parts;
}
