/**
 * Pictures drawn at build time from transcripts, as SVG: no chart library, no script. Two kinds, each found in
 * the data by a rule rather than named by hand:
 * - `rollout`: a run that prints its ReplicaSets (`kubectl get rs` with DESIRED and READY columns) three times
 *   or more: Pods counted (the ReplicaSets' desired replicas, summed) and Pods ready, over the run's time;
 * - `delays`: a run that polls a file in a mounted ConfigMap or Secret volume until it changes
 *   (`kubectl exec … -- cat|grep … /path`, polled): how long every such wait took, in every run of every proof
 *   that has one, with this proof's own runs picked out.
 * `chartSvg` draws one with its title and description inside (role="img"); the component adds a caption and
 * the same data as a table. Pure: tests/unit/charts.test.ts.
 */
import type { Transcript, TranscriptRun, TranscriptStep } from '../../scripts/verify/transcript.ts';

export interface RolloutPoint {
	/** Seconds since the run started, at the end of the step that printed the table (or the step number). */
	x: number;
	step: number;
	counted: number;
	ready: number;
}

export interface DelayPoint {
	id: string;
	provider: string;
	seconds: number;
	own: boolean;
}

export type Chart =
	| { kind: 'rollout'; xIsSeconds: boolean; points: RolloutPoint[] }
	| { kind: 'delays'; points: DelayPoint[] };

const number = (cell: string | undefined) => (cell === undefined || cell === '<none>' ? 0 : Number(cell));

/** The rows of a table kubectl printed, split on runs of spaces, with the header's column names. */
function table(output: string): { header: string[]; rows: string[][] } | undefined {
	const lines = output.split('\n').filter((line) => line.trim() !== '');
	const header = lines[0]?.trim().split(/\s+/);
	if (!header || lines.length < 2) return undefined;
	const rows = lines.slice(1).map((line) => line.trim().split(/\s+/));
	return rows.every((row) => row.length === header.length) ? { header, rows } : undefined;
}

export function rolloutChart(run: Pick<TranscriptRun, 'steps'>): Chart | undefined {
	const xIsSeconds = run.steps.every((step) => step.seconds !== undefined);
	const points: RolloutPoint[] = [];
	let elapsed = 0;
	run.steps.forEach((step, index) => {
		elapsed += step.seconds ?? 0;
		if (!/^kubectl get (rs|replicasets?)\b/.test(step.command)) return;
		const parsed = table(step.output);
		const desired = parsed?.header.indexOf('DESIRED') ?? -1;
		const ready = parsed?.header.indexOf('READY') ?? -1;
		if (!parsed || desired < 0 || ready < 0) return;
		const sum = (column: number) => parsed.rows.reduce((total, row) => total + number(row[column]), 0);
		if (parsed.rows.some((row) => Number.isNaN(number(row[desired])) || Number.isNaN(number(row[ready])))) return;
		points.push({ x: xIsSeconds ? Math.round(elapsed * 10) / 10 : index + 1, step: index + 1, counted: sum(desired), ready: sum(ready) });
	});
	return points.length >= 3 ? { kind: 'rollout', xIsSeconds, points } : undefined;
}

/** A step that waits for a mounted file to change: polled `kubectl exec <pod> -- cat|grep … /<path>`. */
export function isVolumeWait(step: Pick<TranscriptStep, 'command' | 'polled'>): boolean {
	return step.polled !== undefined && /^kubectl exec \S+ -- (?:cat|grep \.) (?:\/[\w.-]+)+(?: (?:\/[\w.-]+)+)*$/.test(step.command);
}

