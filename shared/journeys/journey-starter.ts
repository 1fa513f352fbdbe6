import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Patient } from '@medplum/fhirtypes';
import type { z } from 'zod';
import type { JourneyInput } from '../../contracts/journey-contract';
import type { CatalogueJourney } from './catalogue-journey';
import { ENROLMENT_NOTES_MEMO } from '../../contracts/journey-contract';
import {
  journeyStageKey,
  journeyStatusKey,
  journeyTypeKey,
  patientRefKey,
} from '../../contracts/search-attributes';
import type { ProgramSettingsStore } from '../../persistence/program-settings-store';
import type { PatientContactStore } from '../../persistence/patient-contact-store';
import type { AppConfig } from '../../config/app-config';
import type { FhirClient } from '../ehr/fhir-client';
import type { CarepathMetrics } from '../telemetry/carepath-metrics';
import { journeyWorkflowId, patientRefFor } from './patient-ref';
import { programToPin } from './program-to-pin';
import {
  organisationZoneNote,
  patientTimeZoneReader,
  type PatientTimeZoneReader,
  type ResolvedTimeZone,
} from './patient-time-zone';

export interface JourneyStarterOptions {
  taskQueue: string;
  pseudonymKey: string;
  /** `ORGANISATION_TIME_ZONE` (config): the zone of a patient whose own zone nobody recorded. */
  organisationTimeZone: string;
  /** The patient's zone from the EHR or contact preferences; absent: nobody can tell (tests). */
  patientTimeZone?: PatientTimeZoneReader;
  /** Counts enrolments by journey type and outcome (the process's `/metrics`). */
  metrics?: Pick<CarepathMetrics, 'journeyStarted'>;
}

/** What the starter needs of a journey: a coded module or a catalogue entry (a definition, pinned). */
export type StartableJourney = Pick<
  CatalogueJourney,
  'id' | 'workflowType' | 'paramsSchema' | 'settingsSchema' | 'instanceKey' | 'workflowParams' | 'memo'
> &
  Partial<Pick<CatalogueJourney, 'definition'>>;

export interface StartRequest {
  type: StartableJourney;
  /** The EHR patient id; only its keyed hash reaches ids and search attributes. */
  patientId: string;
  params: unknown;
  /**
   * A check the caller makes before any start (the API's deceased check): it runs while the
   * starter reads the patient's zone and the program settings, and a rejection stops the start.
   */
  admit?: Promise<void>;
  /**
   * How many EHR events are kept for the patient from before the journey existed (HZ-35), asked
   * beside the other reads. More than none: the journey holds its first step until the caller
   * has delivered them and released it (`releaseKeptEventsHold`).
   */
  keptEvents?: Promise<number>;
  /**
   * The patient's EHR record, when the caller has already asked for it (the API reads it once for
   * its deceased check and the zone): the zone is then read from it, not from a second read.
   */
  ehrRecord?: Promise<Patient | undefined>;
}

export type StartOutcome =
  /** `keptEvents`: the journey created holds its first step for that many kept events: release it. */
  | { started: true; created: boolean; workflowId: string; keptEvents?: number }
  | { started: false; reason: 'params'; issues: z.core.$ZodIssue[] }
  /** The current settings version was published for other declarations (programToPin): issues at its settings. */
  | { started: false; reason: 'settings'; settingsVersion: number; issues: z.core.$ZodIssue[] };

/**
 * Enrols a patient in a journey, the one way every caller does it (the API, EHR events, the
 * cohort finder): parameters checked against the type's schema, the workflow id derived from
 * type, patient and instance so a second enrolment finds the first, and the program settings
 * current now pinned into the input.
 */
export class JourneyStarter {
  constructor(
    private readonly temporal: Client,
    private readonly settings: ProgramSettingsStore,
    private readonly options: JourneyStarterOptions,
  ) {}

  workflowIdFor(type: StartableJourney, patientId: string, params: unknown): string {
    const instance = type.instanceKey?.(params as never);
    return journeyWorkflowId(type.id, patientId, instance, this.options.pseudonymKey);
  }

  patientRefOf(patientId: string): string {
    return patientRefFor(patientId, this.options.pseudonymKey);
  }

