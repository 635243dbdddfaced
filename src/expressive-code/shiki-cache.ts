/**
 * Expressive Code's Shiki plugin, with its tokens kept for the build: the same code in the same language is
 * tokenized once, not once per page it is on. A proof's manifests are highlighted on its page in each language,
 * with both of Starlight's themes each time: four runs of the YAML grammar over the same text, where one per
 * theme gives the same colours. The syntax analysis of a block is the only part kept; everything else (text
 * markers, folds, frames, the copy button's words in the page's language) is rendered for each block as before.
 *
 * The plugin is named `Shiki`, so Expressive Code does not add its own (ec.config.mjs). Left to the plugin
 * itself: plain text, which has no grammar to run (a cache would only add its own cost), and `ansi`, whose
 * analysis edits the text, not only its colours.
 */
import { InlineStyleAnnotation, pluginShiki, type ExpressiveCodePlugin, type PluginShikiOptions } from '@astrojs/starlight/expressive-code';

type Hook = NonNullable<NonNullable<ExpressiveCodePlugin['hooks']>['performSyntaxAnalysis']>;
type InlineStyle = ConstructorParameters<typeof InlineStyleAnnotation>[0];

/** The constructor options of an annotation Shiki added, read back: a copy draws exactly as the original. */
function optionsOf(annotation: InlineStyleAnnotation): InlineStyle {
	const { styleVariantIndex, color, bgColor, italic, bold, underline, strikethrough, inlineRange, renderPhase } = annotation;
	return {
		styleVariantIndex,
		color,
		bgColor,
		italic,
		bold,
		underline,
		strikethrough,
		inlineRange: inlineRange && { ...inlineRange },
		renderPhase,
	};
}

/** The cache key: the language, the themes in their order, and the code as the analysis sees it. */
export function tokensKey(language: string, themes: readonly string[], code: string): string {
	return `${language}\u0000${themes.join('\u0001')}\u0000${code}`;
}

const uncached = new Set(['ansi', 'text', 'txt', 'plaintext', 'plain']);

export function pluginCachedShiki(options?: PluginShikiOptions): ExpressiveCodePlugin {
	const shiki = pluginShiki(options);
	const analyse = shiki.hooks?.performSyntaxAnalysis as Hook;
	// Per line of the block, the options of each annotation the analysis added.
	const cache = new Map<string, InlineStyle[][]>();
	const performSyntaxAnalysis: Hook = async (context) => {
		const { codeBlock, styleVariants } = context;
		if (uncached.has(codeBlock.language)) return analyse(context);
		const key = tokensKey(codeBlock.language, styleVariants.map((variant) => variant.theme.name), codeBlock.code);
		const lines = codeBlock.getLines();
		const kept = cache.get(key);
		if (kept && kept.length === lines.length) {
			kept.forEach((annotations, index) => {
				for (const annotation of annotations) lines[index]?.addAnnotation(new InlineStyleAnnotation(annotation));
			});
			return;
		}
		const before = lines.map((line) => new Set(line.getAnnotations()));
		await analyse(context);
		cache.set(
			key,
			lines.map((line, index) =>
				line
					.getAnnotations()
					.filter((annotation): annotation is InlineStyleAnnotation => !before[index]?.has(annotation) && annotation instanceof InlineStyleAnnotation)
					.map(optionsOf),
			),
		);
	};
	return { ...shiki, hooks: { ...shiki.hooks, performSyntaxAnalysis } };
}
