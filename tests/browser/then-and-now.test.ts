/**
 * The then-and-now page in Chromium: a table on a desktop screen, cards on a phone with nothing wider than the
 * screen, and a proof link that lands on the proof. Screenshots go to test-output/then-and-now-<locale>*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { localeKeys, pageUrl } from '../../src/navigation.ts';
import { distDir, testOutputDir } from '../support/astro-build.ts';
import { requireBuiltSite } from '../support/built-site.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const PAGE = 'then-and-now';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} is missing. The browser test needs Debian's Chromium: run \`apt-get update && apt-get install -y chromium\` (as root).`);
	}
	requireBuiltSite();
	mkdirSync(testOutputDir, { recursive: true });
	server = await startStaticServer(distDir);
	browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

async function open(width: number, height: number) {
	const context = await browser.newContext({ viewport: { width, height }, isMobile: width < 500 });
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
	return { context, page, problems };
}

describe.each(localeKeys)('then and now (%s)', (locale) => {
	const url = pageUrl(locale, PAGE);

	it('is a table on a desktop screen, and a proof link lands on the proof', async () => {
		const { context, page, problems } = await open(1280, 900);
		try {
			expect((await page.goto(server.origin + url))?.status()).toBe(200);
			const rows = page.locator('tr.kp-claim');
			expect(await rows.count()).toBeGreaterThan(0);
			expect(await rows.first().evaluate((row) => getComputedStyle(row).display)).toBe('table-row');
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
			await page.screenshot({ path: join(testOutputDir, `then-and-now-${locale}.png`) });

			const link = page.locator('.kp-evidence--proof a').first();
			if ((await link.count()) > 0) {
				const href = (await link.getAttribute('href')) ?? '';
				await link.click();
				await page.waitForURL(`${server.origin}${href}`);
				const anchor = href.split('#')[1] ?? '';
				const top = await page.locator(`[id="${anchor}"]`).evaluate((element) => element.getBoundingClientRect().top);
				expect(top).toBeGreaterThanOrEqual(0);
				expect(top).toBeLessThan(300);
			}
			expect(problems).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('is a column of cards on a phone, nothing wider than the screen', async () => {
		const { context, page, problems } = await open(375, 800);
		try {
			await page.goto(server.origin + url);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
			const boxes = await page
				.locator('tr.kp-claim')
				.evaluateAll((rows) => rows.map((row) => ({ display: getComputedStyle(row).display, ...row.getBoundingClientRect().toJSON() })));
			expect(boxes.length).toBeGreaterThan(0);
			for (const box of boxes) {
				expect(box.display).toBe('grid');
				expect(box.left).toBeGreaterThanOrEqual(0);
				expect(box.right).toBeLessThanOrEqual(375);
			}
			await page.locator('tr.kp-claim').first().scrollIntoViewIfNeeded();
			await page.screenshot({ path: join(testOutputDir, `then-and-now-${locale}-mobile.png`) });
			expect(problems).toEqual([]);
		} finally {
			await context.close();
		}
	});
});
