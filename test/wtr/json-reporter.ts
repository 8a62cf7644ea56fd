/**
 * Writes the run's totals as JSON in the shape vitest's JSON reporter uses (numPassedTests,
 * numFailedTests, numPendingTests), so CI adds browser tests to the same totals.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

interface TestResult {
  name: string;
  passed: boolean;
  skipped: boolean;
}
interface Suite {
  tests: TestResult[];
  suites: Suite[];
}

function count(suite: Suite | undefined, totals: { passed: number; failed: number; skipped: number }): void {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites) count(child, totals);
}

export function jsonReporter(path: string) {
  return {
    onTestRunFinished({ sessions }: { sessions: { testResults?: Suite; passed?: boolean; errors?: unknown[] }[] }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load or run has no test results but is a failure.
        if (!session.testResults && session.passed === false) totals.failed++;
        else if (session.errors?.length) totals.failed++;
      }
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(
        path,
        JSON.stringify({
          numPassedTests: totals.passed,
          numFailedTests: totals.failed,
          numPendingTests: totals.skipped,
          numTotalTests: totals.passed + totals.failed + totals.skipped,
        }),
      );
    },
  };
}
