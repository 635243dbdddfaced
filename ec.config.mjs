// Expressive Code (code blocks) configuration. Kept in its own file so Starlight's <Code> component can use
// the same plugins: https://starlight.astro.build/reference/configuration/#expressivecode
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginCollapsibleSections, pluginCollapsibleSectionsTexts } from '@expressive-code/plugin-collapsible-sections';
import { pluginShellPrompt } from './src/expressive-code/shell-prompt.ts';

// The summary line of a folded section (a manifest's securityContext, its labels), in the page's language.
pluginCollapsibleSectionsTexts.addLocale('zh-CN', { collapsedLines: '已折叠 {lineCount} 行，点击展开' });
pluginCollapsibleSectionsTexts.addLocale('en', { collapsedLines: '{lineCount} {lineCount;1=line;lines} folded: click to show' });

export default defineEcConfig({
	plugins: [pluginShellPrompt(), pluginCollapsibleSections()],
});
