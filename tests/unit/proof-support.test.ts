import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyTexts, elementById, fill, listTranscriptIds, proofRefs, textOf, transcriptMessage } from '../support/proofs.ts';

describe('proofRefs', () => {
	it('finds <Proof id> in the order of the page, with any quoting', () => {
		const source = [
			`import Proof from '~/components/Proof.astro';`,
			'Some text.',
			'<Proof id="env/a" />',
			`<Proof id='env/b'/>`,
			'<Proof\n  id={"env/c"}\n/>',
			'<Proof id={`env/d`} />',
		].join('\n');
		expect(proofRefs(source)).toEqual(['env/a', 'env/b', 'env/c', 'env/d']);
	});

	it('ignores markers, comments, code blocks and inline code that only show a <Proof>', () => {
		const source = [
			'{/* PROOF: env/marker */}',
			'{/* <Proof id="env/commented" /> */}',
			'Write `<Proof id="env/inline" />` on the page.',
			'```mdx',
			'<Proof id="env/fenced" />',
			'```',
			'<Proof id="env/real" />',
		].join('\n');
		expect(proofRefs(source)).toEqual(['env/real']);
	});
});

describe('transcriptMessage', () => {
	it('names the file and the command for each problem', () => {
		expect(transcriptMessage('env/x', 'no transcript')).toBe(
			'content/proofs/env/x.json is missing; regenerate it on a cluster with: npm run verify -- env/x',
		);
		expect(transcriptMessage('env/x', 'stale: the example changed since its transcript was recorded')).toBe(
			'content/proofs/env/x.json is stale: the example changed since its transcript was recorded; regenerate it on a cluster with: npm run verify -- env/x',
		);
		expect(transcriptMessage('env/x', 'failed on Kubernetes v1.37.2 (local): step 3')).toBe(
			'content/proofs/env/x.json records a run that failed on Kubernetes v1.37.2 (local): step 3; regenerate it on a cluster with: npm run verify -- env/x',
		);
	});
});

describe('built HTML', () => {
	const html = [
		'<main><section id="other">no</section>',
		'<section class="kp-proof" id="proof-env-x"><h3>T &amp; U</h3>',
		'<section>nested</section>',
		'<button title="Copy" data-code="kubectl get pods\u007fkubectl get svc">',
		'<style>.a{}</style><script>var x = "<b>";</script>',
		'</section><p>after</p></main>',
	].join('');

	it('cuts out the element with an id, nested elements of the same name included', () => {
		const section = elementById(html, 'proof-env-x') ?? '';
		expect(section.startsWith('<section class="kp-proof"')).toBe(true);
		expect(section.endsWith('</section>')).toBe(true);
		expect(section).toContain('nested');
		expect(section).not.toContain('after');
		expect(elementById(html, 'missing')).toBeUndefined();
	});

	it('reads the text and the copy texts', () => {
		const section = elementById(html, 'proof-env-x') ?? '';
		expect(textOf(section)).toBe('T & Unested');
		expect(copyTexts(section)).toEqual(['kubectl get pods\nkubectl get svc']);
	});

	it('fills {{placeholders}} like i18next', () => {
		expect(fill('proven on Kubernetes {{version}} · {{ date }} · {{provider}}', { version: 'v1', date: 'd', provider: 'p' })).toBe(
			'proven on Kubernetes v1 · d · p',
		);
		expect(fill('{{unknown}}', {})).toBe('{{unknown}}');
	});
});

describe('listTranscriptIds', () => {
	it('lists content/proofs/<id>.json as ids', () => {
		const dir = mkdtempSync(join(tmpdir(), 'kp-proofs-'));
		mkdirSync(join(dir, 'env'));
		writeFileSync(join(dir, 'env', 'b.json'), '{}');
		writeFileSync(join(dir, 'env', 'a.json'), '{}');
		writeFileSync(join(dir, 'env', 'notes.txt'), '');
		expect(listTranscriptIds(dir)).toEqual(['env/a', 'env/b']);
		expect(listTranscriptIds(join(dir, 'none'))).toEqual([]);
	});
});
