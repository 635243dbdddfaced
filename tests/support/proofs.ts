/**
 * Proofs as the tests see them: which pages reference which proof ids (`<Proof id="…" />` in the MDX
 * sources), what a transcript problem means for the person fixing it, and where a rendered proof sits in a
 * built page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { localeKeys, locales, type LocaleKey } from '../../src/navigation.ts';
import { decodeEntities } from './html-refs.ts';
import { repoRoot } from './astro-build.ts';
import { docsDir, listPageIds, pageFile } from './content.ts';
import { proofRefs } from '../../src/proofs/refs.ts';

export { proofRefs };

export interface PageRefs {
	locale: LocaleKey;
	/** Page id under src/content/docs/<locale>/, e.g. `env-variables`. */
	page: string;
	/** The page's source, relative to the repository root, for messages. */
	file: string;
	ids: string[];
}

/** Every page in every language with the proof ids it references (pages without any included). */
export function pageProofRefs(dir: string = docsDir): PageRefs[] {
	return localeKeys.flatMap((locale) =>
		listPageIds(join(dir, locale)).map((page) => {
			const path = pageFile(join(dir, locale), page) ?? '';
			return { locale, page, file: path.slice(repoRoot.length + 1), ids: proofRefs(readFileSync(path, 'utf8')) };
		}),
	);
}

/** Proof ids of the transcripts on disk: content/proofs/<id>.json. */
export function listTranscriptIds(dir: string = join(repoRoot, 'content', 'proofs')): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/').replace(/\.json$/, ''))
		.sort();
}

/**
 * What to tell the person fixing a transcript, from `transcriptProblem` (scripts/verify/transcript.ts):
 * the file to fix, what is wrong with it, and the command that regenerates it.
 */
export function transcriptMessage(id: string, problem: string): string {
	const file = `content/proofs/${id}.json`;
	const what =
		problem === 'no transcript'
			? `${file} is missing`
			: problem.startsWith('stale')
				? `${file} is ${problem}`
				: `${file} records a run that ${problem}`;
	return `${what}; regenerate it on a cluster with: npm run verify -- ${id}`;
}

/**
 * The HTML of the element with this id, from its start tag to its matching end tag (elements of the same
 * name nested inside are counted). Undefined when no element has the id.
 */
export function elementById(html: string, id: string): string | undefined {
	const start = new RegExp(`<([a-zA-Z][a-zA-Z0-9-]*)\\b[^>]*\\sid="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`).exec(html);
	if (!start) return undefined;
	const tag = start[1] ?? '';
	const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
	pattern.lastIndex = start.index + start[0].length;
	let depth = 1;
	for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
		depth += match[1] ? -1 : 1;
		if (depth === 0) return html.slice(start.index, match.index + match[0].length);
	}
	return undefined;
}

/**
 * The text of some HTML as a reader sees it, roughly: no tags, no scripts or styles, entities decoded, and a
 * non-breaking hyphen (U+2011, which keeps a badge's date on one line) read as the hyphen it shows.
 */
export function textOf(html: string): string {
	return decodeEntities(
		html
			.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
			.replace(/<[^>]+>/g, ''),
	).replace(/\u2011/g, '-');
}

/** The copy texts of Expressive Code's copy buttons in some HTML, in order (newlines restored). */
export function copyTexts(html: string): string[] {
	return [...html.matchAll(/<button\b[^>]*\sdata-code="([^"]*)"/g)].map((m) => decodeEntities(m[1] ?? '').replace(/\u007f/g, '\n'));
}

/** The site's own UI strings in one language: src/content/i18n/<lang>.json. */
export function uiStrings(locale: LocaleKey): Record<string, string> {
	return JSON.parse(readFileSync(join(repoRoot, 'src', 'content', 'i18n', `${locales[locale].lang}.json`), 'utf8')) as Record<
		string,
		string
	>;
}

/** i18next-style `{{name}}` interpolation, for the expected texts of a test. */
export function fill(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
