// Totals the JSON reports of every test run and prints one line: "N passed, N failed".
// Usage: node .ci/summarize.mjs <run-dir>...   Each run dir holds the runners' JSON reports and an
// `exit-code` file with the test command's status. A skipped test counts as failed (CI rule); a
// run whose command failed without any failing test (type check, lint, a crashed runner) counts
// as one failure, so a red run can never print "0 failed".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
for (const dir of process.argv.slice(2)) {
  let runFailed = 0;
  const reports = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  for (const file of reports) {
    const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    passed += report.numPassedTests ?? 0;
    runFailed += (report.numFailedTests ?? 0) + skipped;
    if (skipped) console.error(`${dir}/${file}: ${skipped} skipped test(s) counted as failed`);
  }
  const exitCode = existsSync(join(dir, 'exit-code')) ? Number(readFileSync(join(dir, 'exit-code'), 'utf8')) : 1;
  if (exitCode !== 0 && runFailed === 0) {
    console.error(`${dir}: the test command failed (exit ${exitCode}) outside any test; counted as 1 failed`);
    runFailed = 1;
  }
  failed += runFailed;
}
console.log(`${passed} passed, ${failed} failed`);
