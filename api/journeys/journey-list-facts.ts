import type { Client } from '@temporalio/client';
import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow';
import { progressQuery, type DeadlineView, type JourneyInput } from '../../contracts/journey-contract';
import { openDeadlines } from '../../contracts/open-deadlines';
import type { FhirClient } from '../../shared/ehr/fhir-client';
import { patientsFromEhr } from '../staff-tasks/staff-task-patients';
import type { JourneySummaryView } from './dto/journey-views';

/** How long one list page waits for running journeys' deadlines before it answers without them. */
const FACTS_LOOKUP_MS = 2_000;

/** What the list shows of a journey's deadlines: the next one due and since when one is overdue. */
export function deadlineFacts(
  deadlines: readonly DeadlineView[],
): Pick<JourneySummaryView, 'nextDeadline' | 'overdueSince'> {
  const open = openDeadlines(deadlines);
  const next = open[0];
  const overdue = open.find((deadline) => deadline.status === 'breached');
  return {
    ...(next ? { nextDeadline: { label: next.label, dueAt: next.dueAt } } : {}),
    ...(overdue ? { overdueSince: overdue.dueAt } : {}),
  };
}

/**
 * One page's running journeys asked for their deadlines (one progress query each, ≤ a page, all
 * at once, bounded in time): a journey whose worker does not answer in time shows none.
 */
export async function withDeadlineFacts(
  temporal: Client,
  items: JourneySummaryView[],
): Promise<JourneySummaryView[]> {
  const facts = new Map<string, ReturnType<typeof deadlineFacts>>();
  const running = items.filter((item) => item.status === 'active' || item.status === 'paused');
  const read = Promise.all(
    running.map((item) =>
      temporal
        .withDeadline(Date.now() + FACTS_LOOKUP_MS, () =>
          temporal.workflow.getHandle(item.id).query(progressQuery),
        )
        .then((progress) => facts.set(item.id, deadlineFacts(progress.deadlines ?? [])))
        .catch(() => undefined),
    ),
  );
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, FACTS_LOOKUP_MS).unref());
  await Promise.race([read, timeout]);
  return items.map((item) => ({ ...item, ...facts.get(item.id) }));
}

/**
 * Operators see each journey's patient: the EHR id comes from the journey's own (encrypted) input,
 * the first event of its history, and the name and birth date from the EHR through the work
 * list's reader. Nothing is stored or logged; the patients shown (by reference) go to the audit trail.
 */
export async function withPatients(
  temporal: Client,
  namespace: string,
  fhir: FhirClient | null,
  rows: ReadonlyArray<{ item: JourneySummaryView; runId: string; patientRef?: string }>,
): Promise<{ items: JourneySummaryView[]; patientRefsShown: string[] }> {
  const patientIds = await Promise.all(
    rows.map(({ item, runId }) => enrolledPatientId(temporal, namespace, item.id, runId).catch(() => null)),
  );
  const patients = await patientsFromEhr(fhir, patientIds);
  const items = rows.map(({ item }, index) => {
    const id = patientIds[index];
    return { ...item, patient: id ? (patients.get(id) ?? null) : null };
  });
  const patientRefsShown = rows
    .filter((row, index) => row.patientRef && items[index]!.patient)
    .map((row) => row.patientRef!);
  return { items, patientRefsShown: [...new Set(patientRefsShown)] };
}

async function enrolledPatientId(
  temporal: Client,
  namespace: string,
  workflowId: string,
  runId: string,
): Promise<string | null> {
  const { history } = await temporal.workflowService.getWorkflowExecutionHistory({
    namespace,
    execution: { workflowId, runId },
    maximumPageSize: 1,
  });
  const payloads = history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads;
  const input = await decodeFromPayloadsAtIndex<JourneyInput<unknown>>(
    temporal.options.loadedDataConverter,
    0,
    payloads,
  );
  return typeof input?.patientId === 'string' ? input.patientId : null;
}
