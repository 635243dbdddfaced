/**
 * Internal link check over the built site: every link, stylesheet, script, image and redirect target in every
 * HTML page of dist/ that points into the site must resolve to a built file, and every #fragment must name an
 * element on the target page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { localeKeys } from '../../src/navigation.ts';
import { distDir } from '../support/astro-build.ts';
import { listHtmlFiles, requireBuiltSite, urlPathOf } from '../support/built-site.ts';
import { resolveUrlPath } from '../support/dist-paths.ts';
import { extractAnchors, extractRefs, toLocalTarget } from '../support/html-refs.ts';

interface Checked {
	page: string;
	source: string;
	value: string;
	problem?: string;
}

/** The fragments a browser honours without an element of that id: the top of the page. */
const TOP_FRAGMENTS = new Set(['top', '_top']);

function checkSite(): Checked[] {
	const anchorCache = new Map<string, Set<string>>();
	const anchorsOf = (file: string) => {
		let anchors = anchorCache.get(file);
		if (!anchors) {
			anchors = extractAnchors(readFileSync(file, 'utf8'));
			anchorCache.set(file, anchors);
		}
		return anchors;
	};
	const checked: Checked[] = [];
	for (const file of listHtmlFiles()) {
		const page = urlPathOf(file);
		for (const ref of extractRefs(readFileSync(file, 'utf8'))) {
			const target = toLocalTarget(ref.value, page);
			if (!target) continue;
			const entry: Checked = { page, source: ref.source, value: ref.value };
			const targetFile = resolveUrlPath(distDir, target.path);
			if (!targetFile) entry.problem = `no file in dist/ for ${target.path}`;
			else if (
				target.fragment !== undefined &&
				targetFile.endsWith('.html') &&
				!TOP_FRAGMENTS.has(target.fragment.toLowerCase()) &&
				!anchorsOf(targetFile).has(target.fragment)
			) {
				entry.problem = `no element with id "${target.fragment}" on ${target.path}`;
			}
			checked.push(entry);
		}
	}
	return checked;
}

describe('internal links in dist/', () => {
	let checked: Checked[] = [];

	beforeAll(() => {
		requireBuiltSite();
		checked = checkSite();
	});

	it('0 broken links, stylesheets, scripts or images', () => {
		const broken = checked
			.filter((entry) => entry.problem)
			.map((entry) => `${entry.page}: ${entry.source}="${entry.value}": ${entry.problem}`);
		expect(broken).toEqual([]);
	});

	it.each(localeKeys)('the check covered the %s pages: every page links into the site', (locale) => {
		const pages = listHtmlFiles().map((file) => urlPathOf(file)).filter((page) => page.startsWith(`/${locale}/`));
		expect(pages.length).toBeGreaterThan(0);
		for (const page of pages) {
			const links = checked.filter((entry) => entry.page === page && entry.source === 'a[href]');
			// Header, sidebar and footer links alone are well over ten on every page.
			expect(links.length, page).toBeGreaterThan(10);
		}
	});

	it('the check covered stylesheets and scripts too', () => {
		expect(checked.some((entry) => entry.source === 'link[href]' && entry.value.endsWith('.css'))).toBe(true);
		expect(checked.some((entry) => entry.source === 'script[src]')).toBe(true);
	});
});
