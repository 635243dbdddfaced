/**
 * Where a URL path of the built site lives in dist/, the way a static host serves it: `/a/` is
 * `a/index.html`, `/a` is the file `a`, else `a.html`, else `a/index.html`. Shared by the link check and
 * the test server so both agree on what "resolves" means.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

function isFile(path: string): boolean {
	return existsSync(path) && statSync(path).isFile();
}

/** The file in `root` that serves `urlPath` (no query or fragment), or undefined when none does. */
export function resolveUrlPath(root: string, urlPath: string): string | undefined {
	let decoded: string;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return undefined;
	}
	if (!decoded.startsWith('/') || decoded.includes('\0')) return undefined;
	const base = resolve(root);
	const target = resolve(base, `.${decoded}`);
	if (target !== base && !target.startsWith(base + sep)) return undefined;
	const candidates = decoded.endsWith('/')
		? [join(target, 'index.html')]
		: [target, `${target}.html`, join(target, 'index.html')];
	return candidates.find(isFile);
}
