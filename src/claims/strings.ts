/**
 * The UI strings of <ThenAndNow> (src/components/ThenAndNow.astro), added to Starlight's i18n schema
 * (src/content.config.ts) like the proofs' (src/proofs/strings.ts): texts in src/content/i18n/en.json and
 * zh-CN.json, `{{name}}` values filled in by i18next. The verdict and area names stay with the claims
 * (src/claims/view.ts): they are the audit's vocabulary, which its tests check against claims.yaml.
 */
import { z } from 'astro/zod';

export const thenAndNowStringsSchema = z
	.object({
		/** The table's caption (for screen readers). */
		'thenAndNow.caption': z.string(),
		/** Column headings, also the labels of a row's cells when the table is shown as cards. */
		'thenAndNow.number': z.string(),
		'thenAndNow.area': z.string(),
		'thenAndNow.then': z.string(),
		'thenAndNow.verdict': z.string(),
		'thenAndNow.now': z.string(),
		'thenAndNow.evidence': z.string(),
		/** Kinds of evidence, and a proof that is on no page yet. */
		'thenAndNow.proof': z.string(),
		'thenAndNow.source': z.string(),
		'thenAndNow.notShown': z.string(),
		/** Accessible name of a row's anchor link: {{n}}. */
		'thenAndNow.claimLink': z.string(),
		/** The summary: {{n}} claims; {{proven}} with proofs on {{versions}}, {{sourced}} with sources. */
		'thenAndNow.total': z.string(),
		'thenAndNow.proven': z.string(),
	})
	.partial();

export type ThenAndNowStringKey = keyof z.infer<typeof thenAndNowStringsSchema>;

export const thenAndNowStringKeys = Object.keys(thenAndNowStringsSchema.shape) as ThenAndNowStringKey[];
