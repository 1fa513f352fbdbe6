import type { Patient } from '@medplum/fhirtypes';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { EntityManager } from 'typeorm';
import type { FhirClient } from '../ehr/fhir-client';
import type { RoutingDecision } from './routing-decision';
import { isRecordedDeceased } from '../ehr/patient-vital-status';
import { type JourneyStarter } from '../journeys/journey-starter';
import { type ProgramSettingsStore } from '../../persistence/program-settings-store';
import { type PatientContactStore } from '../../persistence/patient-contact-store';
import {
  cancelJourneyUpdate,
  journeyEventUpdate,
  type JourneyEvent,
  type JourneyProgress,
} from '../../contracts/journey-contract';
import { findJourneyType, type JourneyType } from '../../workflows/journey-types';
import { ConsentApplier } from './consent-applier';
import { type EhrInbox, waitingSince } from './ehr-inbox';
import { JourneyTargets, type NoTarget, type TargetJourney } from './journey-targets';

type Decision = Exclude<RoutingDecision, { kind: 'ignore' }>;
type JourneyDecision = Extract<Decision, { kind: 'event' | 'cancel' }>;

export type JourneyResultKind =
  'started' | 'already-started' | 'already-running' | 'applied' | 'refused' | 'ended';

/** What happened at one journey; the id is opaque, the event a type name only. */
export interface JourneyResult {
  id: string;
  journey: string;
  result: JourneyResultKind;
  event?: string;
  reason?: string;
}

export interface Dispatched {
  outcome: 'applied' | 'started' | 'ignored';
  reason?: string;
  journeys: JourneyResult[];
  /** The event applied, kept in the inbox so a later version of the resource can tell what changed. */
  event?: JourneyEvent;
  /** No journey took it yet: the inbox keeps it waiting for the patient's journey to start. */
  beforeJourney?: boolean;
  /** Extra facts for the inbox outcome (consent: the channels set and when the patient decided). */
  details?: Record<string, unknown>;
}

export interface DispatchContext {
  manager: EntityManager;
  rowId: string;
  /** `Type/id` of the resource the decision is about, when it has an id. */
  resourceKey?: string;
  /** Temporal deduplicates updates by id: a redelivered event recovered after a crash is not applied twice. */
  updateId: string;
  /** Journeys started here holding their first step for the patient's kept events: the caller releases them (HZ-35). */
  held?: string[];
}

/**
 * Carries out a routing decision: starts journeys through the JourneyStarter, sends events
 * through each journey's own update (whose validator may refuse them: an ignored outcome, never
 * an error), cancels, or records consent. Temporal and database failures are thrown: the event
 * stays unapplied in the inbox and is applied when the EHR redelivers it.
 */
export class JourneyDispatcher {
  private readonly consent: ConsentApplier;
  private readonly targets: JourneyTargets;

  constructor(
    private readonly temporal: Client,
    private readonly fhir: FhirClient | null,
    private readonly inbox: EhrInbox,
    private readonly starter: JourneyStarter,
    settings: ProgramSettingsStore,
    contacts: PatientContactStore,
  ) {
    this.consent = new ConsentApplier(contacts);
    this.targets = new JourneyTargets(temporal, starter, inbox, settings, fhir);
  }

  patientRefOf(patientId: string): string {
    return this.starter.patientRefOf(patientId);
  }

  async dispatch(decision: Decision, context: DispatchContext): Promise<Dispatched> {
    switch (decision.kind) {
      case 'start':
        return this.start(decision, context);
      case 'event':
      case 'cancel':
        return this.signal(decision, context);
      case 'consent':
        return this.consent.apply(this.patientRefOf(decision.patientId), decision, context.manager);
    }
  }

