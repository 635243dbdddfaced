/** Access to the built site in dist/ for the site and browser tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { inject } from 'vitest';
import { distDir, logTail } from './astro-build.ts';

/** Throws, with the end of the build log, unless this run's `astro build` succeeded. */
export function requireBuiltSite(): void {
	const build = inject('siteBuild');
	if (!build.ok) {
		throw new Error(`astro build failed (exit ${build.exitCode}), so dist/ cannot be tested:\n${logTail(build.log)}`);
	}
}

/** URL path of a built HTML file: dist/en/a/index.html → /en/a/, dist/404.html → /404.html. */
export function urlPathOf(file: string, root: string = distDir): string {
	const path = `/${relative(root, file).split(sep).join('/')}`;
	return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

export function listHtmlFiles(dir: string = distDir): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
}

export function readBuilt(urlPath: string): string {
	const file = urlPath.endsWith('/') ? join(distDir, urlPath, 'index.html') : join(distDir, urlPath);
	return readFileSync(file, 'utf8');
}
