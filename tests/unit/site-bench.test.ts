import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTable, measurePage, moduleClosure, staticImports } from '../../scripts/bench/site-build.ts';

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
		expect(measurePage(html, root)).toEqual({ page: '/en/', html: Buffer.byteLength(page), js: 34 + 32 + 1, css: 3 });
	});
});

describe('formatTable', () => {
	it('aligns columns and adds a total row', () => {
		expect(
			formatTable([
				{ page: '/en/', html: 1200, js: 30, css: 4 },
				{ page: '/zh-cn/', html: 5, js: 0, css: 4 },
			]),
		).toBe(
			[
				'page     HTML bytes  JS bytes  CSS bytes',
				'-------  ----------  --------  ---------',
				'/en/          1,200        30          4',
				'/zh-cn/           5         0          4',
				'-------  ----------  --------  ---------',
				'total         1,205        30          8',
			].join('\n'),
		);
	});
});
