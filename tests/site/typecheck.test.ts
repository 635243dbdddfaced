/**
 * tsc over everything tsconfig.json covers (src/, scripts/, tests/, the config files), strict. It runs after
 * the build, which has generated Astro's content types (.astro/types.d.ts).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../support/astro-build.ts';
import { requireBuiltSite } from '../support/built-site.ts';

describe('types', () => {
	it('tsc -p . reports no errors', () => {
		requireBuiltSite();
		const tsc = createRequire(join(repoRoot, 'package.json')).resolve('typescript/bin/tsc');
		const result = spawnSync(process.execPath, [tsc, '-p', '.', '--pretty', 'false'], {
			cwd: repoRoot,
			encoding: 'utf8',
			timeout: 240_000,
		});
		expect(result.error).toBeUndefined();
		expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
		expect(result.status).toBe(0);
	}, 300_000);
});
