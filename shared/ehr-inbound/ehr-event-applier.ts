import type { Resource } from '@medplum/fhirtypes';
import type { Client } from '@temporalio/client';
import type { FhirClient } from '../ehr/fhir-client';
import { releaseKeptEventsHold } from '../journeys/kept-events-release';
import { loggableError } from '../telemetry/loggable-error';
import { storableResourceId, type InboundEntry } from './event-entries';
import { requireValidFhirResource } from './fhir-validation';
import { InboundRejection } from './inbound-rejection';
import { type EhrInbox, waitingSince, type ResourceIdentity } from './ehr-inbox';
import { EhrEventRouter } from './ehr-event-router';
import { JourneyDispatcher } from './journey-dispatcher';
import { DefinitionJourneyRouter } from './definition-journey-router';
import type { JourneyStarter } from '../journeys/journey-starter';
import type { ProgramSettingsStore } from '../../persistence/program-settings-store';
import type { PatientContactStore } from '../../persistence/patient-contact-store';
import type { JourneyDefinitionStore } from '../../persistence/journey-definition-store';
import {
  baseView,
  duplicateOf,
  outcomeView,
  summarize,
  type EntryOutcome,
  type PendingEntry,
  type Resolution,
} from './entry-outcome';

/** Where the applier says what it did: counts and error names only, never a resource or a patient. */
export interface EhrEventLog {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Applies stored EHR events exactly once, each in its own inbox transaction under the row lock,
 * and delivers the events kept from before a patient's journey to the journey that starts
 * (HZ-35). Both processes use it: the API for the events it receives and the journeys it starts,
 * the worker's cohort finder for the journeys it starts. A Temporal or database failure leaves
 * the event `failed`, for its redelivery.
 */
export class EhrEventApplier {
  constructor(
    private readonly inbox: EhrInbox,
    private readonly router: EhrEventRouter,
    private readonly fhir: FhirClient | null,
    private readonly temporal: Client,
    private readonly logger: EhrEventLog,
  ) {}

  /** The resource to route: carried in the request, or read from the EHR for id-only events. */
  async resolve(entry: InboundEntry): Promise<Resolution> {
    if (entry.nothingToApply) return { ignore: entry.nothingToApply };
    if (entry.resource) return { resource: entry.resource };
    return this.readFromEhr(entry.fetch!);
  }

  /** Reads an event's focus from the EHR: the current version of `Type/id`. */
  private async readFromEhr(reference: string): Promise<Resolution> {
    if (!this.fhir) {
      return {
        ignore: `id-only event, but no EHR connection (FHIR_BASE_URL) is configured to read ${reference}`,
      };
    }
    let fetched: Resource | undefined;
    try {
      fetched = await this.fhir.readReference(reference);
    } catch (error) {
      // The message names the reference and the status, never the resource body.
      this.logger.warn(
        `Reading an id-only event's focus failed: ${error instanceof Error ? error.name : 'error'}`,
      );
      return { retry: `the EHR could not be read for ${reference}; send the event again` };
    }
    if (!fetched) return { ignore: `${reference} is not in the EHR (not found or deleted)` };
    try {
      return { resource: requireValidFhirResource(fetched) };
    } catch (error) {
      const reason =
        error instanceof InboundRejection ? error.problems.map((p) => `${p.field}: ${p.message}`) : [];
      return { ignore: `the EHR returned an invalid ${fetched.resourceType}: ${reason.join('; ')}` };
    }
  }

  async apply({ entry, row, resolution }: PendingEntry): Promise<EntryOutcome> {
    /** Journeys this event started that hold their first step for the patient's kept events. */
    const held: string[] = [];
    const base = baseView(entry, 'resource' in resolution ? resolution.resource : undefined);
    if ('retry' in resolution) {
      await this.inbox.process(row.id, async () => ({
        status: 'failed',
        outcome: { outcome: 'failed', reason: resolution.retry },
      }));
      return { ...base, outcome: 'failed', reason: resolution.retry };
    }
    try {
      const { row: result, alreadyFinal } = await this.inbox.process(
        row.id,
        (locked, manager, history) =>
          'ignore' in resolution
            ? Promise.resolve({
                status: 'ignored',
                outcome: { outcome: 'ignored', reason: resolution.ignore },
              })
            : this.router.route(resolution.resource, locked, manager, history, held),
        'resource' in resolution ? identityOf(resolution.resource) : undefined,
      );
      if (alreadyFinal) return duplicateOf(entry, result);
      const view = outcomeView(result);
      if (view.outcome === 'started' && result.patientRef)
        await this.deliverKeptEvents(result.patientRef, held);
      else for (const id of held) await this.release(id, 0);
      return { ...base, ...view };
    } catch (error) {
      // Temporal or the database failed: the row stays unapplied and the redelivery applies it.
      this.logger.error(`Applying an EHR event failed: ${loggableError(error)}`);
      // A journey it started anyway goes on now: its redelivery finds it running, not starting.
      for (const id of held) await this.release(id, 0);
      await this.inbox
        .process(row.id, async () => ({
          status: 'failed',
          outcome: { outcome: 'failed', reason: 'not applied yet' },
        }))
        .catch(() => undefined);
      return {
        ...base,
        outcome: 'failed',
        reason: 'could not be applied now (a service is unavailable); send it again',
      };
    }
  }

