// Expressive Code (code blocks) configuration. Kept in its own file so Starlight's <Code> component can use
// the same plugins: https://starlight.astro.build/reference/configuration/#expressivecode
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginCollapsibleSections, pluginCollapsibleSectionsTexts } from '@expressive-code/plugin-collapsible-sections';
import { pluginShellPrompt } from './src/expressive-code/shell-prompt.ts';
import { pluginCachedShiki } from './src/expressive-code/shiki-cache.ts';

// The summary line of a folded section (a manifest's securityContext, its labels), in the page's language.
pluginCollapsibleSectionsTexts.addLocale('zh-CN', { collapsedLines: '已折叠 {lineCount} 行，点击展开' });
pluginCollapsibleSectionsTexts.addLocale('en', { collapsedLines: '{lineCount} {lineCount;1=line;lines} folded: click to show' });

// Small triangles for the fold's summary line: the plugin's default icons are about 900 bytes each, in the
// stylesheet of every page with a code block.
const icon = (path) => `url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='${path}'/%3E%3C/svg%3E")`;

export default defineEcConfig({
	// Shiki with its tokens kept for the build (a proof's manifests are on its page in each language); named
	// `Shiki`, so it stands in for the one Expressive Code would add.
	plugins: [pluginCachedShiki(), pluginShellPrompt(), pluginCollapsibleSections()],
	// Starlight sets the theme with data-theme (before the page renders); a second copy of the light theme's
	// colours under prefers-color-scheme only served pages without scripts, where Starlight itself is dark.
	useDarkModeMediaQuery: false,
	styleOverrides: {
		collapsibleSections: { expandIcon: icon('M6 3v10l6-5z'), collapseIcon: icon('M3 6h10l-5 6z') },
	},
});
