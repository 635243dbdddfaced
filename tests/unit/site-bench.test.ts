import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTable, lighthousePages, medianRun, measurePage, moduleClosure, pageType, staticImports, writeVanillaSite } from '../../scripts/bench/site-build.ts';

describe('staticImports', () => {
	it('finds static imports and re-exports in minified code, not dynamic imports', () => {
		const code = `import{a as b}from"./chunk.A1.js";import"./side.js";export*from'./re.mjs';const p=import("./lazy.js");`;
		expect(staticImports(code)).toEqual(['./chunk.A1.js', './side.js', './re.mjs']);
	});
});

describe('moduleClosure and measurePage', () => {
	const page = '<link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/page.js"></script>';
	let root: string;
	beforeAll(() => {
		root = mkdtempSync(join(tmpdir(), 'kp-bench-'));
		mkdirSync(join(root, '_astro'));
		mkdirSync(join(root, 'en'));
		writeFileSync(join(root, '_astro', 'page.js'), 'import"./a.js";import("./lazy.js")'); // 34 bytes
		writeFileSync(join(root, '_astro', 'a.js'), 'import"./b.js";import"./page.js"'); // 32 bytes, a cycle
		writeFileSync(join(root, '_astro', 'b.js'), 'x'); // 1 byte
		writeFileSync(join(root, '_astro', 'lazy.js'), 'never counted');
		writeFileSync(join(root, '_astro', 'site.css'), 'p{}'); // 3 bytes
		writeFileSync(join(root, 'en', 'index.html'), page);
	});
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	it('follows static imports transitively, once each, and stops at cycles', () => {
		expect([...moduleClosure(join(root, '_astro', 'page.js'))].sort()).toEqual(
			['a.js', 'b.js', 'page.js'].map((name) => join(root, '_astro', name)),
		);
	});

	it('sums a page HTML, up-front JS and CSS', () => {
		const html = join(root, 'en', 'index.html');
		expect(measurePage(html, root)).toEqual({ page: '/en/', html: Buffer.byteLength(page), gzip: expect.any(Number), js: 34 + 32 + 1, css: 3 });
	});
});

describe('formatTable', () => {
	it('aligns columns: the first to the left, the others to the right', () => {
		expect(formatTable(['page', 'HTML', 'JS'], [['/en/', '1.2 KB', '30'], ['/zh-cn/', '5', '0']])).toBe(
			['page       HTML  JS', '-------  ------  --', '/en/     1.2 KB  30', '/zh-cn/       5   0'].join('\n'),
		);
	});
});

describe('pageType', () => {
	it.each([
		['/en/', 'home'],
		['/zh-cn/env-variables/', 'flagship'],
		['/en/storage/', 'area'],
		['/zh-cn/proofs/env/x/', 'proof'],
		['/en/about/how-proofs-work/', 'about'],
		['/en/then-and-now/', 'then-and-now'],
		['/en/docs-12/', 'docs'],
		['/404.html', '404.html'],
		['/', 'root redirect'],
	])('%s is a %s page', (page, type) => {
		expect(pageType(page)).toBe(type);
	});
});

describe('lighthousePages', () => {
	it('takes the first page of each type in each language, not the root redirect or 404.html', () => {
		const pages = ['/', '/en/', '/en/storage/', '/en/networking/', '/en/proofs/a/b/', '/en/proofs/c/d/', '/zh-cn/storage/', '/404.html'];
		expect(lighthousePages(pages, false)).toEqual(['/en/', '/en/storage/', '/en/proofs/a/b/', '/zh-cn/storage/']);
		expect(lighthousePages(pages, true)).toEqual(pages);
	});
});

describe('writeVanillaSite', () => {
	it('writes a Starlight project with a splash home and docs pages in every language', () => {
		const dir = mkdtempSync(join(tmpdir(), 'kp-vanilla-'));
		try {
			writeVanillaSite(dir, 3);
			expect(readFileSync(join(dir, 'astro.config.mjs'), 'utf8')).toContain("'@astrojs/starlight'");
			for (const locale of ['en', 'zh-cn']) {
				expect(readFileSync(join(dir, 'src', 'content', 'docs', locale, 'index.mdx'), 'utf8')).toContain('template: splash');
				expect(readFileSync(join(dir, 'src', 'content', 'docs', locale, 'docs-2.md'), 'utf8')).toContain('```sh');
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('medianRun', () => {
	it('takes the run with the median performance score', () => {
		const run = (performance: number, tbt: number) => ({ performance, accessibility: 100, bestPractices: 100, seo: 100, tbt });
		expect(medianRun([run(70, 900), run(99, 10), run(95, 50)])).toEqual(run(95, 50));
		expect(medianRun([run(90, 100)])).toEqual(run(90, 100));
	});
});
