/**
 * The schema of a proof transcript (content/proofs/<id>.json) for the `proofs` content collection. The format
 * itself is defined by the proof runner, in scripts/verify/transcript.ts; this is the same shape as a zod
 * schema, so a malformed transcript fails `astro build` with its file name instead of rendering nonsense.
 * The type checks at the bottom keep the two in step: tsc (part of `npm test`) fails when they drift.
 */
import { z } from 'astro/zod';
import type { Transcript } from '../../scripts/verify/transcript.ts';

const text = z.object({ en: z.string().min(1), 'zh-cn': z.string().min(1) });

const outputCheck = z.union([
	z.object({ equals: z.string() }),
	z.object({ matches: z.string().regex(/^\/.*\/[a-z]*$/s, 'a pattern as written: /…/flags') }),
	z.object({ says: text }),
	z.object({ json: z.json() }),
]);

const checked = z.object({
	exit: z.union([z.array(z.number().int()).min(1), z.literal('nonzero')]),
	output: outputCheck.optional(),
	within: z.number().min(0).optional(),
});

const step = z.object({
	command: z.string().min(1),
	output: z.string(),
	exitCode: z.number().int(),
	pass: z.boolean(),
	seconds: z.number().min(0).optional(),
	checked: checked.optional(),
	expected: z.string().optional(),
	timedOut: z.boolean().optional(),
	polled: z.object({ attempts: z.number().int().min(1), seconds: z.number().min(0) }).optional(),
	note: text.optional(),
});

const run = z.object({
	kubernetes: z.string().regex(/^v\d+\.\d+\.\d+/, 'a Kubernetes server version such as v1.37.2'),
	provider: z.string().min(1),
	cluster: z
		.object({
			nodes: z.number().int().min(1),
			runtime: z.string(),
			kernel: z.string(),
			os: z.string(),
			kubectl: z.string(),
			cgroup: z.enum(['v1', 'v2']).optional(),
			proxyMode: z.string().optional(),
			cni: z.string().optional(),
		})
		.optional(),
	date: z.iso.datetime({ offset: true }),
	exampleHash: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hex digest'),
	seconds: z.number().min(0),
	result: z.enum(['passed', 'failed']),
	steps: z.array(step),
	failure: z.object({ step: z.number().int(), message: z.string(), diagnostics: z.string() }).optional(),
});

export const transcriptSchema = z.object({
	id: z.string().regex(/^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)+$/, 'a proof id: <area>/<behaviour>'),
	title: text,
	files: z.array(z.string().min(1)),
	runs: z.array(run).min(1),
});

export type TranscriptData = z.infer<typeof transcriptSchema>;

// Both directions: what the schema accepts is a Transcript, and every Transcript field is in the schema.
type Assignable<From, To> = [From] extends [To] ? true : false;
const schemaIsTranscript: Assignable<TranscriptData, Transcript> = true;
const transcriptIsSchema: Assignable<Transcript, TranscriptData> = true;
void schemaIsTranscript;
void transcriptIsSchema;