  /**
   * How many events are kept for the patient that a journey starting now would take: asked beside
   * the enrolment's other checks, so the journey holds its first step for them (HZ-35). None
   * without an EHR connection: kept events are read again from the EHR, or not applied at all.
   */
  keptEventsFor(patientRef: string): Promise<number> {
    return this.fhir ? this.inbox.countWaitingFor(patientRef, waitingSince()) : Promise.resolve(0);
  }

  /**
   * The kept events applied to the patient's new journey (`applyEventsThatCameFirst`), then each
   * journey started holding for them (`held`) released to take its first step: also when none
   * applied or the EHR could not be read, so a hold never outlives the call that started it.
   * Called again (a retried start), it applies only what is still kept (the inbox row lock and
   * the update ids: an event is never applied twice) and releases again (a fixed update id).
   */
  async deliverKeptEvents(patientRef: string, held: readonly string[]): Promise<void> {
    let outcomes: EntryOutcome[] = [];
    try {
      outcomes = await this.applyEventsThatCameFirst(patientRef);
    } finally {
      for (const id of held) {
        const applied = outcomes.filter((outcome) =>
          outcome.journeys?.some((journey) => journey.id === id && journey.result === 'applied'),
        ).length;
        await this.release(id, applied);
      }
    }
  }

  /** A failed release is logged, not thrown: the journey's hold times out on its own (HZ-35). */
  private async release(workflowId: string, applied: number): Promise<void> {
    try {
      await releaseKeptEventsHold(this.temporal, workflowId, applied);
    } catch (error) {
      this.logger.warn(`Releasing a journey held for kept EHR events failed: ${loggableError(error)}`);
    }
  }

  /**
   * Events that came before the patient's journey started (see WAITING_FOR_JOURNEY_DAYS), applied
   * now that it has, earliest clinical time first: by an EHR event, by the API's enrolment and by
   * the cohort finder's (HZ-35). The inbox keeps no resources, so each is read again from the
   * EHR; without an EHR connection they are applied when the EHR sends them again. An event the
   * EHR cannot be read for now stays waiting for the patient's next journey start, rather than
   * being lost.
   */
  private async applyEventsThatCameFirst(patientRef: string): Promise<EntryOutcome[]> {
    if (!this.fhir) return [];
    const since = waitingSince().getTime();
    const waiting = (await this.inbox.waitingFor(patientRef)).filter(
      (row) => row.receivedAt.getTime() >= since && row.resourceType && row.resourceId,
    );
    const outcomes: EntryOutcome[] = [];
    for (const row of waiting) {
      const resolution = await this.readFromEhr(`${row.resourceType}/${row.resourceId}`);
      if ('retry' in resolution) continue;
      const entry: InboundEntry = {
        index: outcomes.length,
        source: row.source as InboundEntry['source'],
        dedupeKey: row.dedupeKey,
      };
      outcomes.push(await this.apply({ entry, row, resolution }));
    }
    if (waiting.length > 0)
      this.logger.log(
        `EHR events that came before the journey: ${summarize(outcomes)}` +
          (outcomes.length < waiting.length
            ? `; ${waiting.length - outcomes.length} left waiting (EHR unreadable)`
            : ''),
      );
    return outcomes;
  }
}

/** What the inbox finds the resource's other events by: its type, storable id and version. */
function identityOf(resource: Resource): ResourceIdentity {
  const id = storableResourceId(resource);
  const version = resource.meta?.versionId;
  return { type: resource.resourceType, ...(id ? { id } : {}), ...(id && version ? { version } : {}) };
}

/** The applier as both processes build it, once, at their composition root. */
export function createEhrEventApplier(deps: {
  inbox: EhrInbox;
  temporal: Client;
  /** The EHR kept events are read again from; without one, none is applied (nor counted). */
  fhir: FhirClient | null | undefined;
  starter: JourneyStarter;
  settings: ProgramSettingsStore;
  contacts: PatientContactStore;
  definitions: JourneyDefinitionStore;
  logger: EhrEventLog;
}): EhrEventApplier {
  const fhir = deps.fhir ?? null;
  const dispatcher = new JourneyDispatcher(
    deps.temporal,
    fhir,
    deps.inbox,
    deps.starter,
    deps.settings,
    deps.contacts,
  );
  const definitionJourneys = new DefinitionJourneyRouter(deps.temporal, fhir, deps.starter, deps.definitions);
  return new EhrEventApplier(
    deps.inbox,
    new EhrEventRouter(dispatcher, definitionJourneys),
    fhir,
    deps.temporal,
    deps.logger,
  );
}
