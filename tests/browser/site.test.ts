/**
 * The built site in a real browser: Debian's Chromium (/usr/bin/chromium) driven by playwright-core, against
 * dist/ served on 127.0.0.1. Playwright's launch() starts Chromium with a fresh temporary --user-data-dir.
 * Never skipped: without Chromium the suite fails and says how to install it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { flagshipId, localeKeys, locales, pageUrl, type LocaleKey } from '../../src/navigation.ts';
import { distDir, testOutputDir } from '../support/astro-build.ts';
import { requireBuiltSite } from '../support/built-site.ts';
import { docsDir, pageFile, readPage } from '../support/content.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { proofRefs, uiStrings } from '../support/proofs.ts';
import { decisiveSteps, proofAnchor, proofPageUrl, shownRun } from '../../src/proofs/view.ts';
import { exampleHash } from '../../scripts/verify/examples.ts';
import { readTranscript } from '../../scripts/verify/transcript.ts';
import { readFileSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

const searchQueries: Record<LocaleKey, string> = { en: 'env variables temporary', 'zh-cn': '环境变量 临时' };

let server: StaticServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

function source(locale: LocaleKey, id: string) {
	const file = pageFile(join(docsDir, locale), id);
	if (!file) throw new Error(`no page ${locale}/${id}`);
	return readPage(file);
}

/**
 * A new page in a new context. Console errors, uncaught exceptions and failed requests are collected: a test
 * that opens a page checks that there were none.
 */
