/**
 * Content integrity: the pages on disk match the sidebar in src/navigation.ts in every language, their
 * frontmatter is complete, Chinese pages are in Chinese, and the site builds into one HTML page per page
 * and language, with the sidebar in the same order everywhere.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localeKeys, locales, navigation, pageIds, pageUrl } from '../../src/navigation.ts';
import { distDir, logTail } from '../support/astro-build.ts';
import { listHtmlFiles, readBuilt, requireBuiltSite, urlPathOf } from '../support/built-site.ts';
import { docsDir, hasHan, listPageIds, pageFile, readPage } from '../support/content.ts';

const ids = pageIds();

describe('pages on disk', () => {
	it('the sidebar lists each page once', () => {
		expect(new Set(ids).size).toBe(ids.length);
	});

	it.each(localeKeys)('%s has exactly the pages of the sidebar (none missing, none unlisted)', (locale) => {
		expect(listPageIds(join(docsDir, locale))).toEqual([...ids].sort());
	});

	it('every page exists in both languages at the same relative path', () => {
		const [first, ...others] = localeKeys.map((locale) => listPageIds(join(docsDir, locale)));
		for (const other of others) expect(other).toEqual(first);
	});
});

describe.each(localeKeys)('frontmatter (%s)', (locale) => {
	it.each(ids)('%s has a non-empty title and description', (id) => {
		const file = pageFile(join(docsDir, locale), id);
		expect(file, `src/content/docs/${locale}/${id}.mdx`).toBeDefined();
		const { frontmatter } = readPage(file ?? '');
		for (const key of ['title', 'description'] as const) {
			const value = frontmatter[key];
			expect(typeof value, `${locale}/${id}: ${key}`).toBe('string');
			expect(String(value).trim(), `${locale}/${id}: ${key}`).not.toBe('');
		}
	});
});

describe('Chinese pages are written in Chinese', () => {
	it.each(ids)('zh-cn/%s: title, description and body have Chinese text and differ from English', (id) => {
		const zh = readPage(pageFile(join(docsDir, 'zh-cn'), id) ?? '');
		const en = readPage(pageFile(join(docsDir, 'en'), id) ?? '');
		for (const key of ['title', 'description'] as const) {
			expect(hasHan(String(zh.frontmatter[key])), `zh-cn/${id}: ${key} has no Chinese`).toBe(true);
			expect(zh.frontmatter[key], `zh-cn/${id}: ${key} is the English one`).not.toEqual(en.frontmatter[key]);
		}
		// The home page is all hero and components; every other page has prose.
		expect(hasHan(zh.body) || id === 'index', `zh-cn/${id}: body has no Chinese`).toBe(true);
	});
});

describe('the build', () => {
	it('astro build succeeds', () => {
		const build = inject('siteBuild');
		expect(build.ok, `astro build exited with ${build.exitCode}:\n${logTail(build.log)}`).toBe(true);
		expect(build.log).toMatch(/Complete!/);
	});

	it.each(localeKeys)('is a production build with the search index for %s', (locale) => {
		requireBuiltSite();
		// A development-mode build ships a "search only works in production" notice instead of the search box.
		expect(readBuilt(pageUrl(locale, 'index'))).toContain('id="starlight__search"');
		const entry = JSON.parse(readFileSync(join(distDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
			languages: Record<string, { page_count: number }>;
		};
		// Pagefind indexes each language separately: every page of the sidebar and every proof page in it.
		const proofPages = listHtmlFiles().filter((file) => urlPathOf(file).startsWith(`/${locale}/proofs/`)).length;
		expect(proofPages, `no proof pages under /${locale}/proofs/`).toBeGreaterThan(0);
		expect(entry.languages[locale]?.page_count).toBe(ids.length + proofPages);
	});

	it.each(localeKeys)('every page has an HTML file in %s, in its language, with its title', (locale) => {
		requireBuiltSite();
		for (const id of ids) {
			const html = readBuilt(pageUrl(locale, id));
			const { frontmatter } = readPage(pageFile(join(docsDir, locale), id) ?? '');
			expect(html, `${pageUrl(locale, id)}: lang`).toContain(`<html lang="${locales[locale].lang}"`);
			const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
			expect(title, `${pageUrl(locale, id)}: <title>`).toContain(
				String(frontmatter.title).replace(/&/g, '&amp;').replace(/</g, '&lt;'),
			);
		}
	});

	it.each(localeKeys)('the %s sidebar has the same groups and pages in the same order', (locale) => {
		requireBuiltSite();
		const html = readBuilt(pageUrl(locale, 'about/how-proofs-work'));
		const sidebar = /<sl-sidebar-state-persist[\s\S]*?<\/sl-sidebar-state-persist>/.exec(html)?.[0];
		expect(sidebar, 'sidebar markup').toBeDefined();
		const groupLabel = /<span class="[^"]*group-label[^"]*"[^>]*><span[^>]*>([^<]+)<\/span>/g;
		const groups = [...(sidebar ?? '').matchAll(groupLabel)].map((m) => m[1]?.trim());
		expect(groups).toEqual(navigation.map((group) => group.label[locale]));
		const links = [...(sidebar ?? '').matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
		expect(links).toEqual(ids.map((id) => pageUrl(locale, id)));
	});
});
