/**
 * `npm run bench:site`: builds the site, and beside it a vanilla Starlight site of the same versions made the
 * same way in the same run (same page count and languages, plain Markdown pages with prose, a table and a shell
 * block, a splash home), then prints, per page type, beside the vanilla figures:
 * - build time per page;
 * - each page's HTML (raw and gzipped), the JavaScript it loads up front (script tags and the modules they import
 *   statically) and its stylesheets, in bytes (the Pagefind search bundle, loaded lazily, is left out);
 * - Lighthouse (mobile, its default: emulated phone, simulated slow 4G and CPU; the pages served gzipped, as a
 *   static host serves them: tests/support/static-server.ts) for one page of each type in each
 *   language, or every page with `-- --lighthouse=all`, `-- --lighthouse=none` to skip it: the four category
 *   scores and the total blocking time of the median of `-- --runs=N` runs (3; the machine is shared).
 * and the targets of issue 17 with ✓ or ✗ beside each figure. A measurement, not a test: nothing fails on a
 * number. `-- --pages` lists every page, not only the largest of each type.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { logTail, repoRoot, runAstroBuild, type BuildResult } from '../../tests/support/astro-build.ts';
import { listHtmlFiles, urlPathOf } from '../../tests/support/built-site.ts';
import { resolveUrlPath } from '../../tests/support/dist-paths.ts';
import { extractRefs, toLocalTarget } from '../../tests/support/html-refs.ts';
import { startStaticServer } from '../../tests/support/static-server.ts';
import { areaIds, flagshipId, localeKeys, locales, pageIds } from '../../src/navigation.ts';

export interface PageWeight {
	page: string;
	html: number;
	gzip: number;
	js: number;
	css: number;
}

/** The targets of issue 17, per page (bytes, milliseconds, ratios). */
export const targets = { html: 250 * 1024, gzip: 40 * 1024, overVanilla: 5 * 1024, tbt: 200, score: 100, buildRatio: 1.3 };

