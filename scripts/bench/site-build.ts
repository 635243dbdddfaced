/**
 * `npm run bench:site`: builds the site once and prints the build time, the page count, and what each page
 * costs a reader: its HTML, the JavaScript it loads up front (script tags and the modules they import
 * statically) and its stylesheets, in bytes. Lazily loaded code (the Pagefind search bundle) is left out.
 * A measurement, not a test: nothing here passes or fails on a number.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, posix } from 'node:path';
import { distDir, logTail, runAstroBuild } from '../../tests/support/astro-build.ts';
import { listHtmlFiles, urlPathOf } from '../../tests/support/built-site.ts';
import { resolveUrlPath } from '../../tests/support/dist-paths.ts';
import { extractRefs, toLocalTarget } from '../../tests/support/html-refs.ts';

export interface PageWeight {
	page: string;
	html: number;
	js: number;
	css: number;
}

/** Static imports in (minified) ES module code: `import"./a.js"`, `from "./b.js"`, `export * from'./c.js'`. */
export function staticImports(code: string): string[] {
	const found = new Set<string>();
	for (const match of code.matchAll(/(?:\bimport|\bfrom)\s*["']([^"']+\.m?js)["']/g)) if (match[1]) found.add(match[1]);
	return [...found];
}

function fileSize(file: string): number {
	return statSync(file).size;
}

/** The JS files a module loads before it runs: itself and its static imports, transitively. */
export function moduleClosure(entry: string, read: (file: string) => string = (file) => readFileSync(file, 'utf8')): Set<string> {
	const seen = new Set<string>();
	const queue = [entry];
	while (queue.length > 0) {
		const file = queue.pop() ?? '';
		if (seen.has(file) || !existsSync(file)) continue;
		seen.add(file);
		for (const specifier of staticImports(read(file))) {
			if (specifier.startsWith('.')) queue.push(posix.join(dirname(file), specifier));
		}
	}
	return seen;
}

export function measurePage(htmlFile: string, root: string = distDir): PageWeight {
	const page = urlPathOf(htmlFile, root);
	const js = new Set<string>();
	const css = new Set<string>();
	for (const ref of extractRefs(readFileSync(htmlFile, 'utf8'))) {
		const target = toLocalTarget(ref.value, page);
		const file = target && resolveUrlPath(root, target.path);
		if (!file) continue;
		if (ref.source === 'script[src]') for (const module of moduleClosure(file)) js.add(module);
		else if (ref.source === 'link[href]' && file.endsWith('.css')) css.add(file);
	}
	const sum = (files: Set<string>) => [...files].reduce((total, file) => total + fileSize(file), 0);
	return { page, html: fileSize(htmlFile), js: sum(js), css: sum(css) };
}

export function formatTable(rows: PageWeight[]): string {
	const total = rows.reduce((acc, row) => ({ page: 'total', html: acc.html + row.html, js: acc.js + row.js, css: acc.css + row.css }), {
		page: 'total',
		html: 0,
		js: 0,
		css: 0,
	});
	const header = ['page', 'HTML bytes', 'JS bytes', 'CSS bytes'];
	const body = [...rows, total].map((row) => [row.page, ...[row.html, row.js, row.css].map((n) => n.toLocaleString('en-US'))]);
	const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]?.length ?? 0)));
	const line = (cells: string[]) =>
		cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
	const rule = widths.map((width) => '-'.repeat(width)).join('  ');
	return [line(header), rule, ...body.slice(0, -1).map(line), rule, line(body.at(-1) ?? [])].join('\n');
}

async function main(): Promise<void> {
	console.log('Building the site (astro build)…');
	const build = await runAstroBuild();
	if (!build.ok) {
		console.error(`astro build failed (exit ${build.exitCode}):\n${logTail(build.log)}`);
		process.exitCode = 1;
		return;
	}
	const rows = listHtmlFiles().map((file) => measurePage(file));
	console.log(`build time: ${(build.durationMs / 1000).toFixed(1)} s`);
	console.log(`pages: ${rows.length} HTML files in dist/\n`);
	console.log(formatTable(rows));
}

if (import.meta.main) await main();
