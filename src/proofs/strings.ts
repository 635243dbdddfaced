/**
 * The UI strings of <Proof>, added to Starlight's i18n schema (src/content.config.ts). Their texts live with
 * Starlight's own overrides in src/content/i18n/en.json and zh-CN.json; tests/unit/proof-strings.test.ts
 * checks that both files have every key. Values are filled in with i18next's `{{name}}` interpolation, and a
 * `_one`/`_other` pair is an i18next plural (used with `count`).
 */
import { z } from 'astro/zod';

export const proofStringsSchema = z
	.object({
		/** Small label above a proof's title. */
		'proof.label': z.string(),
		/** Badge of a passing run: {{version}}, {{date}}, {{provider}}. */
		'proof.badge.passed': z.string(),
		/** Badge of a failed run. */
		'proof.badge.failed': z.string(),
		/** Badge of a run recorded for an earlier version of the example folder. */
		'proof.badge.stale': z.string(),
		/** Above the steps, when the transcript holds runs on several versions: which one is shown. */
		'proof.shownRun': z.string(),
		/** A proof with no transcript yet: {{command}} is the command that records one. */
		'proof.missing': z.string(),
		/** Heading of the manifests. */
		'proof.files': z.string(),
		/** Download link of a manifest: {{file}}. */
		'proof.download': z.string(),
		/** A manifest named in the transcript that the example folder no longer has. */
		'proof.fileMissing': z.string(),
		/** Heading of the steps. */
		'proof.steps': z.string(),
		/** Label of a step's output. */
		'proof.output': z.string(),
		/** A step whose command printed nothing. */
		'proof.noOutput': z.string(),
		/** A step whose command exited non-zero (on purpose, or not): {{code}}. */
		'proof.exitCode': z.string(),
		/** Wait line of a polled step: {{seconds}}, {{count}}. */
		'proof.waited_one': z.string(),
		'proof.waited_other': z.string(),
		/** Marks the step that failed, and what it expected: {{expected}}. */
		'proof.stepFailed': z.string(),
		/** Marks the step that failed when its check is shown above it (transcripts that store checks). */
		'proof.stepFailedCheck': z.string(),
		/** The failure recorded for a failed run (the runner's message, which names the step): {{message}}. */
		'proof.failure': z.string(),
		/** Label in front of what a step checked. */
		'proof.checked': z.string(),
		/** The exit statuses a step accepted: {{codes}} ("0", "0 or 137"). */
		'proof.check.exit': z.string(),
		/** A step that had to fail. */
		'proof.check.exitNonzero': z.string(),
		/** The output had to be exactly the text shown. */
		'proof.check.equals': z.string(),
		/** The output had to match a pattern: {{pattern}} (markup: code). */
		'proof.check.matches': z.string(),
		/** The JSON output had to contain a subset: {{subset}} (markup: code). */
		'proof.check.json': z.string(),
		/** A polled step: re-run until the check held, for at most {{seconds}} s. */
		'proof.check.within': z.string(),
		/** A step whose command ran out of time and was ended. */
		'proof.timedOut': z.string(),
		/** Label of the line describing the cluster a run ran on. */
		'proof.cluster': z.string(),
		/** Parts of that line: {{count}} nodes; {{version}} cgroup; {{mode}} kube-proxy; {{version}} kubectl. */
		'proof.cluster.nodes_one': z.string(),
		'proof.cluster.nodes_other': z.string(),
		'proof.cluster.cgroup': z.string(),
		'proof.cluster.proxy': z.string(),
		'proof.cluster.kubectl': z.string(),
		/** Claim card: above the decisive step(s), {{count}} of them, of {{total}} steps in the run. */
		'proof.card.steps_one': z.string(),
		'proof.card.steps_other': z.string(),
		/** Claim card: the link to the proof's own page, {{total}} steps. */
		'proof.card.more': z.string(),
		/** Proof page: its description (search results, link previews): {{title}}. */
		'proof.page.description': z.string(),
		/** Proof page: where the claim is made, {{link}} (a link to that page). */
		'proof.page.shownOn': z.string(),
		/** Proof page: heading of the failed run's diagnostics (what the runner collected when it failed). */
		'proof.diagnostics': z.string(),
		/**
		 * Pictures drawn from transcripts (src/proofs/charts.ts): title, description (the screen reader's summary),
		 * axis and series names, the data table's summary and column headers. Rollout: {{count}} readings,
		 * {{countedMax}}, {{readyMin}}; delays: {{count}} waits, {{proofs}} proofs, {{min}}, {{max}}, {{own}}.
		 */
		'proof.chart.rollout.title': z.string(),
		'proof.chart.rollout.description': z.string(),
		'proof.chart.rollout.xSeconds': z.string(),
		'proof.chart.rollout.xSteps': z.string(),
		'proof.chart.rollout.y': z.string(),
		'proof.chart.rollout.counted': z.string(),
		'proof.chart.rollout.ready': z.string(),
		'proof.chart.delays.title': z.string(),
		'proof.chart.delays.description': z.string(),
		'proof.chart.delays.x': z.string(),
		'proof.chart.delays.own': z.string(),
		'proof.chart.delays.other': z.string(),
		'proof.chart.data': z.string(),
		'proof.chart.col.step': z.string(),
		'proof.chart.col.seconds': z.string(),
		'proof.chart.col.proof': z.string(),
		'proof.chart.col.cluster': z.string(),
		/** Heading of the "run it yourself" block. */
		'proof.runIt': z.string(),
		/** Text under the command: {{existing}} and {{up}} are code, {{link}} a link to the "run the proofs" page. */
		'proof.runIt.text': z.string(),
		'proof.runIt.link': z.string(),
	})
	.partial();

export type ProofStringKey = keyof z.infer<typeof proofStringsSchema>;

export const proofStringKeys = Object.keys(proofStringsSchema.shape) as ProofStringKey[];