/** Static imports in (minified) ES module code: `import"./a.js"`, `from "./b.js"`, `export * from'./c.js'`. */
export function staticImports(code: string): string[] {
	const found = new Set<string>();
	for (const match of code.matchAll(/(?:\bimport|\bfrom)\s*["']([^"']+\.m?js)["']/g)) if (match[1]) found.add(match[1]);
	return [...found];
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

export function measurePage(htmlFile: string, root: string): PageWeight {
	const page = urlPathOf(htmlFile, root);
	const html = readFileSync(htmlFile);
	const js = new Set<string>();
	const css = new Set<string>();
	for (const ref of extractRefs(html.toString('utf8'))) {
		const target = toLocalTarget(ref.value, page);
		const file = target && resolveUrlPath(root, target.path);
		if (!file) continue;
		if (ref.source === 'script[src]') for (const module of moduleClosure(file)) js.add(module);
		else if (ref.source === 'link[href]' && file.endsWith('.css')) css.add(file);
	}
	const sum = (files: Set<string>) => [...files].reduce((total, file) => total + statSync(file).size, 0);
	return { page, html: html.length, gzip: gzipSync(html).length, js: sum(js), css: sum(css) };
}

/**
 * The kind of a page, by its URL: what it is made of decides what it weighs. The vanilla site's pages are
 * `home` (splash) and `docs`.
 */
export function pageType(page: string): string {
	const [locale, ...rest] = page.split('/').filter(Boolean);
	if (!locale || !localeKeys.includes(locale as never)) return page === '/' ? 'root redirect' : page.replace(/^\//, '');
	const path = rest.join('/');
	if (path === '') return 'home';
	if (path === flagshipId) return 'flagship';
	if ((areaIds as readonly string[]).includes(path)) return 'area';
	if (path.startsWith('proofs/')) return 'proof';
	if (path.startsWith('docs-')) return 'docs';
	return path.startsWith('about/') ? 'about' : path;
}

/** Right-aligned numbers, left-aligned first column, a rule under the header. */
export function formatTable(header: string[], rows: string[][]): string {
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((cells) => cells[column]?.length ?? 0)));
	const line = (cells: string[]) =>
		cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
	return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** A vanilla Starlight project with `pages` pages per language: a splash home and plain docs pages. */
export function writeVanillaSite(dir: string, pagesPerLocale: number): void {
	rmSync(dir, { recursive: true, force: true });
	const docs = join(dir, 'src', 'content', 'docs');
	const sidebar = Array.from({ length: Math.min(pagesPerLocale - 1, pageIds().length) }, (_, i) => `docs-${i + 1}`);
	mkdirSync(dir, { recursive: true });
	// The repository's node_modules, linked: the same Astro and Starlight, resolved as the project's own
	// dependencies (from a parent folder, Vite would leave Starlight's `astro:` imports to Node).
	const own = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
	const dependencies = { astro: own.devDependencies.astro, '@astrojs/starlight': own.devDependencies['@astrojs/starlight'] };
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'vanilla-starlight', private: true, type: 'module', dependencies }));
	symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
	writeFileSync(
		join(dir, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
	site: 'https://vanilla.example',
	integrations: [starlight({
		title: 'Vanilla Starlight',
		defaultLocale: 'en',
		locales: ${JSON.stringify(locales)},
		sidebar: [{ label: 'Docs', items: ${JSON.stringify(sidebar)} }],
	})],
});
`,
	);
	mkdirSync(join(dir, 'src'), { recursive: true });
	writeFileSync(
		join(dir, 'src', 'content.config.ts'),
		`import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
	);
	for (const locale of localeKeys) {
		mkdirSync(join(docs, locale), { recursive: true });
		writeFileSync(
			join(docs, locale, 'index.mdx'),
			`---\ntitle: Vanilla Starlight\ndescription: A vanilla Starlight site to measure against.\ntemplate: splash\nhero:\n  tagline: The same versions, nothing added.\n  actions:\n    - text: Read the docs\n      link: /${locale}/docs-1/\n---\n\n## A heading\n\nSome text under it.\n`,
		);
		for (let i = 1; i < pagesPerLocale; i++) {
			writeFileSync(
				join(docs, locale, `docs-${i}.md`),
				`---\ntitle: Page ${i}\ndescription: A plain docs page, number ${i}.\n---\n\n## What it says\n\n${'A paragraph of prose about how something behaves, with a [link](/en/docs-1/) and some `inline code`. '.repeat(4)}\n\n| Column | Another | A third |\n| --- | --- | --- |\n| a | b | c |\n| d | e | f |\n\n## How to see it\n\n\`\`\`sh\n$ kubectl get pods\nNAME   READY   STATUS\nweb    1/1     Running\n\`\`\`\n\n${'Another paragraph that explains the output above in a few sentences. '.repeat(3)}\n`,
			);
		}
	}
}

export interface LighthouseResult {
	performance: number;
	accessibility: number;
	bestPractices: number;
	seo: number;
	tbt: number;
}

/** Debian's Chromium with a DevTools port, for Lighthouse; resolves with the port and a stop function. */
async function startChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
	const profile = mkdtempSync(join(tmpdir(), 'kp-lighthouse-'));
	const args = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'];
	const child = spawn('/usr/bin/chromium', args, { stdio: ['ignore', 'ignore', 'pipe'] });
	const port = await new Promise<number>((resolve, reject) => {
		let err = '';
		child.stderr.on('data', (chunk: Buffer) => {
			err += chunk.toString();
			const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
			if (match) resolve(Number(match[1]));
		});
		child.on('exit', (code) => reject(new Error(`chromium exited with ${code}: ${err.slice(-500)}`)));
	});
	return {
		port,
		// Chromium writes to its profile until it has exited: removing the folder before then fails (ENOTEMPTY).
		stop: async () => {
			const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
			child.kill();
			await exited;
			rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
		},
	};
}

async function runLighthouse(url: string, port: number): Promise<LighthouseResult> {
	const { default: lighthouse } = await import('lighthouse');
	const result = await lighthouse(url, {
		port,
		output: 'json',
		logLevel: 'error',
		onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
	});
	if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
	const { categories, audits } = result.lhr;
	const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
	return {
		performance: score('performance'),
		accessibility: score('accessibility'),
		bestPractices: score('best-practices'),
		seo: score('seo'),
		tbt: Math.round(audits['total-blocking-time']?.numericValue ?? Number.NaN),
	};
}

