import { describe, expect, it } from 'vitest';
import type { TestModule } from 'vitest/node';
import { countResults, summaryLine } from '../support/summary-reporter.ts';

/** The slice of vitest's TestModule that the reporter reads. */
function fakeModule(states: string[], options: { state?: string; errors?: number } = {}): TestModule {
	return {
		state: () => options.state ?? (states.includes('failed') ? 'failed' : 'passed'),
		errors: () => Array.from({ length: options.errors ?? 0 }, () => ({ message: 'boom' })),
		children: { *allTests() { for (const state of states) yield { result: () => ({ state }) }; } },
	} as unknown as TestModule;
}

describe('summaryLine', () => {
	it('prints passed and failed, and skipped only when there are some', () => {
		expect(summaryLine({ passed: 12, failed: 0, skipped: 0 })).toBe('12 passed, 0 failed');
		expect(summaryLine({ passed: 3, failed: 2, skipped: 1 })).toBe('3 passed, 2 failed, 1 skipped');
	});
});

describe('countResults', () => {
	it('counts tests by state', () => {
		const modules = [fakeModule(['passed', 'passed', 'skipped']), fakeModule(['failed', 'passed'])];
		expect(countResults(modules, [], 'failed')).toEqual({ passed: 3, failed: 1, skipped: 1 });
	});

	it('counts a module that failed without a failed test (import error, failing hook) as one failure', () => {
		expect(countResults([fakeModule([], { state: 'failed', errors: 1 })], [], 'failed')).toEqual({
			passed: 0,
			failed: 1,
			skipped: 0,
		});
		expect(countResults([fakeModule(['skipped', 'skipped'], { state: 'failed' })], [], 'failed').failed).toBe(1);
	});

	it('counts unhandled errors as failures', () => {
		expect(countResults([fakeModule(['passed'])], [{}, {}], 'failed')).toEqual({ passed: 1, failed: 2, skipped: 0 });
	});

	it('never reports 0 failed for a run that did not pass', () => {
		expect(countResults([], [], 'failed').failed).toBe(1);
		expect(countResults([fakeModule(['passed'])], [], 'interrupted').failed).toBe(1);
		expect(countResults([fakeModule(['passed'])], [], 'passed')).toEqual({ passed: 1, failed: 0, skipped: 0 });
	});
});
