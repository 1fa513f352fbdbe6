import type { Client } from '@temporalio/client';
import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import { tsToMs } from '@temporalio/common/lib/time';
import type { temporal } from '@temporalio/proto';
import { nextDeadlineKey } from '../../contracts/search-attributes';
import { DEADLINE_SORT_LIMIT } from './dto/list-journeys.query';

type RawExecution = temporal.api.workflow.v1.IWorkflowExecutionInfo;

/** Visibility rows per call while reading them: the server's own maximum page. */
const SCAN_PAGE = 1_000;

/**
 * Where a next-deadline list continues: at an offset into the journeys sorted by their deadline,
 * or, past them, at Temporal's own page token through the journeys without one (newest first).
 * `cutoff`: journeys due at or after it did not fit the sorted part and follow with the rest.
 */
export type DeadlineCursor = { sorted: number; cutoff?: string } | { rest: string; cutoff?: string };

export interface DeadlinePage {
  executions: RawExecution[];
  next?: DeadlineCursor;
  /** More running journeys with a deadline matched than the sorted part holds. */
  truncated: boolean;
}

/**
 * Journeys sorted by `CarepathNextDeadline` across pages. SQL visibility (dev server, PostgreSQL)
 * cannot ORDER BY a custom attribute, so the running journeys with an open deadline are read from
 * visibility (search attributes only: no journey is queried) and sorted here: due first first,
 * ties newest first, then by id. Journeys without one (none open, ended, or running since before
 * journeys wrote it) follow in visibility's own order, newest first. Each page reads the sorted
 * part again: an offset is cheap to seal and the order stays current, at the cost that a journey
 * whose deadline moved between two pages may show twice or not at all.
 */
export class NextDeadlineListing {
  constructor(
    private readonly service: Client['workflowService'],
    private readonly namespace: string,
    private readonly limit = DEADLINE_SORT_LIMIT,
  ) {}

  async page(
    filter: string,
    pageSize: number,
    cursor: DeadlineCursor = { sorted: 0 },
  ): Promise<DeadlinePage> {
    if ('rest' in cursor) {
      const rest = await this.rest(filter, cursor.cutoff, pageSize, Buffer.from(cursor.rest, 'base64'));
      return { ...rest, truncated: cursor.cutoff !== undefined };
    }
    const cutoff = cursor.cutoff ?? (await this.cutoff(filter));
    const sorted = await this.sorted(filter, cutoff);
    const executions = sorted.slice(cursor.sorted, cursor.sorted + pageSize);
    const keep = cutoff === undefined ? {} : { cutoff };
    const truncated = cutoff !== undefined;
    if (cursor.sorted + pageSize < sorted.length) {
      return { executions, next: { sorted: cursor.sorted + pageSize, ...keep }, truncated };
    }
    const room = pageSize - executions.length;
    if (room === 0) return { executions, next: { rest: '', ...keep }, truncated };
    const rest = await this.rest(filter, cutoff, room);
    return { ...rest, executions: [...executions, ...rest.executions], truncated };
  }

  /** The running journeys with a deadline (due before `cutoff`, when one is set), sorted. */
  private async sorted(filter: string, cutoff: string | undefined): Promise<RawExecution[]> {
    const due = `${withDeadline(filter)}${cutoff ? ` AND ${nextDeadlineKey.name} < '${cutoff}'` : ''}`;
    const ranked: Array<{ execution: RawExecution; due: number; started: number; id: string }> = [];
    let token: Uint8Array | undefined;
    do {
      const response = await this.service.listWorkflowExecutions({
        namespace: this.namespace,
        query: due,
        pageSize: SCAN_PAGE,
        nextPageToken: token,
      });
      for (const execution of response.executions) {
        const dueAt = decodeTypedSearchAttributes(execution.searchAttributes?.indexedFields).get(
          nextDeadlineKey,
        );
        ranked.push({
          execution,
          due: dueAt?.getTime() ?? Number.POSITIVE_INFINITY,
          started: execution.startTime ? tsToMs(execution.startTime) : 0,
          id: execution.execution?.workflowId ?? '',
        });
      }
      token = response.nextPageToken?.length ? response.nextPageToken : undefined;
    } while (token && ranked.length < this.limit);
    ranked.sort((a, b) => a.due - b.due || b.started - a.started || a.id.localeCompare(b.id));
    return ranked.slice(0, this.limit).map((entry) => entry.execution);
  }

  /**
   * When more than the limit have a deadline, the due time before which at most the limit fall
   * (counted, not read): the journeys due first are sorted, whichever were started when.
   */
  private async cutoff(filter: string): Promise<string | undefined> {
    const count = async (before?: number) =>
      Number(
        (
          await this.service.countWorkflowExecutions({
            namespace: this.namespace,
            query: `${withDeadline(filter)}${before === undefined ? '' : ` AND ${nextDeadlineKey.name} < '${new Date(before).toISOString()}'`}`,
          })
        ).count ?? 0,
      );
    if ((await count()) <= this.limit) return undefined;
    // Whole seconds, from 1970 to 2100: about 32 counts, and only for lists this large.
    let fits = 0;
    let overflows = Date.UTC(2100, 0, 1);
    while (overflows - fits > 1000) {
      const middle = Math.floor((fits + overflows) / 2000) * 1000;
      if ((await count(middle)) <= this.limit) fits = middle;
      else overflows = middle;
    }
    return new Date(fits).toISOString();
  }

  /** The journeys that are not in the sorted part, in visibility's order (newest first). */
  private async rest(
    filter: string,
    cutoff: string | undefined,
    pageSize: number,
    token?: Uint8Array,
  ): Promise<{ executions: RawExecution[]; next?: DeadlineCursor }> {
    const later = cutoff ? ` OR ${nextDeadlineKey.name} >= '${cutoff}'` : '';
    const response = await this.service.listWorkflowExecutions({
      namespace: this.namespace,
      query: `(${filter}) AND (ExecutionStatus != 'Running' OR ${nextDeadlineKey.name} IS NULL${later})`,
      pageSize,
      nextPageToken: token?.length ? token : undefined,
    });
    const next = response.nextPageToken?.length
      ? { rest: Buffer.from(response.nextPageToken).toString('base64'), ...(cutoff ? { cutoff } : {}) }
      : undefined;
    return { executions: response.executions, ...(next ? { next } : {}) };
  }
}

/** Only a running journey's deadline counts: one terminated by hand keeps its last attribute. */
function withDeadline(filter: string): string {
  return `(${filter}) AND ExecutionStatus = 'Running' AND ${nextDeadlineKey.name} IS NOT NULL`;
}
