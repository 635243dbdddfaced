import { describe, expect, it } from 'vitest';
import type { TranscriptRun, TranscriptStep } from '../../scripts/verify/transcript.ts';
import { chartFor, chartSvg, delaysChart, isVolumeWait, rolloutChart, ticks } from '../../src/proofs/charts.ts';

const step = (over: Partial<TranscriptStep>): TranscriptStep => ({ command: 'true', output: '', exitCode: 0, pass: true, seconds: 1, ...over });
const rs = (rows: [string, number, number | '<none>'][]) =>
	['NAME            REVISION   DESIRED   READY', ...rows.map(([rev, desired, ready]) => `app-${rev}   ${rev}   ${desired}   ${ready}`)].join('\n');
const get = "kubectl get rs -l app=x -o custom-columns='NAME:.metadata.name,REVISION:…,DESIRED:.spec.replicas,READY:.status.readyReplicas'";
const run = (steps: TranscriptStep[]): TranscriptRun => ({
	kubernetes: 'v1.37.2',
	provider: 'local',
	date: '2026-11-27T00:00:00Z',
	exampleHash: 'h',
	seconds: 10,
	result: 'passed',
	steps,
});

describe('rolloutChart', () => {
	const steps = [
		step({ command: 'kubectl apply -f deployment.yaml', seconds: 2 }),
		step({ command: get, output: rs([['1', 4, 4]]), seconds: 1 }),
		step({ command: get, output: rs([['2', 2, '<none>'], ['1', 3, 3]]), seconds: 3 }),
		step({ command: get, output: rs([['2', 4, 4], ['1', 0, '<none>']]), seconds: 4 }),
	];

	it('sums desired and ready over the ReplicaSets of each table, at the time the table was printed', () => {
		expect(rolloutChart(run(steps))).toEqual({
			kind: 'rollout',
			xIsSeconds: true,
			points: [
				{ x: 3, step: 2, counted: 4, ready: 4 },
				{ x: 6, step: 3, counted: 5, ready: 3 },
				{ x: 10, step: 4, counted: 4, ready: 4 },
			],
		});
	});
	it('counts steps instead of seconds in a transcript without step times', () => {
		const chart = rolloutChart(run(steps.map(({ seconds: _, ...rest }) => rest)));
		expect(chart?.kind === 'rollout' && chart.points.map((p) => p.x)).toEqual([2, 3, 4]);
	});
	it('needs three tables with DESIRED and READY', () => {
		expect(rolloutChart(run(steps.slice(0, 3)))).toBeUndefined();
		expect(rolloutChart(run(steps.map((s) => ({ ...s, output: s.output.replace('READY', 'AVAILABLE') }))))).toBeUndefined();
	});
});

describe('delaysChart', () => {
	const wait = (seconds: number) => step({ command: 'kubectl exec demo -- cat /etc/app/MODE', polled: { attempts: 3, seconds } });
	const all = [
		{ id: 'env/a', runs: [run([wait(70)]), { ...run([wait(60)]), provider: 'kind' }] },
		{ id: 'env/b', runs: [run([step({}), wait(90)])] },
		{ id: 'env/c', runs: [run([step({ command: 'kubectl exec demo -- cat /etc/app/MODE' })])] },
	];

	it('knows a poll of a mounted file from other polls', () => {
		expect(isVolumeWait(wait(1))).toBe(true);
		expect(isVolumeWait(step({ command: 'kubectl exec demo -- grep . /etc/app/MODE /config/mode', polled: { attempts: 1, seconds: 1 } }))).toBe(true);
		expect(isVolumeWait(step({ command: 'kubectl exec demo -- cat /etc/app/MODE' }))).toBe(false);
		expect(isVolumeWait(step({ command: "kubectl get pod demo -o jsonpath='{.status}'", polled: { attempts: 1, seconds: 1 } }))).toBe(false);
	});
	it('collects every run of every proof that waits, sorted, this proof picked out', () => {
		expect(delaysChart('env/b', all)).toEqual({
			kind: 'delays',
			points: [
				{ id: 'env/a', provider: 'kind', seconds: 60, own: false },
				{ id: 'env/a', provider: 'local', seconds: 70, own: false },
				{ id: 'env/b', provider: 'local', seconds: 90, own: true },
			],
		});
	});
	it('is no picture for a proof that does not wait', () => {
		expect(delaysChart('env/c', all)).toBeUndefined();
		expect(chartFor(all[2]!, all[2]!.runs[0], all)).toBeUndefined();
	});
});

describe('chartSvg', () => {
	const chart = { kind: 'rollout' as const, xIsSeconds: true, points: [{ x: 3, step: 2, counted: 4, ready: 4 }, { x: 6, step: 3, counted: 5, ready: 3 }] };
	const svg = chartSvg(chart, { title: 'Pods <counted>', description: 'At most 5', x: 's', y: 'Pods', series: ['counted', 'ready'] }, 'c1');

	it('is an accessible image: role, title and description referenced by id, text escaped', () => {
		expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc"/);
		expect(svg).toContain('<title id="c1-title">Pods &lt;counted&gt;</title><desc id="c1-desc">At most 5</desc>');
	});
	it('draws a mark per reading and series', () => {
		expect(svg.match(/<circle class="s1"/g)?.length).toBe(chart.points.length + 1); // + legend
		expect(svg.match(/<rect class="s2"/g)?.length).toBe(chart.points.length + 1);
	});
	it('has round axis ticks', () => {
		expect(ticks(36)).toEqual([0, 10, 20, 30, 40]);
		expect(ticks(5, 5)).toEqual([0, 1, 2, 3, 4, 5]);
		expect(ticks(0)).toEqual([0]);
		// The last tick is at or above the largest value: 24.3 goes on an axis to 30, not 20.
		expect(ticks(24.3)).toEqual([0, 10, 20, 30]);
	});
});
