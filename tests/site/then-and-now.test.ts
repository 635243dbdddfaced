/**
 * The then-and-now audit of the 2015 answer: content/then-and-now/claims.yaml against the answer itself
 * (source.zh.txt), against the proofs it cites, and against the page built from it. No cluster needed.
 *
 * - every claim is well-formed (the collection's schema), its quote is in the answer verbatim, in the answer's
 *   order, and it has evidence: a proof, or an https source;
 * - every proof it cites exists, passed for the example as it is now, and is rendered on a page in every
 *   language (so the table can link to it);
 * - the built page in each language has one row per claim, in order (the claim count stays in step with
 *   claims.yaml), with the verdict, the quote, today's text, each proof linked to where it is rendered and each
 *   source linked, and a summary whose counts are the data's.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localeKeys, pageIds, pageUrl } from '../../src/navigation.ts';
import { claimsFile, claimsFileProblem, parseClaims } from '../../src/claims/loader.ts';
import { claimSchema, verdicts, type Claim } from '../../src/claims/schema.ts';
import { areaPage, inlineHtml, proofPage, verdictCounts, verdictLabels } from '../../src/claims/view.ts';
import { proofAnchor } from '../../src/proofs/view.ts';
import { examplesDir, exampleHash } from '../../scripts/verify/examples.ts';
import { readTranscript, transcriptProblem } from '../../scripts/verify/transcript.ts';
import { repoRoot } from '../support/astro-build.ts';
import { readBuilt, requireBuiltSite } from '../support/built-site.ts';
import { decodeEntities } from '../support/html-refs.ts';
import { elementById, pageProofRefs, textOf, transcriptMessage } from '../support/proofs.ts';

const PAGE = 'then-and-now';
const claimsText = readFileSync(join(repoRoot, claimsFile), 'utf8');
const source = readFileSync(join(repoRoot, 'content', 'then-and-now', 'source.zh.txt'), 'utf8');

const raw = claimsFileProblem(claimsText) ? [] : parseClaims(claimsText);
const parsed = raw.map((entry) => ({ entry, result: claimSchema.safeParse(entry) }));
const claims: Claim[] = parsed.flatMap(({ result }) => (result.success ? [result.data] : []));
const label = (claim: { id: string; position: number }) => `#${claim.position} ${claim.id}`;

const pages = pageProofRefs();
const hasExample = (id: string) => existsSync(join(examplesDir, id, 'proof.ts'));
const proofIds = [...new Set(claims.flatMap((claim) => claim.proofs))].sort();

describe(`the claims (${claimsFile})`, () => {
	it('is a list of claims, each with an id of its own', () => {
		expect(claimsFileProblem(claimsText)).toBeUndefined();
		expect(raw.length).toBeGreaterThan(0);
	});

	it.each(parsed.map(({ entry, result }, index) => [`#${index + 1} ${String(entry.id)}`, result] as const))(
		'%s is well-formed',
		(name, result) => {
			const issues = result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.') || '(entry)'}: ${issue.message}`);
			expect(issues, `${claimsFile}, claim ${name}`).toEqual([]);
		},
	);

	it('claim ids are unique', () => {
		const ids = claims.map((claim) => claim.id);
		expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
	});

	it.each(claims.map((claim) => [label(claim), claim] as const))('%s: its quote is in source.zh.txt verbatim', (_, claim) => {
		expect(
			source.includes(claim.quote),
			`${claimsFile}, claim ${claim.id}: the quote "${claim.quote}" is not in content/then-and-now/source.zh.txt; copy it from there character for character`,
		).toBe(true);
	});

	it('the claims are in the order of the answer, each quoting its own words', () => {
		let previous = -1;
		const quotes = new Set<string>();
		for (const claim of claims) {
			const at = source.indexOf(claim.quote);
			expect(at, `${claim.id} comes before the claim above it in the answer; move it up in ${claimsFile}`).toBeGreaterThanOrEqual(previous);
			previous = at;
			expect(quotes.has(claim.quote), `${claim.id} quotes the same words as another claim`).toBe(false);
			quotes.add(claim.quote);
		}
	});

	it.each(claims.map((claim) => [label(claim), claim] as const))('%s: valid verdict, then and now in every language, evidence', (_, claim) => {
		expect(verdicts).toContain(claim.verdict);
		for (const locale of localeKeys) {
			expect(claim.then[locale].trim(), `${claim.id}: then.${locale}`).not.toBe('');
			expect(claim.now[locale].trim(), `${claim.id}: now.${locale}`).not.toBe('');
		}
		expect(claim.proofs.length + claim.sources.length, `${claim.id}: needs at least one proof or one source`).toBeGreaterThan(0);
		for (const url of claim.sources) expect(url, `${claim.id}: a source link must be https`).toMatch(/^https:\/\/[^\s/]+\.[^\s/]+/);
	});
});

describe('the proofs the claims cite', () => {
	it.each(proofIds)('%s exists and passed for the example as it is now', async (id) => {
		const citing = claims.filter((claim) => claim.proofs.includes(id)).map((claim) => claim.id);
		expect(
			hasExample(id),
			`${claimsFile} cites the proof ${id} (claims ${citing.join(', ')}), but examples/${id}/proof.ts does not exist: cite an existing proof that shows the same behaviour, or an upstream source`,
		).toBe(true);
		const problem = transcriptProblem(await readTranscript(id), exampleHash(id));
		if (problem) expect.fail(transcriptMessage(id, problem));
	});

	it.each(proofIds)('%s is rendered on a page in every language', (id) => {
		for (const locale of localeKeys) {
			const showing = pages.filter((page) => page.locale === locale && page.ids.includes(id));
			expect(
				showing.map((page) => page.file),
				`no page in src/content/docs/${locale}/ renders <Proof id="${id}" />, so the then-and-now table cannot link to it; add it to the page that makes the claim`,
			).not.toEqual([]);
		}
	});
});

describe.each(localeKeys)('the built page (%s)', (locale) => {
	const url = pageUrl(locale, PAGE);
	// In sidebar order, as the component sees them.
	const order = pageIds();
	const localePages = pages.filter((page) => page.locale === locale).sort((a, b) => order.indexOf(a.page) - order.indexOf(b.page));
	const html = () => {
		requireBuiltSite();
		return readBuilt(url);
	};
	const rowsOf = (page: string) =>
		[...page.matchAll(/<tr\b[^>]*\bdata-claim="([^"]*)"[^>]*>[\s\S]*?<\/tr>/g)].map((match) => ({ id: match[1] ?? '', html: match[0] }));

	it('has one row per claim, in the order of claims.yaml (the claim count in step)', () => {
		const rows = rowsOf(html());
		expect(rows.length, `${url} shows ${rows.length} claim rows, ${claimsFile} has ${raw.length} claims`).toBe(raw.length);
		expect(rows.map((row) => row.id)).toEqual(raw.map((entry) => entry.id));
	});

	it.each(claims.map((claim) => [label(claim), claim] as const))('%s: its row shows the claim and links its evidence', (_, claim) => {
		const row = rowsOf(html()).find((r) => r.id === claim.id)?.html;
		expect(row, `${url}: no row for ${claim.id}`).toBeDefined();
		const text = textOf(row ?? '');
		const where = `${url}#claim-${claim.id}`;

		expect(row, `${where}: verdict`).toContain(`data-verdict="${claim.verdict}"`);
		expect(text, `${where}: verdict badge`).toContain(verdictLabels[claim.verdict][locale]);
		const number = /<th\b[^>]*class="kp-claim__number[^"]*"[^>]*>[\s\S]*?<\/th>/.exec(row ?? '')?.[0];
		expect(textOf(number ?? '').trim(), `${where}: number`).toBe(String(claim.position));
		expect(text, `${where}: quote`).toContain(claim.quote);
		if (locale !== 'zh-cn') expect(row, `${where}: the answer's words restated`).toContain(inlineHtml(claim.then[locale]));
		expect(row, `${where}: what is true today`).toContain(inlineHtml(claim.now[locale]));
		const area = areaPage(claim.area);
		if (area) expect(row, `${where}: area link`).toContain(`href="${pageUrl(locale, area)}"`);

		const links = [...(row ?? '').matchAll(/<a\b[^>]*\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({
			href: decodeEntities(m[1] ?? ''),
			text: textOf(m[2] ?? ''),
		}));
		for (const id of claim.proofs) {
			const page = proofPage(id, localePages);
			expect(page, `${where}: ${id} is on no ${locale} page`).toBeDefined();
			const href = `${pageUrl(locale, page ?? '')}#${proofAnchor(id)}`;
			const link = links.find((l) => l.href === href);
			expect(link, `${where}: a link to ${href}`).toBeDefined();
			// The link goes where the proof is: that page has the proof, under the title the link shows.
			const section = elementById(readBuilt(pageUrl(locale, page ?? '')), proofAnchor(id));
			expect(section, `${href}: no element with that id`).toBeDefined();
			expect(textOf(section ?? ''), `${href}: the proof's title`).toContain(link?.text.trim());
		}
		for (const source of claim.sources) {
			expect(links.map((l) => l.href), `${where}: a link to ${source}`).toContain(source);
		}
	});

	it('the summary counts the claims per verdict', () => {
		const summary = /<div class="kp-verdicts[^"]*"[^>]*>[\s\S]*?<\/ul>/.exec(html())?.[0] ?? '';
		expect(summary, `${url}: no verdict summary`).not.toBe('');
		expect(summary).toContain(`data-claims-total="${claims.length}"`);
		const shown = [...summary.matchAll(/data-verdict="([^"]+)" data-count="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
		expect(shown).toEqual(verdictCounts(claims));
		const total = textOf(/<p class="kp-verdicts__total[^"]*"[^>]*>[\s\S]*?<\/p>/.exec(summary)?.[0] ?? '');
		expect(total).toContain(String(claims.length));
	});

	it('its proof links reach proofs on their pages, and nothing is linked that is not shown', () => {
		const page = html();
		const proofLinks = [...page.matchAll(/<li class="kp-evidence kp-evidence--proof[^"]*"[^>]*data-proof="([^"]+)"[^>]*data-status="([^"]+)"/g)];
		expect(proofLinks.length).toBe(claims.reduce((n, claim) => n + claim.proofs.length, 0));
		const notPassed = proofLinks.filter((m) => m[2] !== 'passed').map((m) => `${m[1]} (${m[2]})`);
		expect(notPassed, `${url}: proofs shown without a passing run`).toEqual([]);
		expect(elementById(page, `claim-${claims[0]?.id}`), 'each row is anchored as #claim-<id>').toBeDefined();
	});
});