  private async start(
    decision: Extract<Decision, { kind: 'start' }>,
    context: DispatchContext,
  ): Promise<Dispatched> {
    const type = findJourneyType(decision.journey)!;
    if (context.resourceKey) {
      // A resource starts a journey once: a later version of the same Condition or Encounter
      // must not re-enrol a patient whose journey has since ended.
      const linked = (
        await this.inbox.journeysLinkedTo(context.manager, [context.resourceKey], context.rowId)
      ).filter((id) => id.startsWith(`${type.id}-`));
      if (linked.length > 0) {
        return ignored(
          `${context.resourceKey} already started ${type.id} journey ${linked[0]}`,
          linked.map((id) => ({ id, journey: type.id, result: 'already-started' })),
        );
      }
    }
    const patient = await this.patientInEhr(decision.patientId);
    if (patient === 'unknown') {
      return ignored(`unknown patient: the EHR has no Patient/<id> for the subject, so nobody is enrolled`);
    }
    if (patient === 'deceased') {
      // Safety invariant 8: a journey for a patient who has died would only message or call about them.
      return ignored('the EHR records the patient as deceased: nobody is enrolled');
    }
    const outcome = await this.starter.start({
      type,
      patientId: decision.patientId,
      params: decision.params,
      // Kept events are read again from the EHR once the journey starts: none without a connection.
      ...(this.fhir
        ? { keptEvents: this.inbox.countWaitingFor(this.patientRefOf(decision.patientId), waitingSince()) }
        : {}),
    });
    if (outcome.started && outcome.keptEvents) context.held?.push(outcome.workflowId);
    if (!outcome.started && outcome.reason === 'settings') {
      return ignored(
        `program settings version ${outcome.settingsVersion} of ${type.id} do not fit its journey definition: nobody is enrolled until a designer publishes settings that do`,
      );
    }
    if (!outcome.started) {
      const problems = outcome.issues.map(
        (issue) => `${['params', ...issue.path.map(String)].join('.')} ${issue.message}`,
      );
      return ignored(`the resource does not make a valid ${type.id} enrolment: ${problems.join('; ')}`);
    }
    const journey: JourneyResult = {
      id: outcome.workflowId,
      journey: type.id,
      result: outcome.created ? 'started' : 'already-running',
    };
    if (!outcome.created && decision.whenRunning) {
      // One running journey of the type per patient: the new fact goes to it (a later emergency
      // visit restarts the running follow-up) instead of a second journey messaging in parallel.
      const running: TargetJourney = { id: outcome.workflowId, type, running: true };
      const applied = await this.update(
        running,
        decision.whenRunning,
        undefined,
        context.updateId,
        context.resourceKey,
      );
      return applied.result === 'applied'
        ? { outcome: 'applied', journeys: [applied], event: decision.whenRunning }
        : ignored(`${type.id}: ${applied.reason}`, [applied]);
    }
    return outcome.created
      ? { outcome: 'started', journeys: [journey] }
      : ignored(`the patient already has a running ${type.id} journey`, [journey]);
  }

  private async signal(decision: JourneyDecision, context: DispatchContext): Promise<Dispatched> {
    const takes = (type: JourneyType) =>
      decision.kind === 'cancel' ? decision.journeys.includes(type.id) : type.id in decision.events;
    const resolved = await this.targets.resolve(decision.target, decision.patientId, context, takes);
    if ('none' in resolved) return noTarget(resolved);
    const journeys: JourneyResult[] = [];
    if ('unchecked' in resolved) {
      for (const target of resolved.unchecked) {
        const result = await this.deliverIfRunning(target, decision, context);
        if (result) journeys.push(result);
      }
      if (journeys.length === 0) return noTarget(resolved.ifNoneRuns);
    } else {
      for (const target of resolved.targets) {
        journeys.push(
          target.running
            ? await this.deliver(target, decision, context)
            : { id: target.id, journey: target.type.id, result: 'ended', reason: 'the journey has ended' },
        );
      }
    }
    const applied = journeys.filter((journey) => journey.result === 'applied');
    if (applied.length === 0) {
      return ignored(journeys.map((journey) => `${journey.journey}: ${journey.reason}`).join('; '), journeys);
    }
    const firstEvent = decision.kind === 'event' ? decision.events[applied[0]!.journey] : undefined;
    return { outcome: 'applied', journeys, ...(firstEvent ? { event: firstEvent } : {}) };
  }

