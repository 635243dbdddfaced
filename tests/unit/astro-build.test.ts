import { describe, expect, it } from 'vitest';
import { buildEnv, logTail } from '../support/astro-build.ts';

describe('buildEnv', () => {
	it('builds for production whatever the test runner set, and keeps the rest', () => {
		const env = buildEnv({ NODE_ENV: 'test', TEST: 'true', VITEST: 'true', VITEST_POOL_ID: '1', PATH: '/bin', CI: 'true' });
		expect(env).toEqual({
			PATH: '/bin',
			CI: 'true',
			NODE_ENV: 'production',
			ASTRO_TELEMETRY_DISABLED: '1',
			FORCE_COLOR: '0',
			NO_COLOR: '1',
		});
	});
});

describe('logTail', () => {
	it('keeps the last lines', () => {
		expect(logTail('a\nb\nc\nd\n', 2)).toBe('c\nd');
	});
});
