import type { components } from '../../generated/openapi';

/*
 * The dry run's rows as the migration page filters them, and the node mapping as a designer
 * types it ("old-node -> new-node", one a line). Pure: the page and its spec use them.
 */

export type MigrationRow = components['schemas']['MigrationJourneyPlanView'];
export type MigrationDryRun = components['schemas']['MigrationDryRunView'];
export type MigrationApplied = components['schemas']['MigrationApplyView'];

export interface RowFilters {
  /** A node id, or '' for any. */
  landsAt: string;
  sendsMessages: boolean;
  refusedOnly: boolean;
}

export const NO_ROW_FILTERS: RowFilters = { landsAt: '', sendsMessages: false, refusedOnly: false };

/** True when the move sends the patient something (new or repeated), not only skips. */
export function sendsMessages(row: MigrationRow): boolean {
  return (row.messages ?? []).some((message) => message.action !== 'skip');
}

export function filterRows(rows: readonly MigrationRow[], filters: RowFilters): MigrationRow[] {
  return rows.filter(
    (row) =>
      (filters.landsAt === '' || row.landsAt?.node === filters.landsAt) &&
      (!filters.sendsMessages || sendsMessages(row)) &&
      (!filters.refusedOnly || row.outcome === 'refused'),
  );
}

/** The nodes rows land at, for the filter's choices. */
export function landingNodes(rows: readonly MigrationRow[]): string[] {
  return [...new Set(rows.flatMap((row) => (row.landsAt ? [row.landsAt.node] : [])))].sort();
}

export type ParsedMapping = { mapping: Record<string, string> } | { problem: string };

/** "old -> new" per line; blank lines are ignored. */
export function parseMapping(text: string): ParsedMapping {
  const mapping: Record<string, string> = {};
  const lines = text.split('\n').map((line) => line.trim());
  for (const [index, line] of lines.entries()) {
    if (line === '') continue;
    const match = /^([a-z][a-z0-9-]*)\s*->\s*([a-z][a-z0-9-]*)$/.exec(line);
    if (!match) return { problem: `Line ${index + 1} must read "old-node -> new-node".` };
    mapping[match[1]!] = match[2]!;
  }
  return { mapping };
}
