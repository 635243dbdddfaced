/**
 * The examples' manifests as static files, for the download links of <Proof>: examples/<id>/<file>.yaml is
 * served at /examples/<id>/<file>.yaml, exactly as it is in the repository. Only the YAML a reader applies;
 * proof.ts stays in the repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRoute, GetStaticPaths } from 'astro';
import { root } from 'astro:config/server';
import { listExampleIds, manifestFiles } from '../../../scripts/verify/examples.ts';

const examplesDir = fileURLToPath(new URL('examples/', root));

export const getStaticPaths = (() =>
	listExampleIds(examplesDir).flatMap((id) =>
		manifestFiles(id, examplesDir).map((file) => ({ params: { path: `${id}/${file}` }, props: { id, file } })),
	)) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { id, file } = props as { id: string; file: string };
	return new Response(readFileSync(join(examplesDir, id, file)), {
		headers: { 'Content-Type': 'application/yaml; charset=utf-8' },
	});
};
