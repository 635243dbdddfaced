import { describe, expect, it } from 'vitest';
import type { Element, ElementContent } from 'hast';
import { tableLabels } from '../../src/markdown/rehype-site.ts';
import { dedupeEcAssets } from '../../src/integrations/dedupe-ec-assets.ts';
import { pageUrl, withBase } from '../../src/navigation.ts';
import { proofPageUrl } from '../../src/proofs/view.ts';

const el = (tagName: string, children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties: {}, children });
const text = (value: string): ElementContent => ({ type: 'text', value });
const row = (tag: 'th' | 'td', cells: string[]) => el('tr', cells.map((c) => el(tag, [text(c)])));
const table = (head: string[], body: string[][]) => el('table', [el('thead', [row('th', head)]), el('tbody', body.map((cells) => row('td', cells)))]);

describe('tableLabels', () => {
	it('labels every body cell with its column heading, and makes a table of four columns or more cards', () => {
		const { cells, cards } = tableLabels(table(['Source', 'Edited', 'Restart', 'Rollout'], [['env', 'no', 'same', 'new']]));
		expect(cells.map(({ cell, label }) => `${label}=${(cell.children[0] as { value: string }).value}`)).toEqual([
			'Source=env',
			'Edited=no',
			'Restart=same',
			'Rollout=new',
		]);
		expect(cards).toBe(true);
	});
	it('leaves a narrow table a table', () => {
		expect(tableLabels(table(['a', 'b', 'c'], [['1', '2', '3']])).cards).toBe(false);
	});
	it('takes a heading\'s text through its markup', () => {
		const head = el('table', [el('thead', [el('tr', [el('th', [el('code', [text('env')]), text(' source')])])]), el('tbody', [row('td', ['x'])])]);
		expect(tableLabels(head).cells[0]?.label).toBe('env source');
	});
});

describe('base path', () => {
	it('prefixes root-relative paths, once', () => {
		expect(withBase('/en/x/', '/kubernetes-proven/')).toBe('/kubernetes-proven/en/x/');
		expect(withBase('/kubernetes-proven/en/x/', '/kubernetes-proven/')).toBe('/kubernetes-proven/en/x/');
		expect(withBase('/en/x/', '/')).toBe('/en/x/');
	});
	it('leaves other links alone', () => {
		for (const href of ['https://kubernetes.io/', '//cdn/x', '#proof-x', 'x/', 'mailto:a@b']) expect(withBase(href, '/kp/')).toBe(href);
	});
	it('is used by the page and proof URLs', () => {
		expect(pageUrl('en', 'storage', '/kp/')).toBe('/kp/en/storage/');
		expect(pageUrl('zh-cn', 'index', '/kp')).toBe('/kp/zh-cn/');
		expect(proofPageUrl('zh-cn', 'env/x', '/kp/')).toBe('/kp/zh-cn/proofs/env/x/');
		expect(proofPageUrl('en', 'env/x')).toBe('/en/proofs/env/x/');
	});
});

describe('dedupeEcAssets', () => {
	const css = '<link rel="stylesheet" href="/_astro/ec.abc12.css">';
	const js = '<script type="module" src="/_astro/ec.0vx5m.js"></script>';
	it('keeps the first link of Expressive Code\'s stylesheet and script and drops the repeats', () => {
		expect(dedupeEcAssets(`<div>${css}${js}</div><p>x</p><div>${css}${js}</div>`)).toBe(`<div>${css}${js}</div><p>x</p><div></div>`);
	});
	it('leaves other stylesheets and a page that links them once alone', () => {
		const page = `<link rel="stylesheet" href="/_astro/a.css"><link rel="stylesheet" href="/_astro/a.css">${css}${js}`;
		expect(dedupeEcAssets(page)).toBe(page);
	});
});
