/**
 * The addresses every built page gives for itself and its translations (canonical link, hreflang alternates,
 * og:url, the language picker's options) must each name a page of the build. Search engines and readers
 * follow them, and one that names a missing page leads to the 404 page. The internal link check does not
 * cover them: the head's are absolute URLs on the configured site (SITE_URL), and option values are no links.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localeKeys, locales } from '../../src/navigation.ts';
import { distDir } from '../support/astro-build.ts';
import { listHtmlFiles, requireBuiltSite, urlPathOf } from '../support/built-site.ts';
import { resolveUrlPath } from '../support/dist-paths.ts';
import { extractPageAddresses, type Ref } from '../support/html-refs.ts';

interface Checked extends Ref {
	page: string;
	problem?: string;
}

const notFoundFile = join(distDir, '404.html');

/**
 * Only the path is checked: the host is whatever SITE_URL said at build time. The 404 page is served for
 * every missing address, so an address that resolves to it names no page either.
 */
function problemOf(value: string, page: string): string | undefined {
	const url = new URL(value, `http://site.invalid${page}`);
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not a web address';
	const file = resolveUrlPath(distDir, url.pathname);
	if (!file) return `no page in dist/ for ${url.pathname}`;
	if (file === notFoundFile) return `${url.pathname} is the 404 page`;
	return undefined;
}

function checkSite(): Checked[] {
	return listHtmlFiles().flatMap((file) => {
		const page = urlPathOf(file);
		const addresses = extractPageAddresses(readFileSync(file, 'utf8'));
		return addresses.map((ref) => ({ page, ...ref, problem: problemOf(ref.value, page) }));
	});
}

describe('canonical, alternate, og:url and language-picker addresses in dist/', () => {
	let checked: Checked[] = [];

	beforeAll(() => {
		requireBuiltSite();
		checked = checkSite();
	});

	it('every one names a page that exists in the build', () => {
		const broken = checked
			.filter((entry) => entry.problem)
			.map((entry) => `${entry.page}: ${entry.source}="${entry.value}": ${entry.problem}`);
		expect(broken).toEqual([]);
	});

	it('the 404 page gives no address of its own: it is served at every missing one', () => {
		const given = checked.filter((entry) => entry.page === '/404.html');
		expect(given.map((entry) => `${entry.source}="${entry.value}"`)).toEqual([]);
	});

	it.each(localeKeys)('the check covered the %s pages: a canonical, og:url, alternates and a picker on each', (locale) => {
		const pages = listHtmlFiles().map((file) => urlPathOf(file)).filter((page) => page.startsWith(`/${locale}/`));
		expect(pages.length).toBeGreaterThan(0);
		const once = [
			'link[rel=canonical]',
			'meta[property=og:url]',
			...Object.values(locales).map(({ lang }) => `link[rel=alternate][hreflang=${lang}]`),
			'link[rel=alternate][hreflang=x-default]',
		].sort();
		for (const page of pages) {
			const sources = checked.filter((entry) => entry.page === page).map((entry) => entry.source);
			expect(sources.filter((source) => !source.startsWith('starlight-lang-select')).sort(), page).toEqual(once);
			// One option per language in the header's picker, and again in the mobile menu's on pages with a sidebar.
			const options = sources.filter((source) => source.startsWith('starlight-lang-select')).length;
			expect([localeKeys.length, 2 * localeKeys.length], page).toContain(options);
		}
	});
});
