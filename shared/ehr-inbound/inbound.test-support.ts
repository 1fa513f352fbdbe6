import type {
  Appointment,
  Bundle,
  BundleEntry,
  Condition,
  Consent,
  DiagnosticReport,
  Encounter,
  Observation,
  ParametersParameter,
  Resource,
  ServiceRequest,
} from '@medplum/fhirtypes';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import { CLOCK_START_EXTENSIONS } from '../../workflows/oncology-fast-track/oncology-fast-track.starts';
import type { NotificationType, PayloadContent } from './notification-bundle';

/*
 * FHIR resources and backport notification bundles as an EHR sends them, for the inbound tests.
 * Every builder yields a resource Medplum's R4 validator accepts.
 */

export const EHR_BASE = 'https://ehr.example.org/fhir';

export interface NotificationEventSpec {
  number: number;
  /** The focus resource (full-resource: carried in the bundle; id-only: referenced only). */
  focus?: Resource;
  timestamp?: string;
}

export interface NotificationSpec {
  /** The EHR's FHIR base URL the focus references point under. */
  base?: string;
  subscription?: string;
  topic?: string;
  type?: NotificationType;
  eventsSinceSubscriptionStart?: number;
  payload?: PayloadContent;
  events?: NotificationEventSpec[];
}

export function notificationBundle(spec: NotificationSpec = {}): Bundle {
  const base = spec.base ?? EHR_BASE;
  const subscription = spec.subscription ?? `${base}/Subscription/carepath-events`;
  const type = spec.type ?? 'event-notification';
  const payload = spec.payload ?? 'full-resource';
  const events = spec.events ?? [];
  const highest = Math.max(0, ...events.map((event) => event.number));
  const parameters: ParametersParameter[] = [
    { name: 'subscription', valueReference: { reference: subscription } },
    {
      name: 'topic',
      valueCanonical: spec.topic ?? 'https://carepath.dev/fhir/SubscriptionTopic/clinical-events',
    },
    { name: 'status', valueCode: 'active' },
    { name: 'type', valueCode: type },
    {
      name: 'events-since-subscription-start',
      valueString: String(spec.eventsSinceSubscriptionStart ?? highest),
    },
    ...events.map((event): ParametersParameter => ({
      name: 'notification-event',
      part: [
        { name: 'event-number', valueString: String(event.number) },
        { name: 'timestamp', valueInstant: event.timestamp ?? '2025-06-01T10:00:00Z' },
        ...(payload !== 'empty' && event.focus
          ? [
              {
                name: 'focus',
                valueReference: { reference: `${base}/${event.focus.resourceType}/${event.focus.id}` },
              },
            ]
          : []),
      ],
    })),
  ];
  const resourceEntries: BundleEntry[] =
    payload === 'full-resource'
      ? events.flatMap((event) =>
          event.focus
            ? [
                {
                  fullUrl: `${base}/${event.focus.resourceType}/${event.focus.id}`,
                  resource: event.focus,
                  request: { method: 'PUT', url: `${event.focus.resourceType}/${event.focus.id}` },
                  response: { status: '200' },
                },
              ]
            : [],
        )
      : [];
  return {
    resourceType: 'Bundle',
    type: 'history',
    timestamp: '2025-06-01T10:00:01Z',
    entry: [
      {
        fullUrl: 'urn:uuid:9d3f4c1e-2b8a-4e7f-9c61-0a5b7d2e8f13',
        resource: { resourceType: 'Parameters', parameter: parameters },
        request: { method: 'GET', url: `${subscription}/$status` },
        response: { status: '200' },
      },
      ...resourceEntries,
    ],
  };
}

export function engineBundle(type: 'transaction' | 'batch' | 'collection', resources: Resource[]): Bundle {
  return {
    resourceType: 'Bundle',
    type,
    entry: resources.map((resource) => ({
      resource,
      ...(type === 'collection'
        ? {}
        : {
            request: resource.id
              ? { method: 'PUT' as const, url: `${resource.resourceType}/${resource.id}` }
              : { method: 'POST' as const, url: resource.resourceType },
          }),
    })),
  };
}

const versioned = (id: string, version = '1') => ({ id, meta: { versionId: version } });

export function observation(
  patientId: string,
  loinc: string,
  value: number,
  unit: string,
  effective: string,
  id = `obs-${loinc}-${value}`,
): Observation {
  return {
    resourceType: 'Observation',
    ...versioned(id),
    status: 'final',
    code: { coding: [{ system: CODE_SYSTEMS.loinc, code: loinc }] },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: effective,
    valueQuantity: { value, unit, system: CODE_SYSTEMS.ucum, code: unit },
  };
}

