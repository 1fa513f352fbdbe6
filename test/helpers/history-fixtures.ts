import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

/*
 * Replay fixtures: whole-journey histories recorded by the scenario tests and committed under
 * workflows/<journey>/histories/. The replay test runs today's workflow code over every one of
 * them, so a change that would break journeys already running fails CI instead of production.
 *
 * Record (or add) fixtures with:  CAREPATH_RECORD_HISTORIES=1 npx jest <journey test file>
 * Never re-record the fixtures of a released journey to make a failing replay pass: put the
 * change behind `patched()` instead.
 */

const WORKFLOWS_DIR = join(__dirname, '..', '..', 'workflows');
export const RECORD_HISTORIES = process.env.CAREPATH_RECORD_HISTORIES === '1';

export async function recordHistoryFixture(
  handle: WorkflowHandle,
  journey: string,
  scenario: string,
): Promise<void> {
  if (!RECORD_HISTORIES) return;
  const dir = join(WORKFLOWS_DIR, journey, 'histories');
  mkdirSync(dir, { recursive: true });
  const history = await handle.fetchHistory();
  writeFileSync(
    join(dir, `${scenario}.json`),
    `${JSON.stringify(JSON.parse(historyToJSON(history)), null, 1)}\n`,
  );
}

export interface HistoryFixture {
  name: string;
  workflowId: string;
  history: unknown;
}

export function historyFixtures(): HistoryFixture[] {
  return readdirSync(WORKFLOWS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((journey) => {
      const dir = join(WORKFLOWS_DIR, journey.name, 'histories');
      let files: string[];
      try {
        files = readdirSync(dir).filter((file) => file.endsWith('.json'));
      } catch {
        return [];
      }
      return files.sort().map((file) => {
        const history = JSON.parse(readFileSync(join(dir, file), 'utf8')) as HistoryFixture['history'];
        return {
          name: relative(WORKFLOWS_DIR, join(dir, file)),
          workflowId: `replay-${journey.name}-${file}`,
          history,
        };
      });
    });
}