/** The pages Lighthouse measures: for each page type, its first page in each language (or all of them). */
export function lighthousePages(pages: string[], all: boolean): string[] {
	if (all) return pages;
	const seen = new Set<string>();
	return pages.filter((page) => {
		const key = `${pageType(page)} ${page.split('/')[1]}`;
		// The root only redirects to a language (Lighthouse measures no page there); 404.html is no page to read.
		if (seen.has(key) || !page.endsWith('/') || page === '/') return false;
		seen.add(key);
		return true;
	});
}

/** The run with the median performance score: one Lighthouse run on a busy machine is noise. */
export function medianRun(results: LighthouseResult[]): LighthouseResult {
	const sorted = [...results].sort((a, b) => a.performance - b.performance || b.tbt - a.tbt);
	return sorted[Math.floor((sorted.length - 1) / 2)] as LighthouseResult;
}

async function measureSite(name: string, root: string, build: BuildResult, lighthouse: 'sample' | 'all' | 'none', runs: number) {
	if (!build.ok) throw new Error(`${name}: astro build failed (exit ${build.exitCode}):\n${logTail(build.log)}`);
	const rows = listHtmlFiles(root).map((file) => measurePage(file, root));
	const scores = new Map<string, LighthouseResult>();
	if (lighthouse !== 'none') {
		const server = await startStaticServer(root);
		const chromium = await startChromium();
		try {
			for (const page of lighthousePages(rows.map((row) => row.page), lighthouse === 'all')) {
				process.stdout.write(`  lighthouse ${name} ${page}…`);
				const results: LighthouseResult[] = [];
				for (let run = 0; run < runs; run++) results.push(await runLighthouse(server.origin + page, chromium.port));
				const result = medianRun(results);
				scores.set(page, result);
				process.stdout.write(` ${result.performance}/${result.accessibility}/${result.bestPractices}/${result.seo}, TBT ${result.tbt} ms\n`);
			}
		} finally {
			await chromium.stop();
			await server.close();
		}
	}
	return { name, build, rows, scores };
}

type Measured = Awaited<ReturnType<typeof measureSite>>;

