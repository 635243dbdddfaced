/**
 * The `claims` collection's loader: Astro's file loader over content/then-and-now/claims.yaml, after a check
 * of what the file loader only logs and skips (a file that is not YAML, an entry without an id, an id used
 * twice). Those fail the build here, naming the entry; the schema (./schema.ts) then fails it on any
 * malformed entry, naming the claim id (Astro reports `claims → <id>`).
 */
import { readFileSync } from 'node:fs';
import type { Loader } from 'astro/loaders';
import { file } from 'astro/loaders';
import { parse } from 'yaml';

export const claimsFile = 'content/then-and-now/claims.yaml';

/** What is wrong with the claims file as a list of entries, or undefined. Pure: the unit tests call it. */
export function claimsFileProblem(text: string, name = claimsFile): string | undefined {
	let data: unknown;
	try {
		data = parse(text);
	} catch (error) {
		return `${name} is not valid YAML: ${(error as Error).message}`;
	}
	if (!Array.isArray(data) || data.length === 0) return `${name} must be a non-empty list of claims`;
	const seen = new Set<string>();
	for (const [index, entry] of data.entries()) {
		const id = (entry as { id?: unknown } | null)?.id;
		if (typeof id !== 'string' || id.trim() === '') {
			const quote = (entry as { quote?: unknown } | null)?.quote;
			return `${name}: claim #${index + 1}${typeof quote === 'string' ? ` ("${quote.slice(0, 30)}…")` : ''} has no id`;
		}
		if (seen.has(id)) return `${name}: the claim id "${id}" is used twice (claim #${index + 1})`;
		seen.add(id);
	}
	return undefined;
}

/**
 * The file loader's parser, plus each claim's place in the file (`position`, from 1): the collection's store
 * does not keep the file's order, and the table shows the claims in the answer's order.
 */
export function parseClaims(text: string): Record<string, unknown>[] {
	const data: unknown = parse(text);
	if (!Array.isArray(data)) throw new Error(`${claimsFile} must be a list of claims`);
	return data.map((entry: unknown, index) => ({ ...(entry as Record<string, unknown>), position: index + 1 }));
}

export function claimsLoader(path: string = claimsFile): Loader {
	const inner = file(path, { parser: parseClaims });
	return {
		name: 'claims-loader',
		load: async (context) => {
			const problem = claimsFileProblem(readFileSync(new URL(path, context.config.root), 'utf8'), path);
			if (problem) throw new Error(problem);
			await inner.load(context);
		},
	};
}