export function delaysChart(id: string, all: readonly Pick<Transcript, 'id' | 'runs'>[]): Chart | undefined {
	const points: DelayPoint[] = [];
	for (const transcript of all) {
		for (const run of transcript.runs) {
			const wait = run.steps.find(isVolumeWait);
			if (wait?.polled) points.push({ id: transcript.id, provider: run.provider, seconds: wait.polled.seconds, own: transcript.id === id });
		}
	}
	if (!points.some((point) => point.own) || points.length < 3) return undefined;
	points.sort((a, b) => a.seconds - b.seconds || a.id.localeCompare(b.id));
	return { kind: 'delays', points };
}

/** The picture for a proof's card and page, if its data has one. */
export function chartFor(
	transcript: Pick<Transcript, 'id' | 'runs'>,
	run: Pick<TranscriptRun, 'steps'> | undefined,
	all: readonly Pick<Transcript, 'id' | 'runs'>[],
): Chart | undefined {
	return (run && rolloutChart(run)) ?? delaysChart(transcript.id, all);
}

/** The words of a chart, in the page's language (src/content/i18n: `proof.chart.*`). */
export interface ChartWords {
	title: string;
	description: string;
	x: string;
	y: string;
	/** Series names: rollout → [counted, ready]; delays → [this proof, other proofs]. */
	series: [string, string];
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
const round = (n: number) => Math.round(n * 10) / 10;

/** Tick values: about `count` round steps from 0 to at least max. */
export function ticks(max: number, count = 4): number[] {
	if (max <= 0) return [0];
	const raw = max / count;
	const magnitude = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
	// Up to the first tick at or above max, so every point is inside the axis.
	const values: number[] = [0];
	while ((values.at(-1) ?? 0) < max) values.push(round((values.at(-1) ?? 0) + step));
	return values;
}

/**
 * The chart's own styles, inside the SVG: only pages with a chart carry them. Colours are Starlight's, so a
 * chart follows the light and dark themes.
 */
const chartStyle =
	'.kp-chart__svg{display:block;width:100%;height:auto;font-family:var(--__sl-font);color:var(--sl-color-gray-2)}' +
	'.kp-chart__svg .axis{stroke:currentColor}.kp-chart__svg .grid{stroke:var(--sl-color-gray-5);stroke-dasharray:2 3}' +
	'.kp-chart__svg text{font-size:10px;fill:currentColor}.kp-chart__svg .label{fill:var(--sl-color-gray-3)}' +
	'.kp-chart__svg .s1{stroke:var(--sl-color-text-accent);fill:var(--sl-color-text-accent)}' +
	'.kp-chart__svg .s2{stroke:var(--sl-color-green);fill:var(--sl-color-green)}' +
	'.kp-chart__svg path{fill:none;stroke-width:2}.kp-chart__svg path.s2{stroke-dasharray:5 3}' +
	'.kp-chart__svg .hollow{fill:var(--sl-color-bg);stroke-width:1.5}';

const W = 360;
const H = 218;
const M = { top: 30, right: 12, bottom: 34, left: 34 };

/** The SVG of a chart; `idBase` makes the ids of its title and description unique on the page. */
export function chartSvg(chart: Chart, words: ChartWords, idBase: string): string {
	const plotW = W - M.left - M.right;
	const plotH = H - M.top - M.bottom;
	const parts: string[] = [];
	let xMax: number;
	let yMax: number;
	if (chart.kind === 'rollout') {
		xMax = Math.max(...chart.points.map((p) => p.x));
		yMax = Math.max(...chart.points.map((p) => Math.max(p.counted, p.ready)));
	} else {
		xMax = Math.max(...chart.points.map((p) => p.seconds));
		yMax = 0;
	}
	const xTicks = ticks(xMax);
	const xTop = xTicks.at(-1) || 1;
	const sx = (x: number) => round(M.left + (x / xTop) * plotW);
	const axisY = M.top + plotH;
	// x axis, ticks and label
	parts.push(`<line class="axis" x1="${M.left}" y1="${axisY}" x2="${M.left + plotW}" y2="${axisY}"/>`);
	for (const t of xTicks) {
		parts.push(`<text x="${sx(t)}" y="${axisY + 13}" text-anchor="middle">${t}</text>`);
	}
	parts.push(`<text class="label" x="${M.left + plotW / 2}" y="${H - 4}" text-anchor="middle">${escape(words.x)}</text>`);

	if (chart.kind === 'rollout') {
		const yTicks = ticks(yMax, Math.min(yMax, 5) || 1);
		const yTop = yTicks.at(-1) || 1;
		const sy = (y: number) => round(axisY - (y / yTop) * plotH);
		for (const t of yTicks) {
			parts.push(`<line class="grid" x1="${M.left}" y1="${sy(t)}" x2="${M.left + plotW}" y2="${sy(t)}"/>`);
			parts.push(`<text x="${M.left - 5}" y="${sy(t) + 3.5}" text-anchor="end">${t}</text>`);
		}
		parts.push(`<text class="label" x="10" y="${M.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 10 ${M.top + plotH / 2})">${escape(words.y)}</text>`);
		// A step line: a value holds until the next table shows another.
		const path = (value: (p: RolloutPoint) => number) =>
			chart.points.map((p, i) => `${i === 0 ? 'M' : 'H'}${sx(p.x)}${i === 0 ? ` ${sy(value(p))}` : ` V${sy(value(p))}`}`).join(' ');
		parts.push(`<path class="s1" d="${path((p) => p.counted)}"/>`);
		parts.push(`<path class="s2" d="${path((p) => p.ready)}"/>`);
		for (const p of chart.points) {
			parts.push(`<circle class="s1" cx="${sx(p.x)}" cy="${sy(p.counted)}" r="3"/>`);
			parts.push(`<rect class="s2" x="${sx(p.x) - 2.5}" y="${sy(p.ready) - 2.5}" width="5" height="5"/>`);
		}
	} else {
		// One row per provider, a dot per run; this proof's runs filled, the others hollow.
		const providers = [...new Set(chart.points.map((p) => p.provider))].sort();
		const row = (provider: string) => round(M.top + ((providers.indexOf(provider) + 0.5) / providers.length) * plotH);
		for (const provider of providers) {
			parts.push(`<line class="grid" x1="${M.left}" y1="${row(provider)}" x2="${M.left + plotW}" y2="${row(provider)}"/>`);
			parts.push(`<text x="${M.left - 5}" y="${row(provider) + 3.5}" text-anchor="end">${escape(provider)}</text>`);
		}
		for (const p of chart.points) {
			parts.push(`<circle class="${p.own ? 's1' : 's2 hollow'}" cx="${sx(p.seconds)}" cy="${row(p.provider)}" r="${p.own ? 5 : 4}"/>`);
		}
	}
	// Legend, above the plot: one mark and name per series, side by side.
	const legendY = 12;
	const second = M.left + 24 + Math.max(60, words.series[0].length * 6.5);
	parts.push(`<circle class="s1" cx="${M.left + 4}" cy="${legendY}" r="3.5"/><text x="${M.left + 12}" y="${legendY + 3.5}">${escape(words.series[0])}</text>`);
	parts.push(
		chart.kind === 'rollout'
			? `<rect class="s2" x="${second - 3}" y="${legendY - 3}" width="6" height="6"/>`
			: `<circle class="s2 hollow" cx="${second}" cy="${legendY}" r="3.5"/>`,
	);
	parts.push(`<text x="${second + 8}" y="${legendY + 3.5}">${escape(words.series[1])}</text>`);

	const title = `${idBase}-title`;
	const desc = `${idBase}-desc`;
	return (
		`<svg class="kp-chart__svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${title} ${desc}" xmlns="http://www.w3.org/2000/svg">` +
		`<title id="${title}">${escape(words.title)}</title><desc id="${desc}">${escape(words.description)}</desc>` +
		`<style>${chartStyle}</style>` +
		parts.join('') +
		`</svg>`
	);
}