  private deliver(
    target: TargetJourney,
    decision: JourneyDecision,
    context: DispatchContext,
  ): Promise<JourneyResult> {
    return this.update(
      target,
      decision.kind === 'event' ? decision.events[target.type.id]! : undefined,
      decision.kind === 'cancel' ? decision.reason : undefined,
      context.updateId,
      context.resourceKey,
    );
  }

  /**
   * The decision sent to a journey not known to run: not found means it does not, and it is no
   * target (undefined), as when a describe had found it ended or absent.
   */
  private async deliverIfRunning(
    target: TargetJourney,
    decision: JourneyDecision,
    context: DispatchContext,
  ): Promise<JourneyResult | undefined> {
    const event = decision.kind === 'event' ? decision.events[target.type.id] : undefined;
    if (event && !target.type.eventSchema.safeParse(event).success) {
      // An invalid event is refused before it is sent; only a running journey refuses it.
      if (!(await this.targets.describe(target.id))?.running) return undefined;
    }
    const result = await this.deliver(target, decision, context);
    return result.result === 'ended' ? undefined : result;
  }

  private async update(
    target: TargetJourney,
    event: JourneyEvent | undefined,
    cancelReason: string | undefined,
    updateId: string,
    resourceKey: string | undefined,
  ): Promise<JourneyResult> {
    const base = { id: target.id, journey: target.type.id };
    const handle = this.temporal.workflow.getHandle(target.id);
    if (event) {
      const parsed = target.type.eventSchema.safeParse(event);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => issue.message).join('; ');
        return {
          ...base,
          result: 'refused',
          event: event.type,
          reason: `not a valid ${event.type} event: ${problems}`,
        };
      }
      return this.attempt(base, event.type, () =>
        handle.executeUpdate(journeyEventUpdate, {
          args: [parsed.data as JourneyEvent, { by: ehrCause(resourceKey) }],
          updateId,
        }),
      );
    }
    return this.attempt(base, 'cancel', () =>
      handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: cancelReason!, by: 'ehr' }], updateId }),
    );
  }

  /** The journey's validator refusing the change is an outcome, not a failure. */
  private async attempt(
    base: { id: string; journey: string },
    event: string,
    call: () => Promise<JourneyProgress>,
  ): Promise<JourneyResult> {
    try {
      await call();
      return { ...base, result: 'applied', event };
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        return {
          ...base,
          result: 'refused',
          event,
          reason: error.cause?.message ?? 'the journey refused it',
        };
      }
      if (error instanceof WorkflowNotFoundError) {
        return { ...base, result: 'ended', event, reason: 'the journey has ended' };
      }
      throw error;
    }
  }

  /**
   * Enrolment needs a patient the EHR knows and has not recorded as deceased; without an EHR
   * connection the subject is trusted. A transient EHR failure is thrown, so the event is
   * retried rather than judged.
   */
  private async patientInEhr(patientId: string): Promise<'unknown' | 'deceased' | 'known'> {
    if (!this.fhir) return 'known';
    const patient = await this.fhir.read<Patient>('Patient', patientId);
    if (patient === undefined) return 'unknown';
    return isRecordedDeceased(patient) ? 'deceased' : 'known';
  }
}

function noTarget(choice: NoTarget): Dispatched {
  return { ...ignored(choice.none), ...(choice.beforeJourney ? { beforeJourney: true } : {}) };
}

function ignored(reason: string, journeys: JourneyResult[] = []): Dispatched {
  return { outcome: 'ignored', reason, journeys };
}

/** The timeline's cause for an EHR-applied event: the resource type only (its id stays out). */
function ehrCause(resourceKey: string | undefined): string {
  const type = resourceKey?.split('/')[0];
  return type ? `EHR event (${type})` : 'EHR event';
}
