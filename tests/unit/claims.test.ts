import { describe, expect, it } from 'vitest';
import { claimsFileProblem, parseClaims } from '../../src/claims/loader.ts';
import { claimSchema } from '../../src/claims/schema.ts';
import { inlineHtml, proofPage, sourceLabel, verdictCounts, versionList } from '../../src/claims/view.ts';

const claim = {
	id: 'st-emptydir',
	position: 1,
	area: 'storage',
	quote: 'emptyDir 随Pod删除',
	verdict: 'still-true',
	then: { en: 'emptyDir goes with the Pod.', 'zh-cn': 'emptyDir 随 Pod 删除。' },
	now: { en: 'Still true.', 'zh-cn': '依然如此。' },
	proofs: ['storage/emptydir-gone-with-pod'],
};

describe('claimsFileProblem', () => {
	it('accepts a list of claims with ids of their own', () => {
		expect(claimsFileProblem('- id: a\n- id: b\n')).toBeUndefined();
	});
	it('names what the file loader would only log: bad YAML, no list, a missing id, a repeated id', () => {
		expect(claimsFileProblem('- id: [a\n', 'c.yaml')).toMatch(/^c\.yaml is not valid YAML/);
		expect(claimsFileProblem('a: 1\n', 'c.yaml')).toBe('c.yaml must be a non-empty list of claims');
		expect(claimsFileProblem('[]\n', 'c.yaml')).toBe('c.yaml must be a non-empty list of claims');
		expect(claimsFileProblem('- id: a\n- quote: "保证系统"\n', 'c.yaml')).toBe('c.yaml: claim #2 ("保证系统…") has no id');
		expect(claimsFileProblem('- id: a\n- id: b\n- id: a\n', 'c.yaml')).toBe('c.yaml: the claim id "a" is used twice (claim #3)');
	});
});

describe('parseClaims', () => {
	it('numbers the claims in file order', () => {
		expect(parseClaims('- id: a\n- id: b\n')).toEqual([
			{ id: 'a', position: 1 },
			{ id: 'b', position: 2 },
		]);
	});
});

describe('claimSchema', () => {
	it('accepts a claim and defaults the missing list', () => {
		expect(claimSchema.parse(claim)).toEqual({ ...claim, sources: [] });
	});
	it.each([
		['an unknown verdict', { verdict: 'wrong' }, 'verdict'],
		['an unknown area', { area: 'nowhere' }, 'area'],
		['an empty translation', { now: { en: 'x', 'zh-cn': ' ' } }, 'now.zh-cn'],
		['a missing translation', { then: { en: 'x' } }, 'then.zh-cn'],
		['a misspelt key', { soruces: ['https://kubernetes.io/'] }, ''],
		['an http source', { sources: ['http://kubernetes.io/docs/'] }, 'sources.0'],
		['a malformed proof id', { proofs: ['emptydir'] }, 'proofs.0'],
		['no evidence', { proofs: [], sources: [] }, 'proofs'],
		['a proof listed twice', { proofs: ['storage/a', 'storage/a'] }, 'proofs'],
	])('rejects %s', (_, change, path) => {
		const result = claimSchema.safeParse({ ...claim, ...change });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
	});
});

describe('view helpers', () => {
	it('counts the verdicts in their order, zero included', () => {
		expect(verdictCounts([{ verdict: 'changed' }, { verdict: 'still-true' }, { verdict: 'changed' }])).toEqual([
			['still-true', 1],
			['changed', 2],
			['outdated', 0],
			['history', 0],
		]);
	});
	it('escapes a text and turns `code` into <code>', () => {
		expect(inlineHtml('Use `<service>.<ns>.svc` & DNS')).toBe('Use <code>&lt;service&gt;.&lt;ns&gt;.svc</code> &amp; DNS');
	});
	it('finds the page that shows a proof: the one named like its area, else the first', () => {
		const pages = [
			{ page: 'env-variables', ids: ['storage/x', 'env/y'] },
			{ page: 'storage', ids: ['storage/x'] },
		];
		expect(proofPage('storage/x', pages)).toBe('storage');
		expect(proofPage('env/y', pages)).toBe('env-variables');
		expect(proofPage('env/none', pages)).toBeUndefined();
	});
	it('labels a source link briefly', () => {
		expect(sourceLabel('https://kubernetes.io/docs/concepts/extend-kubernetes/compute-storage-net/network-plugins/')).toBe(
			'kubernetes.io › network-plugins',
		);
		expect(sourceLabel('https://kubernetes.io/docs/concepts/services-networking/service/#external-ips')).toBe('kubernetes.io › service#external-ips');
		expect(sourceLabel('https://github.com/kubernetes/kubernetes/issues/97076')).toBe('kubernetes/kubernetes#97076');
		expect(sourceLabel('https://github.com/kubernetes-sigs/metrics-server#readme')).toBe('kubernetes-sigs/metrics-server');
		expect(sourceLabel('https://github.com/kubernetes-retired/heapster/blob/master/docs/deprecation.md')).toBe(
			'kubernetes-retired/heapster › deprecation.md',
		);
		expect(sourceLabel('https://coredns.io/plugins/kubernetes/')).toBe('coredns.io › kubernetes');
	});
	it('lists versions in order, once each', () => {
		expect(versionList(['v1.37.2', 'v1.37.2'], 'en')).toBe('v1.37.2');
		expect(versionList(['v1.37.2', 'v1.9.0'], 'en')).toBe('v1.9.0 and v1.37.2');
		expect(versionList(['v1.37.2', 'v1.36.4'], 'zh-cn')).toBe('v1.36.4 和 v1.37.2');
		expect(versionList(['v1.37.2', 'v1.36.4', 'v1.35.0'], 'zh-cn')).toBe('v1.35.0、v1.36.4 和 v1.37.2');
	});
});
