import { describe, expect, test } from '@jest/globals';
import type { Client } from '@temporalio/client';
import { encodeUnifiedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import { msToTs } from '@temporalio/common/lib/time';
import { nextDeadlineKey } from '../../contracts/search-attributes';
import { NextDeadlineListing, type DeadlineCursor } from './next-deadline-listing';

interface Journey {
  id: string;
  started: number;
  due?: number;
  running?: boolean;
}

const DAY = 24 * 60 * 60 * 1000;
const at = (day: number) => Date.UTC(2026, 10, 1) + day * DAY;

/**
 * Visibility as the listing uses it: the clauses it adds (running with a deadline, before or from
 * a cutoff, or the rest) on top of the caller's filter, which this fake ignores; newest first,
 * paged by offset tokens.
 */
function fakeVisibility(journeys: Journey[]) {
  const calls: string[] = [];
  const matching = (query: string) => {
    const before = /CarepathNextDeadline < '([^']+)'/.exec(query)?.[1];
    const from = /CarepathNextDeadline >= '([^']+)'/.exec(query)?.[1];
    const withDeadline = (journey: Journey) =>
      journey.running !== false &&
      journey.due !== undefined &&
      (before === undefined || journey.due < Date.parse(before));
    const rest = (journey: Journey) =>
      journey.running === false ||
      journey.due === undefined ||
      (from !== undefined && journey.due >= Date.parse(from));
    return journeys
      .filter(query.includes('IS NOT NULL') ? withDeadline : rest)
      .sort((a, b) => b.started - a.started);
  };
  const service = {
    async listWorkflowExecutions(request: { query: string; pageSize: number; nextPageToken?: Uint8Array }) {
      calls.push(request.query);
      const offset = request.nextPageToken ? Number(Buffer.from(request.nextPageToken).toString()) : 0;
      const all = matching(request.query);
      const page = all.slice(offset, offset + request.pageSize);
      const end = offset + page.length;
      return {
        executions: page.map((journey) => ({
          execution: { workflowId: journey.id },
          startTime: msToTs(journey.started),
          searchAttributes: {
            indexedFields: encodeUnifiedSearchAttributes(
              undefined,
              journey.due === undefined ? [] : [{ key: nextDeadlineKey, value: new Date(journey.due) }],
            ),
          },
        })),
        nextPageToken: end < all.length ? Buffer.from(String(end)) : Buffer.alloc(0),
      };
    },
    async countWorkflowExecutions(request: { query: string }) {
      return { count: matching(request.query).length };
    },
  };
  return { service: service as unknown as Client['workflowService'], calls };
}

/** Every page of the list, following its cursors. */
async function readAll(listing: NextDeadlineListing, pageSize: number) {
  const pages: string[][] = [];
  let cursor: DeadlineCursor | undefined;
  let truncated = false;
  do {
    const page = await listing.page("CarepathJourney = 'x'", pageSize, cursor);
    pages.push(page.executions.map((execution) => execution.execution!.workflowId!));
    truncated ||= page.truncated;
    cursor = page.next;
  } while (cursor);
  return { pages, truncated };
}

describe(NextDeadlineListing.name, () => {
  const journeys: Journey[] = [
    { id: 'most-overdue-oldest', started: at(0), due: at(10) },
    { id: 'none-old', started: at(1) },
    { id: 'later', started: at(2), due: at(40) },
    { id: 'ended-with-stale-deadline', started: at(3), due: at(5), running: false },
    { id: 'soon-a', started: at(4), due: at(20) },
    { id: 'soon-b-newer', started: at(5), due: at(20) },
    { id: 'none-new', started: at(6) },
  ];

  test('sorts across pages: most overdue first, ties newest first, then journeys without one newest first', async () => {
    const { service } = fakeVisibility(journeys);
    const { pages, truncated } = await readAll(new NextDeadlineListing(service, 'ns'), 2);
    expect(pages).toEqual([
      ['most-overdue-oldest', 'soon-b-newer'],
      ['soon-a', 'later'],
      ['none-new', 'ended-with-stale-deadline'],
      ['none-old'],
    ]);
    expect(truncated).toBe(false);
  });

  test('a page that ends the sorted journeys fills up with the rest, which continues by its own token', async () => {
    const { service } = fakeVisibility(journeys);
    const { pages } = await readAll(new NextDeadlineListing(service, 'ns'), 3);
    expect(pages).toEqual([
      ['most-overdue-oldest', 'soon-b-newer', 'soon-a'],
      ['later', 'none-new', 'ended-with-stale-deadline'],
      ['none-old'],
    ]);
  });

  test('past the limit, the journeys due first are sorted (counted, not read) and the others follow the rest', async () => {
    const { service, calls } = fakeVisibility(journeys);
    const { pages, truncated } = await readAll(new NextDeadlineListing(service, 'ns', 3), 10);
    expect(pages).toEqual([
      [
        'most-overdue-oldest',
        'soon-b-newer',
        'soon-a',
        'none-new',
        'ended-with-stale-deadline',
        'later',
        'none-old',
      ],
    ]);
    expect(truncated).toBe(true);
    // The caller's filter stays one clause, whatever the listing adds.
    for (const query of calls) expect(query.startsWith("(CarepathJourney = 'x') AND ")).toBe(true);
  });
});
