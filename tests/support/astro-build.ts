/**
 * Runs `astro build` (into dist/) in a child process on the Node that runs this code, and keeps its output.
 * Used once per test run by the global setup, and by the site benchmark.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const distDir = join(repoRoot, 'dist');
export const testOutputDir = join(repoRoot, 'test-output');

export interface BuildResult {
	ok: boolean;
	exitCode: number | null;
	durationMs: number;
	/** stdout and stderr, interleaved as they came. */
	log: string;
}

function astroBin(): string {
	const require = createRequire(join(repoRoot, 'package.json'));
	return join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
}

/**
 * The environment for the build: this one, minus what a test runner sets. vitest sets NODE_ENV=test, and
 * under it Vite builds with import.meta.env.DEV true (Starlight then ships search as "dev only").
 */
export function buildEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	const kept = Object.entries(env).filter(([key]) => !key.startsWith('VITEST') && key !== 'TEST' && key !== 'NODE_ENV');
	return { ...Object.fromEntries(kept), NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' };
}

/** `astro build` in a project folder: this repository's site, or another (the benchmark's vanilla Starlight site). */
export function runAstroBuild(cwd: string = repoRoot, env: NodeJS.ProcessEnv = process.env): Promise<BuildResult> {
	const started = performance.now();
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [astroBin(), 'build'], {
			cwd,
			env: buildEnv(env),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const chunks: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
		const finish = (exitCode: number | null, extra = '') =>
			resolve({
				ok: exitCode === 0,
				exitCode,
				durationMs: performance.now() - started,
				log: Buffer.concat(chunks).toString('utf8') + extra,
			});
		child.on('error', (error) => finish(null, `\n${error.stack ?? String(error)}`));
		child.on('close', (code) => finish(code));
	});
}

/** The last lines of a build log, for a failure message. */
export function logTail(log: string, lines = 40): string {
	return log.trimEnd().split('\n').slice(-lines).join('\n');
}
