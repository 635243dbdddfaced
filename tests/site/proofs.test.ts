/**
 * Proof integrity: every `<Proof id>` on a page has an example, every example is on a page (the same ids in
 * both languages), every such proof has a transcript that passed for the example as it is now, and the built
 * page shows that transcript: badge, manifests, every command (as its copy text) and its output.
 * Each failure names the file to fix and the command that regenerates it. No cluster needed: transcripts are
 * committed.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localeKeys, locales, pageUrl, type LocaleKey } from '../../src/navigation.ts';
import { badgeValues, exampleFileUrl, proofAnchor, runStatus, shownRun, waitValues } from '../../src/proofs/view.ts';
import { proofStringKeys } from '../../src/proofs/strings.ts';
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
	it.each(localeKeys)('%s has every proof.* string', (locale) => {
		const strings = uiStrings(locale);
		const missing = proofStringKeys.filter((key) => !strings[key]?.trim());
		expect(missing, `src/content/i18n/*.json for ${locale}: add ${missing.join(', ')}`).toEqual([]);
	});
});

describe.each(localeKeys)('rendered proofs (%s)', (locale) => {
	const refs = references.filter((ref) => ref.locale === locale && hasExample(ref.id));
	const strings = uiStrings(locale);
	const english = uiStrings('en');

	it.each(refs.map((ref) => [`${pageUrl(locale, ref.page)}#${proofAnchor(ref.id)}`, ref] as const))(
		'%s shows its badge, manifests, commands and outputs',
		async (where, ref) => {
			requireBuiltSite();
			const transcript = await readTranscript(ref.id);
			if (!transcript) return; // reported by the transcript tests, with the command that records it
			const hash = exampleHash(ref.id);
			const html = readBuilt(pageUrl(locale, ref.page));
			const section = elementById(html, proofAnchor(ref.id));
			expect(section, `${where}: no element with id="${proofAnchor(ref.id)}" in dist/ (is <Proof id="${ref.id}" /> in ${ref.file}?)`).toBeDefined();
			const text = textOf(section ?? '');
			const regenerate = `regenerate with: npm run verify -- ${ref.id}`;

			expect(text, `${where}: title`).toContain(transcript.title[locale]);
			for (const run of transcript.runs) {
				const status = runStatus(run, hash);
				const badge = fill(strings[`proof.badge.${status}`] ?? '', badgeValues(run));
				expect(text, `${where}: badge of the run on ${run.kubernetes} (${run.provider}); ${regenerate}`).toContain(badge);
			}

			for (const file of transcript.files) {
				expect(section, `${where}: manifest ${file} (examples/${ref.id}/${file})`).toContain(`data-file="${file}"`);
				expect(text, `${where}: manifest name ${file}`).toContain(file);
				expect(section, `${where}: download link of ${file}`).toContain(`href="${exampleFileUrl(ref.id, file)}"`);
			}

			const run = shownRun(transcript, hash);
			const steps = [...(section ?? '').matchAll(/<li class="kp-step\b[\s\S]*?(?=<li class="kp-step\b|<\/ol>)/g)].map((m) => m[0]);
			expect(steps.length, `${where}: number of steps shown; ${regenerate}`).toBe(run?.steps.length);
			run?.steps.forEach((step, index) => {
				const shown = steps[index] ?? '';
				const label = `${where}: step ${index + 1} (${step.command})`;
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
			});

			expect(copyTexts(section ?? '').at(-1), `${where}: run it yourself`).toBe(`npm run verify -- ${ref.id} --provider existing`);

			// Translated strings are escaped once (by Astro), not twice (a `"` must not show as &quot;).
			const prose = textOf((section ?? '').replace(/<(pre|code|figure)\b[\s\S]*?<\/\1>/g, ''));
			expect(prose, `${where}: text escaped twice`).not.toMatch(/&(?:quot|amp|lt|gt|#39);/);

			// UI strings are the page's language: no English UI text in another language's proof.
			if (locale !== 'en') {
				for (const key of proofStringKeys) {
					for (const fragment of (english[key] ?? '').split(/\{\{\s*\w+\s*\}\}/)) {
						if (/[A-Za-z]{4,}/.test(fragment)) {
							expect(prose, `${where}: English UI text "${fragment.trim()}" (${key}) in a ${locale} page; add ${key} to src/content/i18n/`).not.toContain(fragment.trim());
						}
					}
				}
			}
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
