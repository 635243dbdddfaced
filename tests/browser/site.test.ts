/**
 * The built site in a real browser: Debian's Chromium (/usr/bin/chromium) driven by playwright-core, against
 * dist/ served on 127.0.0.1. Playwright's launch() starts Chromium with a fresh temporary --user-data-dir.
 * Never skipped: without Chromium the suite fails and says how to install it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { flagshipId, localeKeys, locales, pageUrl, type LocaleKey } from '../../src/navigation.ts';
import { distDir, testOutputDir } from '../support/astro-build.ts';
import { requireBuiltSite } from '../support/built-site.ts';
import { docsDir, pageFile, readPage } from '../support/content.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { proofRefs } from '../support/proofs.ts';
import { proofAnchor } from '../../src/proofs/view.ts';
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

describe.each(localeKeys)('proofs on the flagship page (%s)', (locale) => {
	const file = pageFile(join(docsDir, locale), flagshipId) ?? '';
	const id = proofRefs(readFileSync(file, 'utf8'))[0];

	it('a step\'s copy button copies exactly its command, and the matrix links to the proof', async () => {
		expect(id, `${file} has no <Proof id="…" />`).toBeDefined();
		const transcript = await readTranscript(id ?? '');
		expect(transcript, `content/proofs/${id}.json is missing; record it with: npm run verify -- ${id}`).toBeDefined();
		const run = transcript?.runs.find((r) => r.result === 'passed') ?? transcript?.runs[0];
		const { page, problems } = await openPage({ clipboard: true });
		await visit(page, pageUrl(locale, flagshipId));
		const proof = page.locator(`#${proofAnchor(id ?? '')}`);
		await expect.poll(() => proof.locator('.kp-badge').first().isVisible()).toBe(true);
		expect(await proof.locator('.kp-badge').first().innerText()).toContain(run?.kubernetes ?? '(no run)');
		// A picture of the whole proof, without the fixed site header drawn across it.
		const header = await page.addStyleTag({ content: 'header.header { visibility: hidden; }' });
		await proof.screenshot({ path: join(testOutputDir, `proof-${locale}.png`) });
		await header.evaluate((element) => (element as ChildNode).remove());

		const steps = proof.locator('.kp-step');
		expect(await steps.count()).toBe(run?.steps.length);
		for (const [index, step] of (run?.steps ?? []).entries()) {
			const figure = steps.nth(index).locator('.expressive-code');
			// Start from an empty clipboard: two steps may have the same command.
			await page.evaluate(() => navigator.clipboard.writeText(''));
			await figure.scrollIntoViewIfNeeded();
			await figure.hover();
			await figure.locator('.copy button').click();
			await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { message: `step ${index + 1}` }).toBe(step.command);
		}

		// A link to the proof's anchor (the matrix cell) brings it into view.
		const link = page.locator(`main a[href="#${proofAnchor(id ?? '')}"]`).first();
		if ((await link.count()) > 0) {
			await page.evaluate(() => window.scrollTo(0, 0));
			await link.click();
			await expect.poll(() => proof.evaluate((element) => Math.round(element.getBoundingClientRect().top))).toBeLessThan(200);
		}
		expect(problems).toEqual([]);
	});

	it('reads well on a phone: nothing wider than the screen', async () => {
		const context = await browser.newContext({ locale: 'en-US', viewport: { width: 375, height: 800 }, isMobile: true });
		contexts.push(context);
		const page = await context.newPage();
		await visit(page, pageUrl(locale, flagshipId));
		const proof = page.locator(`#${proofAnchor(id ?? '')}`);
		const box = await proof.boundingBox();
		expect(box?.x).toBeGreaterThanOrEqual(0);
		expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
		// The document itself does not scroll sideways; long lines scroll inside their own blocks.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
		await page.addStyleTag({ content: 'header.header { visibility: hidden; }' });
		await proof.screenshot({ path: join(testOutputDir, `proof-${locale}-mobile.png`) });
	});
});