async function openPage(options: { locale?: string; clipboard?: boolean } = {}) {
	const context = await browser.newContext({ locale: options.locale ?? 'en-US', viewport: { width: 1280, height: 900 } });
	contexts.push(context);
	if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
	page.on('requestfailed', (request) => {
		// ERR_ABORTED: the browser cancelled the request itself, because the page navigated away (a redirect).
		const error = request.failure()?.errorText ?? '';
		if (error !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} ${error}`);
	});
	page.on('response', (response) => {
		if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
	});
	return { page, problems };
}

/** Markdown turns "quotes" into “curly” ones on the page: compare texts with straight ones. */
function plainQuotes(text: string): string {
	return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
}

async function visit(page: Page, path: string): Promise<void> {
	const response = await page.goto(server.origin + path, { waitUntil: 'load' });
	expect(response?.status(), path).toBe(200);
}

beforeAll(async () => {
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`${CHROMIUM} is missing. The browser test needs Debian's Chromium: run \`apt-get update && apt-get install -y chromium\` (as root), then npm test again.`,
		);
	}
	requireBuiltSite();
	mkdirSync(testOutputDir, { recursive: true });
	server = await startStaticServer(distDir);
	browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

afterAll(async () => {
	for (const context of contexts) await context.close().catch(() => undefined);
	await browser?.close();
	await server?.close();
});

describe.each(localeKeys)('home (%s)', (locale) => {
	it('renders the answer and what "proven" means, in its language', async () => {
		const { page, problems } = await openPage();
		await visit(page, pageUrl(locale, 'index'));
		const home = source(locale, 'index');
		expect(await page.getAttribute('html', 'lang')).toBe(locales[locale].lang);
		await expect.poll(() => page.locator('h1').first().innerText()).toBe(String(home.frontmatter.title));
		const headings = [...home.body.matchAll(/^## (.+)$/gm)].map((match) => plainQuotes(match[1]?.trim() ?? ''));
		expect(headings.length).toBeGreaterThanOrEqual(2);
		expect((await page.locator('main h2').allInnerTexts()).map(plainQuotes)).toEqual(headings);
		// The answer paragraph links to the flagship page in the same language.
		expect(await page.locator(`main a[href="${pageUrl(locale, flagshipId)}"]`).count()).toBeGreaterThan(0);
		await page.screenshot({ path: join(testOutputDir, `home-${locale}.png`), fullPage: true });
		expect(problems).toEqual([]);
	});
});

describe('the site root', () => {
	it.each([
		['en-US', 'en'],
		['zh-CN', 'zh-cn'],
	] as const)('sends a browser that prefers %s to the %s home', async (browserLocale, locale) => {
		const { page, problems } = await openPage({ locale: browserLocale });
		await page.goto(`${server.origin}/`);
		await page.waitForURL(`${server.origin}${pageUrl(locale, 'index')}`);
		expect(problems).toEqual([]);
	});
});

describe('language switcher', () => {
	it.each([
		['en', 'zh-cn'],
		['zh-cn', 'en'],
	] as const)('goes from the %s flagship page to the same page in %s', async (from, to) => {
		const { page, problems } = await openPage();
		await visit(page, pageUrl(from, flagshipId));
		const select = page.locator('starlight-lang-select select').filter({ visible: true }).first();
		await select.selectOption({ label: locales[to].label });
		await page.waitForURL(`${server.origin}${pageUrl(to, flagshipId)}`);
		expect(await page.getAttribute('html', 'lang')).toBe(locales[to].lang);
		await expect.poll(() => page.locator('h1').first().innerText()).toBe(String(source(to, flagshipId).frontmatter.title));
		expect(problems).toEqual([]);
	});
});

describe.each(localeKeys)('search (%s)', (locale) => {
	it(`finds the flagship page for "${searchQueries[locale]}"`, async () => {
		const { page, problems } = await openPage();
		await visit(page, pageUrl(locale, 'index'));
		const open = page.locator('button[data-open-modal]');
		await expect.poll(() => open.isEnabled()).toBe(true);
		await open.click();
		const input = page.locator('#starlight__search .pagefind-ui__search-input');
		await input.waitFor({ state: 'visible' });
		await input.fill(searchQueries[locale]);
		const results = page.locator('#starlight__search .pagefind-ui__result-link');
		await results.first().waitFor({ state: 'visible' });
		const resultPaths = () => results.evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
		// Pagefind renders results one by one as their fragments load: wait for the list, not for its first entry.
		await expect.poll(resultPaths, { timeout: 10_000 }).toContain(pageUrl(locale, flagshipId));
		const paths = await resultPaths();
		// Pagefind keeps one index per language: results stay in the language of the page searched from.
		for (const path of paths) expect(path.startsWith(`/${locale}/`), path).toBe(true);
		// Pagefind's own words are the page's language: "[COUNT] results for [SEARCH_TERM]", or its translation.
		const strings = uiStrings(locale);
		const template = strings['pagefind.many_results'] ?? '[COUNT] results for [SEARCH_TERM]';
		const pattern = new RegExp(
			`^${template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\[COUNT\\]', '\\d+').replace('\\[SEARCH_TERM\\]', '.+')}$`,
		);
		await expect.poll(() => page.locator('#starlight__search .pagefind-ui__message').innerText()).toMatch(pattern);
		// Excerpts quote what pages say, not their badges, and no hit is labelled with a proof's "run it yourself".
		const excerpts = await page.locator('#starlight__search .pagefind-ui__result-excerpt').allInnerTexts();
		const badge = (strings['proof.badge.passed'] ?? '').split('{{')[0]?.trim() ?? '';
		expect(excerpts.filter((excerpt) => excerpt.includes(badge)), `excerpts with badge text "${badge}"`).toEqual([]);
		const titles = await page.locator('#starlight__search .pagefind-ui__result-nested .pagefind-ui__result-link').allInnerTexts();
		expect(titles.filter((title) => title.trim() === strings['proof.runIt'])).toEqual([]);
		expect(problems).toEqual([]);
	});
});

describe.each(localeKeys)('code blocks (%s)', (locale) => {
	it('the copy button copies the commands without the `$ ` prompt', async () => {
		const id = 'about/run-the-proofs';
		// The first shell block of the page, as written: its commands are the lines after `$ `.
		const block = /```sh\n([\s\S]*?)\n```/.exec(source(locale, id).body)?.[1] ?? '';
		const commands = block.split('\n').filter((line) => line.startsWith('$ ')).map((line) => line.slice(2));
		expect(commands.length).toBeGreaterThan(0);

		const { page, problems } = await openPage({ clipboard: true });
		await visit(page, pageUrl(locale, id));
		const figure = page.locator('.expressive-code').filter({ hasText: commands[0] ?? '' }).first();
		// The prompt is shown, drawn by CSS in front of each command line…
		const prompt = await figure
			.locator('.ec-line.kp-command .code')
			.first()
			.evaluate((element) => getComputedStyle(element, '::before').content);
		expect(prompt).toBe('"$ "');
		await figure.scrollIntoViewIfNeeded();
		await page.screenshot({ path: join(testOutputDir, `run-the-proofs-${locale}.png`) });
		// …but not copied.
		await figure.hover();
		await figure.locator('.copy button').click();
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(commands.join('\n'));
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).not.toMatch(/^\$ /m);
		expect(problems).toEqual([]);
	});
});

/** Clicks every copy button among `steps` and expects the clipboard to hold each step's command. */
async function expectCopies(page: Page, steps: Locator, commands: string[]): Promise<void> {
	expect(await steps.count()).toBe(commands.length);
	for (const [index, command] of commands.entries()) {
		const figure = steps.nth(index).locator('.expressive-code');
		// Start from an empty clipboard: two steps may have the same command.
		await page.evaluate(() => navigator.clipboard.writeText(''));
		await figure.scrollIntoViewIfNeeded();
		await figure.hover();
		await figure.locator('.copy button').click();
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { message: `step ${index + 1}` }).toBe(command);
	}
}

describe.each(localeKeys)('proofs on the flagship page (%s)', (locale) => {
	const file = pageFile(join(docsDir, locale), flagshipId) ?? '';
	const id = proofRefs(readFileSync(file, 'utf8'))[0];

	it('the card copies its decisive commands, the matrix links to it, and its link opens the whole proof', async () => {
		expect(id, `${file} has no <Proof id="…" />`).toBeDefined();
		const transcript = await readTranscript(id ?? '');
		expect(transcript, `content/proofs/${id}.json is missing; record it with: npm run verify -- ${id}`).toBeDefined();
		const run = transcript ? shownRun(transcript, exampleHash(id ?? '')) : undefined;
		const { page, problems } = await openPage({ clipboard: true });
		await visit(page, pageUrl(locale, flagshipId));
		const card = page.locator(`#${proofAnchor(id ?? '')}`);
		await expect.poll(() => card.locator('.sl-badge').first().isVisible(), { timeout: 10_000 }).toBe(true);
		expect(await card.locator('.sl-badge').first().innerText()).toContain(run?.kubernetes ?? '(no run)');
		// A picture of the card, without the fixed site header drawn across it.
		const header = await page.addStyleTag({ content: 'header.header { visibility: hidden; }' });
		await card.screenshot({ path: join(testOutputDir, `proof-card-${locale}.png`) });
		await header.evaluate((element) => (element as ChildNode).remove());
		await expectCopies(page, card.locator('.kp-step'), run ? decisiveSteps(run).map((i) => run.steps[i]?.command ?? '') : []);

		// A link to the card's anchor (the matrix cell) brings it into view.
		const link = page.locator(`main a[href="#${proofAnchor(id ?? '')}"]`).first();
		if ((await link.count()) > 0) {
			await page.evaluate(() => window.scrollTo(0, 0));
			await link.click();
			await expect.poll(() => card.evaluate((element) => Math.round(element.getBoundingClientRect().top))).toBeLessThan(200);
		}

		// One click to the whole evidence: every step, each copy button copying exactly its command.
		await card.locator(`a[href="${proofPageUrl(locale, id ?? '')}"]`).first().click();
		await page.waitForURL(`${server.origin}${proofPageUrl(locale, id ?? '')}`);
		expect(await page.locator('h1').first().innerText()).toBe(transcript?.title[locale]);
		await expectCopies(page, page.locator('.kp-proof .kp-step'), run?.steps.map((step) => step.command) ?? []);
		expect(problems).toEqual([]);
	});
});

/** One page of each type, in each language: what a reader meets on a phone. */
function pageTypes(locale: LocaleKey): { type: string; path: string }[] {
	const proofId = proofRefs(readFileSync(pageFile(join(docsDir, locale), flagshipId) ?? '', 'utf8'))[0] ?? '';
	return [
		{ type: 'home', path: pageUrl(locale, 'index') },
		{ type: 'flagship', path: pageUrl(locale, flagshipId) },
		{ type: 'area', path: pageUrl(locale, 'rolling-upgrades') },
		{ type: 'proof', path: proofPageUrl(locale, proofId) },
		{ type: 'proof-chart', path: proofPageUrl(locale, 'rolling-upgrades/rolling-update-pod-counts') },
		{ type: 'then-and-now', path: pageUrl(locale, 'then-and-now') },
		{ type: 'about', path: pageUrl(locale, 'about/how-proofs-work') },
	];
}

const PHONE = { width: 390, height: 844 };

describe.each(localeKeys)('on a phone, 390 px wide (%s)', (locale) => {
	it.each(pageTypes(locale).map((p) => [p.type, p] as const))('%s page: nothing wider than the screen, no output cut off', async (type, { path }) => {
		const context = await browser.newContext({ locale: locales[locale].lang, viewport: PHONE, isMobile: true, hasTouch: true });
		contexts.push(context);
		const page = await context.newPage();
		await visit(page, path);
		// The document itself does not scroll sideways; long lines scroll inside their own blocks.
		const wide = await page.evaluate((width) => {
			const offenders: string[] = [];
			if (document.documentElement.scrollWidth > width) offenders.push(`the page is ${document.documentElement.scrollWidth} px wide`);
			for (const element of document.querySelectorAll('main *')) {
				const box = element.getBoundingClientRect();
				if (box.width === 0 || getComputedStyle(element).position === 'fixed') continue;
				if (box.right > width + 1 && !element.closest('pre, .expressive-code, table, .sl-steps li, [hidden], details:not([open])')) {
					offenders.push(`<${element.tagName.toLowerCase()} class="${element.className}"> ends at ${Math.round(box.right)} px`);
				}
			}
			return offenders.slice(0, 20);
		}, PHONE.width);
		expect(wide, `${path}: wider than ${PHONE.width} px`).toEqual([]);
		// Every output shows all its lines: nothing scrolls vertically inside a block, so the last line (the result)
		// is on the page; sideways scrolling is fine (and shows a shadow at the edge that has more).
		const clipped = await page.evaluate(() =>
			[...document.querySelectorAll<HTMLElement>('.kp-step__output, .expressive-code pre')]
				.filter((pre) => pre.scrollHeight > pre.clientHeight + 2)
				.map((pre) => `${pre.className}: ${(pre.textContent ?? '').trim().split('\n').at(-1)}`),
		);
		expect(clipped, `${path}: blocks whose last lines are hidden`).toEqual([]);
		await page.addStyleTag({ content: 'header.header { visibility: hidden; } mobile-starlight-toc { display: none; }' });
		await page.screenshot({ path: join(testOutputDir, `phone-${type}-${locale}.png`), fullPage: type !== 'flagship' && type !== 'area' });
	});

	it('the env matrix reads as cards: every cell whole, under its column heading', async () => {
		const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
		contexts.push(context);
		const page = await context.newPage();
		await visit(page, pageUrl(locale, flagshipId));
		const table = page.locator('main table.kp-table-cards').first();
		await expect.poll(() => table.count()).toBe(1);
		const headings = await table.locator('thead th').allInnerTexts();
		expect(headings.length).toBeGreaterThanOrEqual(5);
		const problems = await table.evaluate((element, width) => {
			const found: string[] = [];
			for (const row of element.querySelectorAll('tbody tr')) {
				const cells = [...row.querySelectorAll('td')];
				cells.forEach((cell, index) => {
					const box = cell.getBoundingClientRect();
					const name = `${cells[0]?.textContent?.trim()} / ${index + 1}`;
					if (box.left < 0 || box.right > width) found.push(`${name}: off the screen (${Math.round(box.left)}–${Math.round(box.right)})`);
					if (cell.scrollWidth > cell.clientWidth + 1) found.push(`${name}: text cut off`);
					if (index > 0 && getComputedStyle(cell, '::before').content.replace(/^"|"$/g, '') !== cell.dataset.label) {
						found.push(`${name}: no column heading shown`);
					}
				});
			}
			return found;
		}, PHONE.width);
		expect(problems).toEqual([]);
		await table.scrollIntoViewIfNeeded();
		await page.addStyleTag({ content: 'header.header { visibility: hidden; } mobile-starlight-toc { display: none; }' });
		await table.screenshot({ path: join(testOutputDir, `phone-matrix-${locale}.png`) });
	});
});
