import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

export const collections = {
	// Starlight's pages, with a description required on every page (search results and link previews show it).
	docs: defineCollection({
		loader: docsLoader(),
		schema: docsSchema({
			extend: z.object({
				title: z.string().trim().min(1),
				description: z.string().trim().min(1),
			}),
		}),
	}),
	// Translations of the site's own UI strings, one file per language: src/content/i18n/<lang>.json.
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
	// The proof transcripts (content/proofs/**/*.json) join here as a third collection, e.g.
	//   proofs: defineCollection({ loader: glob({ pattern: '**/*.json', base: './content/proofs' }), schema: … }),
};
