/**
 * The HTML report of a proof run (scripts/verify/report.ts) in Debian's Chromium, as a reader opens it from
 * disk after running the proofs: on a phone-wide viewport nothing but the <pre> blocks scrolls sideways, the
 * failed proof's expected and actual are on screen, and the page asks for nothing beyond itself. The JUnit
 * report goes through Chromium's strict XML parser. Screenshots: test-output/report-390*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { testOutputDir } from '../support/astro-build.ts';
import { fixtureReport } from '../support/report-fixture.ts';
import { junit, writeReports } from '../../scripts/verify/report.ts';

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

let browser: Browser;
let reportUrl: string;

beforeAll(async () => {
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`${CHROMIUM} is missing. The browser test needs Debian's Chromium: run \`apt-get update && apt-get install -y chromium\` (as root), then npm test again.`,
		);
	}
	mkdirSync(testOutputDir, { recursive: true });
	const [path] = await writeReports({ html: join(testOutputDir, 'report.html') }, fixtureReport);
	reportUrl = pathToFileURL(path!).href;
	browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

afterAll(async () => {
	await browser?.close();
});

/** Opens the report; collects console errors, uncaught exceptions and every request besides the page itself. */
async function openReport(width: number): Promise<{ page: Page; problems: string[] }> {
	const context = await browser.newContext({ viewport: { width, height: 844 }, deviceScaleFactor: 1, isMobile: width < 500 });
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
	page.on('request', (request) => {
		if (request.url() !== reportUrl) problems.push(`requested ${request.url()}`);
	});
	await page.goto(reportUrl, { waitUntil: 'load' });
	return { page, problems };
}

/** How far the page itself scrolls sideways, and which elements (other than inside a <pre>) stick out. */
function overflow(page: Page) {
	return page.evaluate(() => {
		const width = window.innerWidth;
		const outside = [...document.querySelectorAll('body *')]
			.filter((element) => !element.closest('pre') && element.getBoundingClientRect().right > width + 0.5)
			.map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent?.slice(0, 60)}`);
		return { scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: width, outside };
	});
}

describe('the HTML report', () => {
	it('fits a 390 px phone: only <pre> blocks scroll sideways; the failed step shows expected and actual', async () => {
		const { page, problems } = await openReport(390);
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		expect(await page.locator('h1').innerText()).toBe('Proofs run on Kubernetes v1.37.2');

		let o = await overflow(page);
		expect(o.outside).toEqual([]);
		expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);

		const step = page.locator('#proof-workloads-pending-forever-step-2');
		const expected = step.locator('dt:text-is("Expected") + dd');
		const actual = step.locator('dt:text-is("Actual") + dd');
		await expect.poll(() => expected.isVisible()).toBe(true);
		await expect.poll(() => actual.isVisible()).toBe(true);
		expect(await expected.innerText()).toBe('exit status 0 and output "Running" within 5s');
		expect(await actual.innerText()).toBe('exit status 0 and output "Pending"');
		expect(await step.locator('.step-head').innerText()).toContain('Failed');
		expect(await page.locator('#proof-networking-default-deny .reason').innerText()).toBe(
			'Skipped: needs network-policy, which this local cluster lacks',
		);
		// The command with <script> in it is text, not an element.
		expect(await page.locator('script').count()).toBe(0);
		await page.screenshot({ path: join(testOutputDir, 'report-390.png'), fullPage: true });

		// Everything unfolded (passed proofs' steps, diagnostics): still no sideways page scroll, and the wide
		// table scrolls inside its own <pre>.
		await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
		o = await overflow(page);
		expect(o.outside).toEqual([]);
		expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
		const table = page.locator('pre.output', { hasText: 'READINESS GATES' });
		await expect.poll(() => table.isVisible()).toBe(true);
		const box = await table.evaluate((pre) => ({ scroll: pre.scrollWidth, client: pre.clientWidth, overflowX: getComputedStyle(pre).overflowX }));
		expect(box.scroll).toBeGreaterThan(box.client);
		expect(box.overflowX).toBe('auto');
		await page.screenshot({ path: join(testOutputDir, 'report-390-unfolded.png'), fullPage: true });
		expect(problems).toEqual([]);
	});

	it('reads on a desktop too', async () => {
		const { page, problems } = await openReport(1280);
		const o = await overflow(page);
		expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
		await page.screenshot({ path: join(testOutputDir, 'report-1280.png'), fullPage: true });
		expect(problems).toEqual([]);
	});
});

describe('the JUnit report', () => {
	it("is well-formed for Chromium's XML parser, control characters and all", async () => {
		const { page } = await openReport(800);
		const tricky = {
			...fixtureReport,
			entries: fixtureReport.entries.map((e) => ({ ...e, reason: e.reason && `${e.reason} <&"'> \u0001\u001b[1m\u0007` })),
		};
		const result = await page.evaluate((xml) => {
			const doc = new DOMParser().parseFromString(xml, 'application/xml');
			const error = doc.querySelector('parsererror');
			return {
				error: error?.textContent ?? null,
				cases: [...doc.querySelectorAll('testsuite > testcase')].map((c) => c.getAttribute('name')),
				skipped: doc.querySelector('skipped')?.getAttribute('message'),
			};
		}, junit(tricky));
		expect(result.error).toBeNull();
		expect(result.cases).toHaveLength(4);
		expect(result.skipped).toBe('needs network-policy, which this local cluster lacks <&"\'> ^A^G');
	});
});
