import { defineConfig } from 'vitest/config';

/**
 * Five projects, all run by `npm test`:
 * - unit:    helpers, no build, no Go, no network;
 * - tooling: what needs Go and the Go module proxy (actionlint built from its module, a failing component build);
 * - site:    content integrity and the internal link check over dist/;
 * - browser: the built site in Debian's Chromium;
 * - cluster: the live cluster (npm run cluster:up first): provider smoke suite and the runner's failure path.
 * site and browser share one `astro build` per run (tests/support/global-setup.ts).
 * The last line printed is `N passed, N failed` (tests/support/summary-reporter.ts).
 */
export default defineConfig({
	test: {
		reporters: ['default', './tests/support/summary-reporter.ts'],
		projects: [
			{
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
			},
			{
				// Builds with Go from its module (cached like the cluster's components); minutes on a cold cache.
				test: { name: 'tooling', include: ['tests/tooling/**/*.test.ts'], environment: 'node', testTimeout: 600_000 },
			},
			{
				test: {
					name: 'site',
					include: ['tests/site/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['./tests/support/global-setup.ts'],
				},
			},
			{
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['./tests/support/global-setup.ts'],
					// Chromium on a busy 2-core machine: generous, but bounded.
					testTimeout: 60_000,
					hookTimeout: 90_000,
				},
			},
			{
				test: {
					name: 'cluster',
					include: ['tests/cluster/**/*.test.ts'],
					environment: 'node',
					// Real pods: OOM kills, ConfigMap volume updates and metrics scrapes take minutes.
					testTimeout: 300_000,
					hookTimeout: 300_000,
				},
			},
		],
	},
});