export function condition(
  patientId: string,
  code: { system: string; code: string },
  options: { id?: string; onset?: string; verification?: string; clinical?: string } = {},
): Condition {
  // FHIR con-5: a condition entered in error has no clinical status.
  const clinical = options.verification === 'entered-in-error' ? undefined : (options.clinical ?? 'active');
  return {
    resourceType: 'Condition',
    ...versioned(options.id ?? `cond-${code.code}`),
    ...(clinical
      ? { clinicalStatus: { coding: [{ system: CODE_SYSTEMS.conditionClinical, code: clinical }] } }
      : {}),
    verificationStatus: {
      coding: [{ system: CODE_SYSTEMS.conditionVerification, code: options.verification ?? 'confirmed' }],
    },
    code: { coding: [code] },
    subject: { reference: `Patient/${patientId}` },
    onsetDateTime: options.onset ?? '2025-05-20',
  };
}

export function emergencyEncounter(
  patientId: string,
  id: string,
  dischargedAt: string,
  status: Encounter['status'] = 'finished',
  /** HL7 discharge-disposition code; home unless said (null: the EHR sends none). */
  disposition: string | null = 'home',
): Encounter {
  return {
    resourceType: 'Encounter',
    ...versioned(id),
    status,
    class: { system: CODE_SYSTEMS.actCode, code: 'EMER' },
    subject: { reference: `Patient/${patientId}` },
    period: { start: new Date(Date.parse(dischargedAt) - 4 * 3600_000).toISOString(), end: dischargedAt },
    ...(disposition !== null
      ? {
          hospitalization: {
            dischargeDisposition: {
              coding: [
                { system: 'http://terminology.hl7.org/CodeSystem/discharge-disposition', code: disposition },
              ],
            },
          },
        }
      : {}),
  };
}

/** A DiLO card; by default the provider entered it on its waiting list when it was written (null: no entry yet). */
export function diloReferral(
  patientId: string,
  cardId: string,
  authoredOn: string,
  status: ServiceRequest['status'] = 'active',
  waitingListEntry: string | null = authoredOn,
): ServiceRequest {
  return {
    ...(waitingListEntry
      ? { extension: [{ url: CLOCK_START_EXTENSIONS.waitingListEntry, valueDateTime: waitingListEntry }] }
      : {}),
    resourceType: 'ServiceRequest',
    ...versioned(`sr-${cardId}`),
    status,
    intent: 'order',
    priority: 'urgent',
    identifier: [{ system: CODE_SYSTEMS.diloCardNumber, value: cardId }],
    code: { coding: [{ system: CODE_SYSTEMS.carepathOncology, code: 'dilo-card' }] },
    subject: { reference: `Patient/${patientId}` },
    authoredOn,
  };
}

export function pathologyReport(
  patientId: string,
  conclusion: { system: string; code: string },
  issued: string,
  options: { id?: string; basedOn?: string; category?: string } = {},
): DiagnosticReport {
  return {
    resourceType: 'DiagnosticReport',
    ...versioned(options.id ?? `dr-${conclusion.code}`),
    status: 'final',
    category: [
      { coding: [{ system: CODE_SYSTEMS.diagnosticServiceSection, code: options.category ?? 'SP' }] },
    ],
    code: { coding: [{ system: CODE_SYSTEMS.loinc, code: '60567-5' }] },
    subject: { reference: `Patient/${patientId}` },
    issued,
    conclusionCode: [{ coding: [conclusion] }],
    ...(options.basedOn ? { basedOn: [{ reference: options.basedOn }] } : {}),
  };
}

export function appointment(
  patientId: string,
  status: Appointment['status'],
  start: string,
  options: {
    id?: string;
    version?: string;
    serviceType?: { system: string; code: string };
    appointmentType?: { system: string; code: string };
    basedOn?: string;
  } = {},
): Appointment {
  return {
    resourceType: 'Appointment',
    ...versioned(options.id ?? 'appt-1', options.version),
    status,
    start,
    end: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
    ...(options.serviceType ? { serviceType: [{ coding: [options.serviceType] }] } : {}),
    ...(options.appointmentType ? { appointmentType: { coding: [options.appointmentType] } } : {}),
    ...(options.basedOn ? { basedOn: [{ reference: options.basedOn }] } : {}),
    participant: [{ actor: { reference: `Patient/${patientId}` }, status: 'accepted' }],
  };
}

export function channelConsent(
  patientId: string,
  channel: { system: string; code: string },
  type: 'permit' | 'deny',
  options: { id?: string; version?: string; dateTime?: string; status?: Consent['status'] } = {},
): Consent {
  return {
    resourceType: 'Consent',
    ...versioned(options.id ?? `consent-${channel.code}`, options.version),
    status: options.status ?? 'active',
    scope: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }],
    },
    category: [{ coding: [{ system: CODE_SYSTEMS.loinc, code: '59284-0' }] }],
    patient: { reference: `Patient/${patientId}` },
    dateTime: options.dateTime ?? '2025-06-01T09:00:00Z',
    policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
    provision: { type, code: [{ coding: [channel] }] },
  };
}
