/**
 * The claims of the 2015 answer, as audited in content/then-and-now/claims.yaml (the `claims` collection,
 * src/content.config.ts). A malformed entry fails `astro build` with the claim's id; the tests
 * (tests/site/then-and-now.test.ts) check what a schema cannot: that each quote is in the source verbatim,
 * and that each proof exists, passed, and is shown on a page.
 */
import { z } from 'astro/zod';
import { areaIds } from '../navigation.ts';

/**
 * still-true: holds today as written. changed: true in substance, different today. outdated: no longer true.
 * history: about the project's past or plans, nothing a cluster can show today.
 */
export const verdicts = ['still-true', 'changed', 'outdated', 'history'] as const;
export type Verdict = (typeof verdicts)[number];

/** The answer's own sections: its opening overview, then the eight areas (each a page of this site). */
export const claimAreas = ['overview', ...areaIds] as const;
export type ClaimArea = (typeof claimAreas)[number];

const text = z.strictObject({ en: z.string().trim().min(1), 'zh-cn': z.string().trim().min(1) });

/** A proof id: the example's folder under examples/ (as in the transcript schema, src/proofs/schema.ts). */
const proofId = z.string().regex(/^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)+$/, 'a proof id: <area>/<behaviour>');

export const claimSchema = z
	.strictObject({
		id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a claim id: lowercase words joined by -'),
		/** The claim's place in claims.yaml, from 1: set by the loader (./loader.ts), not written in the file. */
		position: z.number().int().positive(),
		area: z.enum(claimAreas),
		/** The claim's words in source.zh.txt, verbatim. */
		quote: z.string().trim().min(1),
		verdict: z.enum(verdicts),
		/** What the answer said, restated. */
		then: text,
		/** What is true on Kubernetes today; Markdown `code` spans only. */
		now: text,
		/** Proofs that show today's behaviour. */
		proofs: z.array(proofId).default([]),
		/** Upstream links (release notes, KEPs, docs), for what no cluster can show. */
		sources: z.array(z.url({ protocol: /^https$/, error: 'an https:// link' })).default([]),
	})
	.refine((claim) => claim.proofs.length + claim.sources.length > 0, {
		message: 'a claim needs at least one proof or one source',
		path: ['proofs'],
	})
	.refine((claim) => new Set(claim.proofs).size === claim.proofs.length && new Set(claim.sources).size === claim.sources.length, {
		message: 'a proof or source is listed twice',
		path: ['proofs'],
	});

export type Claim = z.infer<typeof claimSchema>;
