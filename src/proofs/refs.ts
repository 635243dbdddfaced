/**
 * Which proofs an MDX page renders: the `<Proof id="…" />` tags in its source. Shared by the site (the
 * then-and-now table links each proof to the page that shows it, src/components/ThenAndNow.astro) and the
 * tests (tests/support/proofs.ts), so both agree on where a proof is. Pure: no Astro, no file system.
 */

/** Code that shows a <Proof> rather than using it: fenced blocks, inline code, MDX comments. */
function stripNonReferences(source: string): string {
	return source
		.replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1\2[^\S\n]*$/gm, '')
		.replace(/(?<!\{\s*)`[^`\n]*`/g, '')
		.replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
}

/** The proof ids an MDX source renders, in order: `<Proof id="…" />` (also with '…' or {"…"}). */
export function proofRefs(source: string): string[] {
	const ids: string[] = [];
	for (const tag of stripNonReferences(source).matchAll(/<Proof\b([^>]*)>/g)) {
		const id = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/.exec(tag[1] ?? '');
		const value = id?.[1] ?? id?.[2] ?? id?.[3];
		if (value !== undefined) ids.push(value);
	}
	return ids;
}