  async start({
    type,
    patientId,
    params: given,
    admit,
    keptEvents,
    ehrRecord,
  }: StartRequest): Promise<StartOutcome> {
    // Independent reads, asked together: the start waits for the slowest, not for their sum.
    const [zone, pin, , kept = 0] = await Promise.all([
      this.timeZoneToAdd(type, patientId, given, ehrRecord),
      // The settings current now are pinned into the journey's input: later publishes never change it.
      programToPin(this.settings, type),
      admit,
      keptEvents,
    ]);
    const rawParams = zone ? { ...(given as object), timeZone: zone.timeZone } : given;
    const params = type.paramsSchema.safeParse(rawParams ?? {});
    if (!params.success) {
      this.options.metrics?.journeyStarted(type.id, 'invalid-params');
      return { started: false, reason: 'params', issues: params.error.issues };
    }
    const patientRef = this.patientRefOf(patientId);
    // One running journey per patient, type (and instance, e.g. a DiLO card): the id is derived,
    // so Temporal itself refuses a second enrolment.
    const workflowId = this.workflowIdFor(type, patientId, params.data);
    if (!pin.fits) {
      this.options.metrics?.journeyStarted(type.id, 'settings-mismatch');
      return { started: false, reason: 'settings', settingsVersion: pin.settingsVersion, issues: pin.issues };
    }
    const input: JourneyInput<unknown> = {
      patientRef,
      patientId,
      params: type.workflowParams ? type.workflowParams(params.data) : params.data,
      program: pin.program,
      ...(kept > 0 ? { keptEvents: { expected: kept } } : {}),
    };
    try {
      await this.temporal.workflow.start(type.workflowType, {
        workflowId,
        taskQueue: this.options.taskQueue,
        args: [input],
        ...memoOf(type, zone),
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
        workflowIdConflictPolicy: 'FAIL',
        typedSearchAttributes: [
          { key: journeyTypeKey, value: type.id },
          { key: patientRefKey, value: patientRef },
          { key: journeyStatusKey, value: 'active' },
          { key: journeyStageKey, value: 'enrolled' },
        ],
      });
      this.options.metrics?.journeyStarted(type.id, 'created');
      return { started: true, created: true, workflowId, ...(kept > 0 ? { keptEvents: kept } : {}) };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      this.options.metrics?.journeyStarted(type.id, 'already-running');
      return { started: true, created: false, workflowId };
    }
  }

  /**
   * The patient's zone, for a journey that words times and was not given one (EHR events and the
   * cohort finder never give one; an API caller may): never the contract's UTC default. An
   * explicit `timeZone` from the caller is kept.
   */
  private async timeZoneToAdd(
    type: StartableJourney,
    patientId: string,
    params: unknown,
    ehrRecord: Promise<Patient | undefined> | undefined,
  ): Promise<ResolvedTimeZone | undefined> {
    const shape = (type.paramsSchema as { shape?: Record<string, unknown> }).shape;
    if (!shape || !('timeZone' in shape)) return undefined;
    if (params !== undefined && (typeof params !== 'object' || params === null)) return undefined;
    if (params && 'timeZone' in params && (params as { timeZone?: unknown }).timeZone !== undefined)
      return undefined;
    const own = await this.options.patientTimeZone?.(patientId, ehrRecord);
    return own ?? { timeZone: this.options.organisationTimeZone, source: 'organisation-default' };
  }
}

/** The type's own memo (a definition's pinned version) and a note when the zone is the organisation's. */
function memoOf(
  type: StartableJourney,
  zone: ResolvedTimeZone | undefined,
): { memo?: Record<string, unknown> } {
  const memo = {
    ...type.memo,
    ...(zone?.source === 'organisation-default'
      ? { [ENROLMENT_NOTES_MEMO]: [organisationZoneNote(zone.timeZone)] }
      : {}),
  };
  return Object.keys(memo).length > 0 ? { memo } : {};
}

/** The starter as both processes build it (once, at their composition root), from their config. */
export function createJourneyStarter(deps: {
  temporal: Client;
  settings: ProgramSettingsStore;
  contacts: PatientContactStore;
  fhir: FhirClient | null | undefined;
  config: Pick<AppConfig, 'temporal' | 'pseudonymKey' | 'organisationTimeZone'>;
  metrics?: CarepathMetrics;
}): JourneyStarter {
  const { config } = deps;
  return new JourneyStarter(deps.temporal, deps.settings, {
    taskQueue: config.temporal.taskQueue,
    pseudonymKey: config.pseudonymKey,
    organisationTimeZone: config.organisationTimeZone,
    patientTimeZone: patientTimeZoneReader({
      fhir: deps.fhir,
      contacts: deps.contacts,
      pseudonymKey: config.pseudonymKey,
    }),
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
  });
}