function report(site: Measured, vanilla: Measured, listAll: boolean): string {
	const out: string[] = [];
	const perPage = (m: Measured) => m.build.durationMs / m.rows.length;
	const ratio = perPage(site) / perPage(vanilla);
	out.push(
		`build: ${site.rows.length} pages in ${(site.build.durationMs / 1000).toFixed(1)} s, ${perPage(site).toFixed(0)} ms/page; ` +
			`vanilla Starlight: ${vanilla.rows.length} pages in ${(vanilla.build.durationMs / 1000).toFixed(1)} s, ${perPage(vanilla).toFixed(0)} ms/page; ` +
			`ratio ${ratio.toFixed(2)} ${mark(ratio <= targets.buildRatio)} (target ≤ ${targets.buildRatio})`,
	);
	// What a page of ours is compared with: a splash page with the vanilla home, any other with a vanilla docs page.
	const vanillaOf = (type: string) => {
		const same = vanilla.rows.filter((row) => pageType(row.page) === (type === 'home' || type === '404.html' ? 'home' : 'docs'));
		return { js: Math.max(...same.map((r) => r.js)), css: Math.max(...same.map((r) => r.css)) };
	};
	const types = [
		...new Set(site.rows.map((row) => pageType(row.page))),
		...new Set(vanilla.rows.map((row) => `vanilla ${pageType(row.page)}`)),
	];
	const header = ['page type', 'pages', 'HTML max', 'gzip max', 'JS max', 'CSS max', 'JS/CSS over vanilla', 'Lighthouse perf/a11y/bp/seo (min)', 'TBT max'];
	const rows: string[][] = [];
	for (const type of types) {
		const isVanilla = type.startsWith('vanilla ');
		const m = isVanilla ? vanilla : site;
		const kind = type.replace(/^vanilla /, '');
		const pages = m.rows.filter((row) => pageType(row.page) === kind);
		if (pages.length === 0) continue;
		const max = (key: keyof Omit<PageWeight, 'page'>) => Math.max(...pages.map((row) => row[key]));
		const base = vanillaOf(kind);
		const over = Math.max(max('js') - base.js, max('css') - base.css);
		const lh = pages.map((row) => m.scores.get(row.page)).filter((x): x is LighthouseResult => x !== undefined);
		const min = (key: keyof LighthouseResult) => Math.min(...lh.map((r) => r[key]));
		const scores = lh.length ? [min('performance'), min('accessibility'), min('bestPractices'), min('seo')] : [];
		const tbt = lh.length ? Math.max(...lh.map((r) => r.tbt)) : undefined;
		rows.push([
			type,
			String(pages.length),
			`${kb(max('html'))} ${mark(max('html') <= targets.html)}`,
			`${kb(max('gzip'))} ${mark(max('gzip') <= targets.gzip)}`,
			kb(max('js')),
			kb(max('css')),
			isVanilla ? '' : `${over > 0 ? '+' : ''}${kb(over)} ${mark(over <= targets.overVanilla)}`,
			scores.length ? `${scores.join('/')} ${mark(scores.every((s) => s >= targets.score))} (${lh.length} measured)` : '—',
			tbt === undefined ? '—' : `${tbt} ms ${mark(tbt < targets.tbt)}`,
		]);
	}
	out.push('', formatTable(header, rows));
	const listed = listAll ? site.rows : [...site.rows].sort((a, b) => b.html - a.html).slice(0, 8);
	out.push('', listAll ? 'every page:' : 'largest pages:');
	out.push(
		formatTable(
			['page', 'HTML', 'gzip', 'JS', 'CSS', 'Lighthouse', 'TBT'],
			listed.map((row) => {
				const lh = site.scores.get(row.page);
				return [row.page, kb(row.html), kb(row.gzip), kb(row.js), kb(row.css), lh ? `${lh.performance}/${lh.accessibility}/${lh.bestPractices}/${lh.seo}` : '', lh ? `${lh.tbt} ms` : ''];
			}),
		),
	);
	return out.join('\n');
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const lighthouse = (args.find((a) => a.startsWith('--lighthouse='))?.split('=')[1] ?? 'sample') as 'sample' | 'all' | 'none';
	const runs = Number(args.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 3);
	console.log('Building the site (astro build)…');
	const siteBuild = await runAstroBuild();
	const siteDist = join(repoRoot, 'dist');
	const pagesPerLocale = listHtmlFiles(siteDist).filter((f) => urlPathOf(f, siteDist).startsWith('/en/')).length;
	// Inside the repository, so it resolves the same node_modules (the same Astro and Starlight).
	const vanillaDir = join(repoRoot, '.cache', 'bench-vanilla');
	writeVanillaSite(vanillaDir, pagesPerLocale);
	console.log(`Building a vanilla Starlight site of ${pagesPerLocale} pages per language (astro build)…`);
	const vanillaBuild = await runAstroBuild(vanillaDir);
	// The build figures first: Lighthouse takes minutes and a failure there would lose them.
	const seconds = (build: BuildResult) => `${(build.durationMs / 1000).toFixed(1)} s`;
	console.log(`  builds: site ${seconds(siteBuild)}, vanilla ${seconds(vanillaBuild)}, total ratio ${(siteBuild.durationMs / vanillaBuild.durationMs).toFixed(2)}`);
	const site = await measureSite('site', siteDist, siteBuild, lighthouse, runs);
	const vanilla = await measureSite('vanilla', join(vanillaDir, 'dist'), vanillaBuild, lighthouse, runs);
	console.log(`\n${report(site, vanilla, args.includes('--pages'))}`);
	console.log(
		`\ntargets: HTML ≤ ${kb(targets.html)}, gzip ≤ ${kb(targets.gzip)}, JS and CSS ≤ vanilla + ${kb(targets.overVanilla)}, Lighthouse mobile ${targets.score} in all four, TBT < ${targets.tbt} ms, build time per page ≤ ${targets.buildRatio}× vanilla`,
	);
}

if (import.meta.main) await main();
