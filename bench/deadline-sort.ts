import { findJourneyType } from '../workflows/journey-types';
import { journeyTypeKey, nextDeadlineKey } from '../contracts/search-attributes';
import { NextDeadlineListing } from '../api/journeys/next-deadline-listing';
import type { BenchStack } from './bench-stack';
import { summarize, type LatencySummary } from './percentiles';
import { runPool } from './promise-pool';
import { startJourneyRaw } from './raw-journey-start';

const ENROL_CONCURRENCY = 32;
const READS = 20;
const DAY = 24 * 3600_000;

export interface DeadlineSort {
  journeys: number;
  journey: string;
  /** From the first start until every card's CarepathNextDeadline was visible. */
  allDatedSeconds: number;
  apiNewestFirstMs: LatencySummary;
  apiByNextDeadlineMs: LatencySummary;
  /** Page 5 of the deadline order, read with the token page 4 gave. */
  apiByNextDeadlinePage5Ms: LatencySummary;
  /** What the sort itself costs, without the API's per-row deadline queries: one visibility page of 50 ... */
  rawVisibilityPageMs: LatencySummary;
  /** ... against reading every card with a deadline from visibility and sorting them. */
  rawSortedPageMs: LatencySummary;
}

/**
 * Oncology cards with clocks started over the past 60 days, each with an open deadline: what the
 * patients list takes to answer a page sorted by next deadline across all of them (every running
 * journey with a deadline read from visibility and sorted), against the newest-first page.
 */
export async function measureDeadlineSort(
  stack: BenchStack,
  journeys: number,
  log: (message: string) => void,
): Promise<DeadlineSort> {
  const type = findJourneyType('oncology-fast-track')!;
  const runId = Date.now().toString(36);
  const began = performance.now();
  await runPool(journeys, ENROL_CONCURRENCY, async (index) => {
    const clockStartAt = new Date(Date.now() - ((index * 7919) % 60) * DAY).toISOString();
    await startJourneyRaw(stack, type, `sort-${runId}-${index}`, {
      cardId: `card-${runId}-${index}`,
      clockStartAt,
      timeZone: 'Europe/Warsaw',
    });
  });
  const dated = `${journeyTypeKey.name} = '${type.id}' AND ${nextDeadlineKey.name} IS NOT NULL AND ExecutionStatus = 'Running'`;
  while ((await stack.temporal.workflow.count(dated)).count < journeys) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const allDatedSeconds = Math.round((performance.now() - began) / 100) / 10;
  log(`  all ${journeys} cards carry their next deadline after ${allDatedSeconds} s`);

  const list = `/api/journeys?journey=${type.id}`;
  const sorted = `${list}&sort=next-deadline`;
  let page5Token = '';
  for (let page = 1; page < 5; page += 1) {
    page5Token = (await apiGet(stack.apiBaseUrl, `${sorted}${page5Token ? `&pageToken=${page5Token}` : ''}`))
      .nextPageToken!;
  }
  const timed = async (read: () => Promise<unknown>) => {
    const values: number[] = [];
    for (let index = 0; index < READS; index += 1) {
      const start = performance.now();
      await read();
      values.push(performance.now() - start);
    }
    return summarize(values);
  };
  const timedReads = (path: string) => timed(() => apiGet(stack.apiBaseUrl, path));
  const { namespace } = stack.temporal.options;
  const filter = `${journeyTypeKey.name} = '${type.id}'`;
  const listing = new NextDeadlineListing(stack.temporal.workflowService, namespace);
  return {
    journeys,
    journey: type.id,
    allDatedSeconds,
    apiNewestFirstMs: await timedReads(list),
    apiByNextDeadlineMs: await timedReads(sorted),
    apiByNextDeadlinePage5Ms: await timedReads(`${sorted}&pageToken=${page5Token}`),
    rawVisibilityPageMs: await timed(() =>
      stack.temporal.workflowService.listWorkflowExecutions({ namespace, query: filter, pageSize: 50 }),
    ),
    rawSortedPageMs: await timed(() => listing.page(filter, 50)),
  };
}

async function apiGet(baseUrl: string, path: string): Promise<{ nextPageToken?: string }> {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { Authorization: 'Bearer dev-operator-key' },
  });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return (await response.json()) as { nextPageToken?: string };
}
