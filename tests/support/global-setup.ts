/**
 * Builds the site once per test run, for every project that reads dist/ (site and browser). The result is
 * handed to the tests with `provide`, so a broken build fails the "astro build succeeds" test with the
 * build's output instead of aborting the run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runAstroBuild, testOutputDir, type BuildResult } from './astro-build.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		siteBuild: BuildResult;
	}
}

// Both projects' global setups run in the one main process: share a single build between them.
const shared = globalThis as typeof globalThis & { kpSiteBuild?: Promise<BuildResult> };

export default async function setup(project: TestProject): Promise<void> {
	shared.kpSiteBuild ??= runAstroBuild().then((result) => {
		mkdirSync(testOutputDir, { recursive: true });
		writeFileSync(join(testOutputDir, 'astro-build.log'), result.log);
		return result;
	});
	project.provide('siteBuild', await shared.kpSiteBuild);
}
