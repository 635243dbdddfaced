/**
 * Proof integrity: every `<Proof id>` on a page has an example, every example is on a page (the same ids in
 * both languages), every such proof has a transcript that passed for the example as it is now; the claim card
 * on the page shows the claim, a badge per run, the decisive step(s) with their output, and links to the
 * proof's own page; and that page shows the whole transcript: badges, manifests, every command (as its copy
 * text) with its output, note, wait and check, and how to run it.
 * Each failure names the file to fix and the command that regenerates it. No cluster needed: transcripts are
 * committed.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localeKeys, locales, pageUrl, type LocaleKey } from '../../src/navigation.ts';
import {
	badgeValues,
	decisiveSteps,
	exampleFileUrl,
	proofAnchor,
	proofPageUrl,
	rerunCommand,
	runStatus,
	shownRun,
	waitValues,
} from '../../src/proofs/view.ts';
import type { TranscriptStep } from '../../scripts/verify/transcript.ts';
import { proofStringKeys } from '../../src/proofs/strings.ts';
import { thenAndNowStringKeys } from '../../src/claims/strings.ts';
import { examplesDir, exampleHash, listExampleIds, manifestFiles } from '../../scripts/verify/examples.ts';
import { readTranscript, transcriptProblem } from '../../scripts/verify/transcript.ts';
import { distDir, repoRoot } from '../support/astro-build.ts';
import { readBuilt, requireBuiltSite } from '../support/built-site.ts';
import { copyTexts, elementById, fill, listTranscriptIds, pageProofRefs, textOf, transcriptMessage, uiStrings } from '../support/proofs.ts';
import { decodeEntities } from '../support/html-refs.ts';

const pages = pageProofRefs();
const references = pages.flatMap((page) => page.ids.map((id) => ({ ...page, id })));
const referencedIds = [...new Set(references.map((ref) => ref.id))].sort();
const exampleIds = listExampleIds();
const hasExample = (id: string) => existsSync(join(examplesDir, id, 'proof.ts'));

describe('proof references', () => {
	it('there is at least one proof on a page', () => {
		expect(references.length, 'no page has a <Proof id="…" /> yet').toBeGreaterThan(0);
	});

	it.each(references.map((ref) => [`${ref.file} → ${ref.id}`, ref] as const))('%s has an example', (_, ref) => {
		expect(
			hasExample(ref.id),
			`${ref.file} references <Proof id="${ref.id}" />, but examples/${ref.id}/proof.ts does not exist: fix the id in ${ref.file}, or add the example and record it with: npm run verify -- ${ref.id}`,
		).toBe(true);
	});

	it.each(exampleIds)('example %s is shown on a page', (id) => {
		expect(
			referencedIds.includes(id),
			`examples/${id}/ is referenced by no page: add <Proof id="${id}" /> (import Proof from '~/components/Proof.astro') to the page that makes the claim, in src/content/docs/en/ and src/content/docs/zh-cn/`,
		).toBe(true);
	});

	const byPage = new Map<string, Partial<Record<LocaleKey, string[]>>>();
	for (const page of pages) byPage.set(page.page, { ...byPage.get(page.page), [page.locale]: page.ids });
	const pagesWithProofs = [...byPage].filter(([, ids]) => Object.values(ids).some((list) => list.length > 0));

	it.each(pagesWithProofs)('%s shows the same proofs in every language', (page, ids) => {
		const [first, ...others] = localeKeys;
		const sorted = (locale: LocaleKey) => [...(ids[locale] ?? [])].sort();
		for (const other of others) {
			expect(
				sorted(other),
				`src/content/docs/${other}/${page}.mdx and src/content/docs/${first}/${page}.mdx must reference the same <Proof id> (the same proofs back both languages)`,
			).toEqual(sorted(first ?? 'en'));
		}
	});
});

describe('transcripts', () => {
	const ids = [...new Set([...exampleIds, ...referencedIds.filter(hasExample)])].sort();

	it.each(ids)('%s has a transcript that passed for the example as it is now', async (id) => {
		const transcript = await readTranscript(id);
		const problem = transcriptProblem(transcript, exampleHash(id));
		if (problem) expect.fail(transcriptMessage(id, problem));
	});

	it.each(listTranscriptIds())('content/proofs/%s.json belongs to an example', (id) => {
		expect(
			hasExample(id),
			`content/proofs/${id}.json has no example (examples/${id}/proof.ts): delete it, or restore the example and run: npm run verify -- ${id}`,
		).toBe(true);
	});

	it.each(ids)('%s: the transcript is for this proof', async (id) => {
		const transcript = await readTranscript(id);
		if (!transcript) return; // reported above
		expect(transcript.id, `content/proofs/${id}.json says its id is "${transcript.id}"; regenerate it with: npm run verify -- ${id}`).toBe(id);
	});
});

describe('UI strings', () => {
	it.each(localeKeys)('%s has every proof.* and thenAndNow.* string', (locale) => {
		const strings = uiStrings(locale);
		const missing = [...proofStringKeys, ...thenAndNowStringKeys].filter((key) => !strings[key]?.trim());
		expect(missing, `src/content/i18n/*.json for ${locale}: add ${missing.join(', ')}`).toEqual([]);
	});
	it('the Chinese search box speaks Chinese: every pagefind.* string', () => {
		const strings = uiStrings('zh-cn');
		const keys = ['clear_search', 'load_more', 'search_label', 'filters_label', 'zero_results', 'many_results', 'one_result', 'alt_search', 'search_suggestion', 'searching'];
		const missing = keys.map((key) => `pagefind.${key}`).filter((key) => !strings[key]?.trim());
		expect(missing, 'src/content/i18n/zh-CN.json: add them').toEqual([]);
	});
});

/** The step items of some HTML: `<li class="kp-step" data-step="N" …>…</li>` (a step holds no list of its own). */
function stepItems(html: string): { number: number; html: string }[] {
	return [...html.matchAll(/<li class="kp-step\b[^"]*"[^>]*\sdata-step="(\d+)"[\s\S]*?<\/li>/g)].map((m) => ({ number: Number(m[1]), html: m[0] }));
}

/** Checks that a step's item shows the recorded step: copy text, command, output, note, wait line, check. */
function expectStep(shown: string, step: TranscriptStep, label: string, locale: LocaleKey, strings: Record<string, string>): void {
	// The copy button copies exactly the command; the command is also on the page as text.
	expect(copyTexts(shown)[0], `${label}: copy text`).toBe(step.command);
	expect(textOf(shown), `${label}: command text`).toContain(step.command.split('\n')[0]);
	const output = /<pre class="kp-step__output[^"]*"[^>]*><samp[^>]*>([\s\S]*?)<\/samp><\/pre>/.exec(shown)?.[1];
	if (step.output === '') {
		expect(output, `${label}: an empty output shows no output block`).toBeUndefined();
		expect(textOf(shown), `${label}: says there was no output`).toContain(strings['proof.noOutput']);
	} else {
		expect(decodeEntities(output ?? ''), `${label}: output`).toBe(step.output);
	}
	if (step.note) expect(textOf(shown), `${label}: note`).toContain(step.note[locale]);
	if (step.polled) {
		const key = step.polled.attempts === 1 ? 'proof.waited_one' : 'proof.waited_other';
		expect(textOf(shown), `${label}: wait line`).toContain(fill(strings[key] ?? '', waitValues(step.polled, locales[locale].lang)));
	}
	if (step.checked) {
		expect(textOf(shown), `${label}: what it checked`).toContain(strings['proof.checked']);
		const says = step.checked.output && 'says' in step.checked.output ? step.checked.output.says[locale] : undefined;
		if (says) expect(textOf(shown), `${label}: the stated check`).toContain(says);
	}
}

