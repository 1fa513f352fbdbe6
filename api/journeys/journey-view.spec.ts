import type { WorkflowExecutionInfo } from '@temporalio/client';
import type { JourneyProgress } from '../../contracts/journey-contract';
import {
  journeyStageKey,
  journeyStatusKey,
  journeyTypeKey,
  patientRefKey,
} from '../../contracts/search-attributes';
import { auditedPatientRefs } from '../audit/audited-patients';
import { toDetailView, toSummaryView } from './journey-view';

type Execution = Parameters<typeof toSummaryView>[0];
type StatusName = WorkflowExecutionInfo['status']['name'];

const startTime = new Date('2026-03-01T08:00:00Z');

/** An execution as Temporal's visibility lists it, with the search attributes the journey sets. */
function execution(status: StatusName, attributes: Record<string, string>, closed = false): Execution {
  const byName = new Map<string, string>(Object.entries(attributes));
  return {
    workflowId: `appointment-reminder-${'a'.repeat(32)}`,
    type: 'appointmentReminderWorkflow',
    status: { name: status } as WorkflowExecutionInfo['status'],
    startTime,
    closeTime: closed ? new Date('2026-03-02T08:00:00Z') : undefined,
    typedSearchAttributes: { get: (key: { name: string }) => byName.get(key.name) },
  } as unknown as Execution;
}

const progress: JourneyProgress = {
  journey: 'appointment-reminder',
  status: 'active',
  stage: 'reminder-sent',
  startedAt: startTime.toISOString(),
  settingsVersion: 3,
  timeline: [],
  upcoming: [],
  deadlines: [],
  facts: {},
};

describe('journey views', () => {
  it('reads the journey type and stage from the search attributes, not the workflow function', () => {
    const view = toSummaryView(
      execution('RUNNING', {
        [journeyTypeKey.name]: 'appointment-reminder',
        [journeyStageKey.name]: 'booked',
      }),
    );
    expect(view).toEqual({
      id: `appointment-reminder-${'a'.repeat(32)}`,
      journey: 'appointment-reminder',
      status: 'active',
      stage: 'booked',
      startedAt: '2026-03-01T08:00:00.000Z',
    });
  });

  it.each([
    ['RUNNING', {}, 'active'],
    ['RUNNING', { [journeyStatusKey.name]: 'paused' }, 'paused'],
    ['COMPLETED', { [journeyStatusKey.name]: 'cancelled' }, 'cancelled'],
    ['COMPLETED', {}, 'completed'],
    ['TIMED_OUT', {}, 'timed-out'],
    ['CONTINUED_AS_NEW', {}, 'continued-as-new'],
  ] as Array<[StatusName, Record<string, string>, string]>)(
    'a %s execution with %j is listed as %s',
    (status, attributes, shown) => {
      expect(toSummaryView(execution(status, attributes, status !== 'RUNNING')).status).toBe(shown);
    },
  );

  it("keeps Temporal's word for a journey that ended abnormally, whatever its last progress said", () => {
    const terminated = toDetailView(execution('TERMINATED', {}, true), progress, 'http://ui');
    expect(terminated).toMatchObject({ status: 'terminated', closedAt: '2026-03-02T08:00:00.000Z' });
    const running = toDetailView(execution('RUNNING', {}), progress, 'http://ui');
    expect(running).toMatchObject({ status: 'active', stage: 'reminder-sent', settingsVersion: 3 });
  });

  it("marks a detail view as the patient's for the audit trail without sending the reference", () => {
    const view = toDetailView(execution('RUNNING', { [patientRefKey.name]: 'ref-1' }), progress, 'http://ui');
    expect(auditedPatientRefs({}, view)).toEqual(['ref-1']);
    expect(JSON.stringify(view)).not.toContain('ref-1');
  });
});
