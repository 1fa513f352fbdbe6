// The closing line of a CI log, from jest's JSON results: 'N passed, N failed, N skipped'.
// A suite that failed to run (an import error, an error thrown after its tests, say) fails the
// run without failing a test: it counts as one failure here, and is named above the line, so the
// totals never read '0 failed' for a red run.
import { readFileSync } from 'node:fs';

const results = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const suitesThatFailedToRun = results.testResults.filter(
  (suite) => suite.status === 'failed' && suite.assertionResults.every((test) => test.status !== 'failed'),
);
for (const suite of suitesThatFailedToRun) {
  const reason = (suite.message ?? '')
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line && !line.startsWith('●'));
  console.log(`suite failed to run: ${suite.name}: ${reason ?? 'no message'}`);
}
const failed = results.numFailedTests + suitesThatFailedToRun.length;
console.log(`${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests} skipped`);
