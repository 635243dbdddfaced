// Expressive Code (code blocks) configuration. Kept in its own file so Starlight's <Code> component can use
// the same plugins: https://starlight.astro.build/reference/configuration/#expressivecode
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginShellPrompt } from './src/expressive-code/shell-prompt.ts';

export default defineEcConfig({
	plugins: [pluginShellPrompt()],
});
