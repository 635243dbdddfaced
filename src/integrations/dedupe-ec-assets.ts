/**
 * Expressive Code links its stylesheet and script from the first code block of a Markdown document, and again
 * from the first <Code> component of a page; a page with both (prose code blocks and a proof card) linked them
 * twice. After the build, this keeps the first link of each and drops the repeats, in every HTML file of dist/.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const ecAsset = /<link rel="stylesheet" href="[^"]*\/ec\.[\w-]+\.css"\s*\/?>|<script type="module" src="[^"]*\/ec\.[\w-]+\.js"><\/script>/g;

/** The HTML with every Expressive Code stylesheet or script link after its first occurrence removed. */
export function dedupeEcAssets(html: string): string {
	const seen = new Set<string>();
	return html.replace(ecAsset, (tag) => {
		if (seen.has(tag)) return '';
		seen.add(tag);
		return tag;
	});
}

export function dedupeEcAssetsIntegration(): AstroIntegration {
	return {
		name: 'kp-dedupe-ec-assets',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const root = fileURLToPath(dir);
				let changed = 0;
				for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
					if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
					const file = join(entry.parentPath, entry.name);
					const html = readFileSync(file, 'utf8');
					const deduped = dedupeEcAssets(html);
					if (deduped !== html) {
						writeFileSync(file, deduped);
						changed++;
					}
				}
				logger.info(`${changed} pages linked Expressive Code's assets twice; now once`);
			},
		},
	};
}
