import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SCRIPT = resolve(__dirname, '..', '..', '.ci', 'jest-totals.mjs');

/** Runs the closing-line script on jest JSON results, as `.ci/run` does. */
function totals(results: object): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'carepath-jest-totals-')), 'results.json');
  writeFileSync(file, JSON.stringify(results));
  return execFileSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' }).trim().split('\n');
}

const passedSuite = {
  name: '/repo/a.test.ts',
  status: 'passed',
  message: '',
  assertionResults: [{ status: 'passed' }],
};

describe("CI's closing totals line", () => {
  test('counts passed, failed and skipped tests', () => {
    const lines = totals({
      numPassedTests: 3,
      numFailedTests: 1,
      numPendingTests: 2,
      testResults: [
        passedSuite,
        {
          name: '/repo/b.test.ts',
          status: 'failed',
          message: '  ● b › fails\n\n    expected 1',
          assertionResults: [{ status: 'failed' }, { status: 'passed' }],
        },
      ],
    });
    expect(lines).toEqual(['3 passed, 1 failed, 2 skipped']);
  });

  test('a suite that failed to run counts as failed and is named, though every test in it passed', () => {
    const lines = totals({
      numPassedTests: 4,
      numFailedTests: 0,
      numPendingTests: 0,
      testResults: [
        passedSuite,
        {
          name: '/repo/test/drills/provider-outage.drill.test.ts',
          status: 'failed',
          message: '  ● Test suite failed to run\n\n    Channel has been shut down\n\n      at retry',
          assertionResults: [{ status: 'passed' }],
        },
      ],
    });
    expect(lines).toEqual([
      'suite failed to run: /repo/test/drills/provider-outage.drill.test.ts: Channel has been shut down',
      '4 passed, 1 failed, 0 skipped',
    ]);
  });
});
