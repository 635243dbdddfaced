import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { transcriptSchema } from './proofs/schema.ts';
import { proofStringsSchema } from './proofs/strings.ts';
import { thenAndNowStringsSchema } from './claims/strings.ts';
import { claimsLoader } from './claims/loader.ts';
import { claimSchema } from './claims/schema.ts';

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
	// Translations of the site's own UI strings, one file per language: src/content/i18n/<lang>.json. Starlight's
	// keys, plus the strings of the <Proof> component (`proof.*`) and of <ThenAndNow> (`thenAndNow.*`).
	i18n: defineCollection({
		loader: i18nLoader(),
		schema: i18nSchema({ extend: proofStringsSchema.extend(thenAndNowStringsSchema.shape) }),
	}),
	// Proof transcripts written by `npm run verify`: content/proofs/<id>.json, the entry id is the proof id
	// (`env/literal-survives-container-restart`). A file that does not match the runner's format fails the build.
	proofs: defineCollection({
		loader: glob({ pattern: '**/*.json', base: './content/proofs', generateId: ({ entry }) => entry.replace(/\.json$/, '') }),
		schema: transcriptSchema,
	}),
	// The claims of the 2015 answer and today's verdict on each: content/then-and-now/claims.yaml, in its order,
	// the entry id is the claim id. A malformed entry fails the build with its id (src/claims/).
	claims: defineCollection({
		loader: claimsLoader(),
		schema: claimSchema,
	}),
};
