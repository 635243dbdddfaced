import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { transcriptPath } from '../../scripts/verify/transcript.ts';
import { transcriptSchema } from '../../src/proofs/schema.ts';
import { listTranscriptIds } from '../support/proofs.ts';

const valid = {
	id: 'env/x',
	title: { en: 'A title', 'zh-cn': '标题' },
	files: ['pod.yaml'],
	runs: [
		{
			kubernetes: 'v1.37.2',
			provider: 'local',
			date: '2026-11-27T02:37:40.225Z',
			exampleHash: 'c7a6bd7105e796ec202f88d66e650f63a170b9d6dd2acacd9458625c9eb4171d',
			seconds: 14,
			result: 'passed',
			steps: [
				{ command: 'kubectl apply -f pod.yaml', output: 'pod/x created', exitCode: 0, pass: true },
				{ command: 'kubectl get pod x', output: '1', exitCode: 0, pass: true, polled: { attempts: 2, seconds: 0.7 }, note: { en: 'n', 'zh-cn': '注' } },
			],
		},
	],
};

describe('transcript schema', () => {
	it('accepts a transcript as the runner writes it', () => {
		expect(transcriptSchema.safeParse(valid).success).toBe(true);
	});

	it.each(listTranscriptIds())('accepts the committed transcript %s', (id) => {
		const result = transcriptSchema.safeParse(JSON.parse(readFileSync(transcriptPath(id), 'utf8')));
		expect(result.error?.message).toBeUndefined();
	});

	const run = valid.runs[0]!;
	it.each([
		['no runs', { ...valid, runs: [] }],
		['a title missing its Chinese', { ...valid, title: { en: 'A title' } }],
		['a result other than passed or failed', { ...valid, runs: [{ ...run, result: 'skipped' }] }],
		['a version that is not one', { ...valid, runs: [{ ...run, kubernetes: 'latest' }] }],
		['a date that is not one', { ...valid, runs: [{ ...run, date: 'yesterday' }] }],
		['a hash that is not sha256', { ...valid, runs: [{ ...run, exampleHash: 'abc' }] }],
		['a step without its output', { ...valid, runs: [{ ...run, steps: [{ command: 'ls', exitCode: 0, pass: true }] }] }],
		['an id that is not <area>/<behaviour>', { ...valid, id: 'x' }],
	])('rejects %s', (_, transcript) => {
		expect(transcriptSchema.safeParse(transcript).success).toBe(false);
	});
});
