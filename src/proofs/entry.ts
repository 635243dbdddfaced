/**
 * A proof as the site's components see it: its transcript (the `proofs` collection), the run the page shows,
 * every run with its status against the example folder as it is now, and the manifests with the lines that
 * matter marked and the boilerplate folded. Used by the claim card (src/components/Proof.astro) and the proof's
 * own page (src/pages/[lang]/proofs/[...id].astro). Reads files: Astro only (the pure parts are in view.ts and
 * manifest-focus.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getCollection, getEntry } from 'astro:content';
import { root } from 'astro:config/server';
import { exampleHash } from '../../scripts/verify/examples.ts';
import { pageIds, type LocaleKey } from '../navigation.ts';
import type { TranscriptData } from './schema.ts';
import { manifestFocus, type ManifestFocus } from './manifest-focus.ts';
import { proofRefs } from './refs.ts';
import { runStatus, shownRun, type RunStatus } from './view.ts';

export const examplesDir = fileURLToPath(new URL('examples/', root));

export type Run = TranscriptData['runs'][number];
export type Step = Run['steps'][number];

export interface LoadedProof {
	id: string;
	transcript: TranscriptData | undefined;
	/** The run whose steps are shown. */
	run: Run | undefined;
	shownStatus: RunStatus | undefined;
	runs: { run: Run; status: RunStatus }[];
}

/**
 * A build renders each proof several times (its page in each language, its card on a page in each language),
 * from the same files: what is read and derived from them is kept for the build, once per proof. `astro dev`
 * computes it afresh on each request, so an edited example shows at once.
 */
function once<T>(cache: Map<string, T>, key: string, compute: () => T): T {
	if (import.meta.env.DEV) return compute();
	if (!cache.has(key)) cache.set(key, compute());
	return cache.get(key) as T;
}

const hashes = new Map<string, string | undefined>();

/** The hash of the example folder as it is now (undefined when the folder has no proof.ts). */
function currentExampleHash(id: string): string | undefined {
	return once(hashes, id, () => (existsSync(join(examplesDir, id, 'proof.ts')) ? exampleHash(id, examplesDir) : undefined));
}

export async function loadProof(id: string): Promise<LoadedProof> {
	const currentHash = currentExampleHash(id);
	const entry = await getEntry('proofs', id);
	const transcript = entry?.data;
	if (transcript && transcript.id !== id) {
		throw new Error(`content/proofs/${id}.json says its id is "${transcript.id}"; regenerate it with: npm run verify -- ${id}`);
	}
	const run = transcript ? shownRun(transcript, currentHash) : undefined;
	return {
		id,
		transcript,
		run,
		shownStatus: run ? runStatus(run, currentHash) : undefined,
		runs: (transcript?.runs ?? []).map((r) => ({ run: r, status: runStatus(r, currentHash) })),
	};
}

export interface Manifest {
	file: string;
	/** Undefined when the example folder no longer has the file. */
	content: string | undefined;
	focus: ManifestFocus;
}

const manifests = new Map<string, Manifest[]>();

/** The manifests of a proof, in the transcript's order, with what to mark and what to fold. */
export function loadManifests(proof: LoadedProof): Manifest[] {
	return once(manifests, proof.id, () => readManifests(proof));
}

function readManifests(proof: LoadedProof): Manifest[] {
	const { transcript, run } = proof;
	const steps = run?.steps ?? [];
	const texts = {
		commands: steps.map((step) => step.command),
		prose: [
			...(transcript ? [transcript.title.en] : []),
			...steps.flatMap((step) => [
				...(step.note ? [step.note.en] : []),
				...(step.checked?.output && 'says' in step.checked.output ? [step.checked.output.says.en] : []),
			]),
		],
	};
	return (transcript?.files ?? []).map((file) => {
		const path = join(examplesDir, proof.id, file);
		const content = existsSync(path) ? readFileSync(path, 'utf8').replace(/\n$/, '') : undefined;
		return { file, content, focus: content ? manifestFocus(content, texts) : { marked: [], collapsed: [] } };
	});
}

interface ShowingPage {
	page: string;
	title: string;
	ids: string[];
}

const showingPages = new Map<string, Promise<ShowingPage[]>>();

/** The pages of a language with the proofs each renders, in sidebar order. */
function pagesShowingProofs(locale: LocaleKey): Promise<ShowingPage[]> {
	return once(showingPages, locale, async () => {
		const order = pageIds();
		return (await getCollection('docs'))
			.filter((entry) => entry.id.startsWith(`${locale}/`) || entry.id === locale)
			.map((entry) => ({ page: entry.id === locale ? 'index' : entry.id.slice(locale.length + 1), title: entry.data.title, ids: proofRefs(entry.body ?? '') }))
			.sort((a, b) => order.indexOf(a.page) - order.indexOf(b.page));
	});
}

/** The page of a language that makes the claim a proof backs: the area page named like the proof's area if it shows it, else the first page in sidebar order that does. */
export async function claimPage(locale: LocaleKey, id: string): Promise<{ page: string; title: string } | undefined> {
	const showing = (await pagesShowingProofs(locale)).filter((page) => page.ids.includes(id));
	const area = id.split('/')[0];
	const found = showing.find((page) => page.page === area) ?? showing[0];
	return found && { page: found.page, title: found.title };
}
