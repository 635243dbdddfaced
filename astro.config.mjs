// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { defaultLocale, locales, starlightSidebar } from './src/navigation.ts';

// https://starlight.astro.build/reference/configuration/
export default defineConfig({
	// Canonical URLs and the sitemap need the public address; set SITE_URL where the site is deployed.
	site: process.env.SITE_URL || undefined,
	integrations: [
		starlight({
			title: { en: 'Kubernetes, Proven', 'zh-CN': 'Kubernetes 实证' },
			description:
				'Kubernetes behaviour, demonstrated on a real cluster: every claim on this site has a proof script and its transcript.',
			defaultLocale,
			locales,
			sidebar: starlightSidebar(),
			customCss: ['./src/styles/custom.css'],
			// Pagefind search is on by default; it indexes each language separately (html lang).
			pagefind: true,
		}),
	],
	vite: {
		build: {
			rolldownOptions: {
				// Every MDX page triggers this warning with Astro 7 + Starlight; the directive is Astro's own and its
				// build handles it (withastro/astro#18087). Hide only that one so real warnings stay visible.
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
					warn(warning);
				},
			},
		},
	},
});
