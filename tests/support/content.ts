/** Reads the site's pages from src/content/docs/ as files: which exist, and what their frontmatter says. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './astro-build.ts';

export const docsDir = join(repoRoot, 'src', 'content', 'docs');

const PAGE_EXTENSION = /\.(md|mdx)$/;

/** Page ids (path without extension, `/`-separated) of every page under `dir`. */
export function listPageIds(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && PAGE_EXTENSION.test(entry.name))
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/').replace(PAGE_EXTENSION, ''))
		.sort();
}

export interface Page {
	frontmatter: Record<string, unknown>;
	body: string;
}

/** Splits a Markdown/MDX source into its YAML frontmatter (parsed) and body. Throws when there is none. */
export function parsePage(source: string): Page {
	const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source);
	if (!match) throw new Error('no frontmatter block (--- … ---) at the start of the file');
	const frontmatter: unknown = parse(match[1] ?? '');
	if (frontmatter === null || typeof frontmatter !== 'object' || Array.isArray(frontmatter)) {
		throw new Error('frontmatter is not a YAML mapping');
	}
	return { frontmatter: frontmatter as Record<string, unknown>, body: source.slice(match[0].length) };
}

/** The source file of a page id in a folder, whichever of .mdx/.md it is. */
export function pageFile(dir: string, id: string): string | undefined {
	return ['.mdx', '.md'].map((extension) => join(dir, `${id}${extension}`)).find((file) => existsSync(file));
}

export function readPage(file: string): Page {
	return parsePage(readFileSync(file, 'utf8'));
}

/** Han characters (CJK Unified Ideographs): a page written in Chinese has them. */
export function hasHan(text: string): boolean {
	return /\p{Script=Han}/u.test(text);
}