/** Translated strings are escaped once, and a page in another language shows no English UI text. */
function expectLanguage(
	section: string,
	where: string,
	locale: LocaleKey,
	english: Record<string, string>,
	strings: Record<string, string>,
	data: string[] = [],
): void {
	// `data`: recorded texts shown as they are (a failed run's message from the runner, in English).
	const prose = data.reduce((text, quoted) => text.split(quoted).join(''), textOf(section.replace(/<(pre|code|figure|svg)\b[\s\S]*?<\/\1>/g, '')));
	expect(prose, `${where}: text escaped twice`).not.toMatch(/&(?:quot|amp|lt|gt|#39);/);
	if (locale === 'en') return;
	// An English fragment of a UI string (words between the {{values}}) in the page's text. A single short word
	// ("ready") can as well come from a note quoting kubectl, and a term the translation keeps ("kubectl") is
	// not English UI text: only phrases and long words that the translation does not have count.
	const offenders: string[] = [];
	for (const key of proofStringKeys) {
		for (const raw of (english[key] ?? '').split(/\{\{\s*\w+\s*\}\}/)) {
			const fragment = raw.trim();
			if (!/[A-Za-z]{4,}/.test(fragment) || !(fragment.includes(' ') || fragment.length >= 8)) continue;
			if ((strings[key] ?? '').includes(fragment)) continue;
			const word = new RegExp(`(?<![A-Za-z])${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`);
			if (word.test(prose)) offenders.push(`"${fragment}" (${key})`);
		}
	}
	expect(offenders, `${where}: English UI text in a ${locale} page; add the keys to src/content/i18n/`).toEqual([]);
}

describe.each(localeKeys)('claim cards (%s)', (locale) => {
	const refs = references.filter((ref) => ref.locale === locale && hasExample(ref.id));
	const strings = uiStrings(locale);
	const english = uiStrings('en');

	it.each(refs.map((ref) => [`${pageUrl(locale, ref.page)}#${proofAnchor(ref.id)}`, ref] as const))(
		'%s shows the claim, its badges, the decisive steps, and links to the proof',
		async (where, ref) => {
			requireBuiltSite();
			const transcript = await readTranscript(ref.id);
			if (!transcript) return; // reported by the transcript tests, with the command that records it
			const hash = exampleHash(ref.id);
			const section = elementById(readBuilt(pageUrl(locale, ref.page)), proofAnchor(ref.id));
			expect(section, `${where}: no element with id="${proofAnchor(ref.id)}" in dist/ (is <Proof id="${ref.id}" /> in ${ref.file}?)`).toBeDefined();
			const card = section ?? '';
			const text = textOf(card);
			const regenerate = `regenerate with: npm run verify -- ${ref.id}`;

			expect(text, `${where}: the claim`).toContain(transcript.title[locale]);
			for (const run of transcript.runs) {
				const badge = fill(strings[`proof.badge.${runStatus(run, hash)}`] ?? '', badgeValues(run));
				expect(text, `${where}: badge of the run on ${run.kubernetes} (${run.provider}); ${regenerate}`).toContain(badge);
			}
			expect(card, `${where}: a link to the proof's page`).toContain(`href="${proofPageUrl(locale, ref.id)}"`);

			const run = shownRun(transcript, hash);
			const decisive = run ? decisiveSteps(run) : [];
			const shown = stepItems(card);
			expect(
				shown.map((step) => step.number),
				`${where}: the decisive steps (src/proofs/view.ts decisiveSteps); ${regenerate}`,
			).toEqual(decisive.map((index) => index + 1));
			for (const [i, index] of decisive.entries()) {
				const step = run?.steps[index];
				if (step) expectStep(shown[i]?.html ?? '', step, `${where}: step ${index + 1} (${step.command})`, locale, strings);
			}
			expectLanguage(card, where, locale, english, strings, run?.steps.flatMap((step) => (step.expected ? [step.expected] : [])) ?? []);
		},
	);
});

describe.each(localeKeys)('proof pages (%s)', (locale) => {
	const strings = uiStrings(locale);
	const english = uiStrings('en');
	const ids = listTranscriptIds().filter(hasExample);

	it.each(ids.map((id) => [proofPageUrl(locale, id), id] as const))(
		'%s shows the claim, badges, manifests, every command and output, and how to run it',
		async (where, id) => {
			requireBuiltSite();
			const transcript = await readTranscript(id);
			if (!transcript) return;
			const hash = exampleHash(id);
			const page = readBuilt(where);
			const main = elementById(page, proofAnchor(id));
			expect(main, `${where}: no element with id="${proofAnchor(id)}" (src/pages/[lang]/proofs/[...id].astro)`).toBeDefined();
			const section = main ?? '';
			const text = textOf(section);
			const regenerate = `regenerate with: npm run verify -- ${id}`;

			expect(textOf(/<h1\b[\s\S]*?<\/h1>/.exec(page)?.[0] ?? ''), `${where}: the claim is the page's title`).toBe(transcript.title[locale]);
			for (const run of transcript.runs) {
				const badge = fill(strings[`proof.badge.${runStatus(run, hash)}`] ?? '', badgeValues(run));
				expect(text, `${where}: badge of the run on ${run.kubernetes} (${run.provider}); ${regenerate}`).toContain(badge);
			}
			const claims = pages.filter((p) => p.locale === locale && p.ids.includes(id)).map((p) => `href="${pageUrl(locale, p.page)}#${proofAnchor(id)}"`);
			if (claims.length > 0) expect(claims.some((href) => section.includes(href)), `${where}: links back to the claim (${claims.join(' or ')})`).toBe(true);

			for (const file of transcript.files) {
				expect(section, `${where}: manifest ${file} (examples/${id}/${file})`).toContain(`data-file="${file}"`);
				expect(text, `${where}: manifest name ${file}`).toContain(file);
				expect(section, `${where}: download link of ${file}`).toContain(`href="${exampleFileUrl(id, file)}"`);
			}

			const run = shownRun(transcript, hash);
			const steps = stepItems(section);
			expect(steps.length, `${where}: number of steps shown; ${regenerate}`).toBe(run?.steps.length);
			run?.steps.forEach((step, index) => {
				expect(steps[index]?.number, `${where}: step ${index + 1} is numbered`).toBe(index + 1);
				expectStep(steps[index]?.html ?? '', step, `${where}: step ${index + 1} (${step.command})`, locale, strings);
			});
			if (run && runStatus(run, hash) === 'failed' && run.failure) {
				expect(text, `${where}: the failure`).toContain(run.failure.message);
				expect(text, `${where}: the diagnostics`).toContain(run.failure.diagnostics.trim().split('\n')[0] ?? '');
			}

			expect(copyTexts(section).at(-1), `${where}: run it yourself`).toBe(rerunCommand(id));
			expectLanguage(section, where, locale, english, strings, [
				...transcript.runs.flatMap((r) => (r.failure ? [r.failure.message] : [])),
				...(run?.steps.flatMap((step) => (step.expected ? [step.expected] : [])) ?? []),
			]);
		},
	);
});

describe('example downloads', () => {
	it.each(exampleIds)('%s: every manifest is served as it is in examples/', (id) => {
		requireBuiltSite();
		for (const file of manifestFiles(id)) {
			const built = join(distDir, 'examples', id, file);
			expect(existsSync(built), `dist/examples/${id}/${file} is missing (src/pages/examples/[...path].ts serves examples/<id>/*.yaml)`).toBe(true);
			expect(readFileSync(built, 'utf8'), `dist/examples/${id}/${file}`).toBe(readFileSync(join(examplesDir, id, file), 'utf8'));
		}
	});
});
