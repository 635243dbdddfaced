/**
 * Prints one closing line after vitest's own summary, alone on its line:
 *   `N passed, N failed` (with `, N skipped` when tests were skipped).
 * A test file that could not run at all (an import error, a failing hook outside any test) and an unhandled
 * error each count as one failure, so a broken run never ends in `0 failed`.
 */
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

export interface Counts {
	passed: number;
	failed: number;
	skipped: number;
}

export function summaryLine({ passed, failed, skipped }: Counts): string {
	return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

export function countResults(
	modules: ReadonlyArray<TestModule>,
	unhandledErrors: ReadonlyArray<unknown>,
	reason: TestRunEndReason,
): Counts {
	const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
	for (const module of modules) {
		let moduleFailed = 0;
		for (const test of module.children.allTests()) {
			const state = test.result().state;
			if (state === 'passed') counts.passed += 1;
			else if (state === 'failed') moduleFailed += 1;
			else counts.skipped += 1;
		}
		// A module that failed with no failed test to show for it: an import error, a failing beforeAll/afterAll.
		if (moduleFailed === 0 && (module.state() === 'failed' || module.errors().length > 0)) moduleFailed = 1;
		counts.failed += moduleFailed;
	}
	counts.failed += unhandledErrors.length;
	if (reason !== 'passed' && counts.failed === 0) counts.failed = 1;
	return counts;
}

export default class SummaryReporter implements Reporter {
	onTestRunEnd(
		modules: ReadonlyArray<TestModule>,
		unhandledErrors: ReadonlyArray<SerializedError>,
		reason: TestRunEndReason,
	): void {
		process.stdout.write(`\n${summaryLine(countResults(modules, unhandledErrors, reason))}\n`);
	}
}
