// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { defaultLocale, locales, starlightSidebar } from './src/navigation.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { baseLinksPlugin, tableCardsPlugin } from './src/markdown/rehype-site.ts';
import { dedupeEcAssetsIntegration } from './src/integrations/dedupe-ec-assets.ts';

// Where the site is published: canonical links, the sitemap and Open Graph URLs are built from it. The GitHub
// Pages job sets both from its Pages configuration; the defaults are a placeholder address at the root path.
const defaultSiteUrl = 'https://kubernetes-proven.github.io';
const site = process.env.SITE_URL || defaultSiteUrl;
const base = process.env.BASE_PATH || '/';

// https://starlight.astro.build/reference/configuration/
export default defineConfig({
	site,
	base,
	markdown: {
		// Links written in the pages get the base path; wide tables become cards on a phone.
		processor: satteri({ hastPlugins: [baseLinksPlugin(base), tableCardsPlugin()] }),
	},
	integrations: [
		starlight({
			title: { en: 'Kubernetes, Proven', 'zh-CN': 'Kubernetes 实证' },
			description:
				'Kubernetes behaviour, demonstrated on a real cluster: every claim on this site has a proof script and its transcript.',
			defaultLocale,
			locales,
			sidebar: starlightSidebar(),
			customCss: ['./src/styles/custom.css'],
			// src/pages/404.astro, one page for both languages (a docs entry `404` clashed with the catch-all route).
			disable404Route: true,
			// Hero links get the base path; the 404 page loses its canonical, hreflang alternates and og:url, and its
			// language picker: each would name a page that does not exist (/404/, /en/404/, /zh-cn/404/).
			routeMiddleware: './src/route-data.ts',
			components: { LanguageSelect: './src/components/LanguageSelect.astro' },
			// Pagefind search is on by default; it indexes each language separately (html lang).
			pagefind: true,
		}),
		dedupeEcAssetsIntegration(),
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
