import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type {
  Appointment,
  Bundle,
  DiagnosticReport,
  Encounter,
  Observation,
  Parameters,
  Resource,
} from '@medplum/fhirtypes';
import { z } from 'zod';
import { CODE_SYSTEMS } from '../contracts/ehr/code-systems';
import { screeningItemCodes } from '../workflows/preventive-outreach/screening-value-sets';
import {
  screeningItems,
  type ScreeningItem,
} from '../workflows/preventive-outreach/preventive-outreach.contract';
import { HOUR_MS } from '../contracts/durations';

/*
 * Plays the EHR for a demo: builds the notification an EHR sends through a FHIR R4 topic-based
 * subscription (HL7 Subscriptions R5 Backport IG, STU 1.1, full-resource payload) for a demo
 * patient, posts it to Carepath's EHR endpoint and prints what happened to each entry, so you
 * can watch a journey react in the designer or the Temporal Web UI.
 *
 *   npm run ehr:event -- hba1c pat-2001 5.9
 *   npm run ehr:event -- appointment-booked pat-1001 mammogram
 *   npm run ehr:event -- encounter-finished pat-2003
 *   npm run ehr:event -- diagnostic-report pat-2002 [malignant|benign]
 *   add --twice to send the same notification again: the second answer is "duplicate".
 */

export type DemoEvent =
  | { kind: 'hba1c'; patientId: string; percent: number }
  | { kind: 'appointment-booked'; patientId: string; item: ScreeningItem }
  | { kind: 'encounter-finished'; patientId: string }
  | { kind: 'diagnostic-report'; patientId: string; finding: 'malignant' | 'benign' };

export class UsageError extends Error {}

export const USAGE = `Usage: npm run ehr:event -- <event> <patient> [detail] [--twice]
  hba1c <patient> <percent>                 HbA1c result (LOINC 4548-4), e.g. hba1c pat-2001 5.9
  appointment-booked <patient> <item>       screening appointment booked in a week; item: ${screeningItems.join(', ')}
  encounter-finished <patient>              emergency visit ended an hour ago (class EMER)
  diagnostic-report <patient> [finding]     pathology report on the DiLO card: malignant (default) or benign
Settings: API (default http://localhost:3000), CAREPATH_API_KEY (default dev-integration-key).`;

const { loinc, snomed, ucum, actCode, diagnosticServiceSection, carepathOncology } = CODE_SYSTEMS;
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const BACKPORT_STATUS_PROFILE =
  'http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4';
const TOPIC_BASE = 'https://ehr.carepath.dev/fhir/SubscriptionTopic';

/** Reads the command line: the event, the demo patient and its detail. */
export function parseDemoEvent(args: readonly string[]): DemoEvent {
  const [kind, patientId, detail] = args;
  if (!kind || !patientId) throw new UsageError('Name an event and a patient.');
  if (!FHIR_ID.test(patientId)) throw new UsageError('The patient must be a FHIR id such as pat-2001.');
  switch (kind) {
    case 'hba1c': {
      const percent = Number(detail);
      if (!detail || !Number.isFinite(percent) || percent < 3 || percent > 20) {
        throw new UsageError('hba1c needs the result in percent, between 3 and 20 (e.g. 5.9).');
      }
      return { kind, patientId, percent };
    }
    case 'appointment-booked':
      if (!(screeningItems as readonly string[]).includes(detail ?? '')) {
        throw new UsageError(`appointment-booked needs the screening item: ${screeningItems.join(', ')}.`);
      }
      return { kind, patientId, item: detail as ScreeningItem };
    case 'encounter-finished':
      return { kind, patientId };
    case 'diagnostic-report':
      if (detail !== undefined && detail !== 'malignant' && detail !== 'benign') {
        throw new UsageError('diagnostic-report takes malignant (the default) or benign.');
      }
      return { kind, patientId, finding: detail ?? 'malignant' };
    default:
      throw new UsageError(`Unknown event "${kind}".`);
  }
}

/** The subscription topic an EHR would publish the event under: one subscription per topic. */
export function topicOf(event: DemoEvent): string {
  const topics = {
    hba1c: 'lab-result-final',
    'appointment-booked': 'appointment-booked',
    'encounter-finished': 'encounter-discharge',
    'diagnostic-report': 'diagnostic-report-final',
  } as const;
  return topics[event.kind];
}

/** The resource the EHR recorded, as it would send it in a full-resource notification. */
export function demoResource(event: DemoEvent, id: string, now: Date): Resource {
  const subject = { reference: `Patient/${event.patientId}` };
  const meta = { versionId: '1', lastUpdated: now.toISOString() };
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
  switch (event.kind) {
    case 'hba1c':
      return {
        resourceType: 'Observation',
        id,
        meta,
        status: 'final',
        category: [
          {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/observation-category',
                code: 'laboratory',
                display: 'Laboratory',
              },
            ],
          },
        ],
        code: {
          coding: [{ system: loinc, code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood' }],
          text: 'HbA1c',
        },
        subject,
        effectiveDateTime: at(-2 * HOUR_MS),
        issued: now.toISOString(),
        valueQuantity: { value: event.percent, unit: '%', system: ucum, code: '%' },
      } satisfies Observation;
    case 'appointment-booked': {
      const service = screeningItemCodes[event.item][0]!;
      const start = new Date(now.getTime() + 7 * 24 * HOUR_MS);
      start.setUTCMinutes(0, 0, 0);
      return {
        resourceType: 'Appointment',
        id,
        meta,
        status: 'booked',
        serviceType: [{ coding: [{ system: service.system, code: service.codes[0]! }], text: event.item }],
        start: start.toISOString(),
        end: new Date(start.getTime() + HOUR_MS / 2).toISOString(),
        created: now.toISOString(),
        participant: [
          { actor: { ...subject, display: 'Patient' }, status: 'accepted' },
          { actor: { display: 'Main Street Imaging Center' }, status: 'accepted' },
        ],
      } satisfies Appointment;
    }
    case 'encounter-finished':
      return {
        resourceType: 'Encounter',
        id,
        meta,
        status: 'finished',
        class: { system: actCode, code: 'EMER', display: 'emergency' },
        type: [
          { coding: [{ system: snomed, code: '4525004', display: 'Emergency department patient visit' }] },
        ],
        subject,
        period: { start: at(-5 * HOUR_MS), end: at(-HOUR_MS) },
        hospitalization: {
          dischargeDisposition: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/discharge-disposition', code: 'home' }],
          },
        },
      } satisfies Encounter;
    case 'diagnostic-report': {
      const malignant = event.finding === 'malignant';
      return {
        resourceType: 'DiagnosticReport',
        id,
        meta,
        status: 'final',
        category: [
          { coding: [{ system: diagnosticServiceSection, code: 'SP', display: 'Surgical Pathology' }] },
        ],
        code: {
          coding: [{ system: loinc, code: '22637-3', display: 'Pathology report final diagnosis Narrative' }],
        },
        subject,
        // The demo DiLO card of pat-2002 (scripts/dev-stack/demo-ehr.ts): the report answers its referral.
        basedOn: [{ reference: `ServiceRequest/${event.patientId}-dilo-card` }],
        effectiveDateTime: at(-24 * HOUR_MS),
        issued: now.toISOString(),
        conclusion: malignant ? 'Invasive ductal carcinoma of the breast.' : 'Fibroadenoma. No malignancy.',
        conclusionCode: [
          malignant
            ? { coding: [{ system: snomed, code: '254837009', display: 'Malignant neoplasm of breast' }] }
            : { coding: [{ system: carepathOncology, code: 'malignancy-ruled-out' }] },
        ],
      } satisfies DiagnosticReport;
    }
  }
}

export interface NotificationOptions {
  /** The EHR's FHIR base URL: subscription and focus references point under it. */
  ehrBase: string;
  topic: string;
  eventNumber: number;
  resource: Resource;
  now: Date;
}

/**
 * A backport `event-notification` Bundle (type history): entry[0] the subscription status
 * Parameters with one notification-event, then the focus resource in full.
 */
export function notificationBundle({
  ehrBase,
  topic,
  eventNumber,
  resource,
  now,
}: NotificationOptions): Bundle {
  const subscription = subscriptionOf(ehrBase, topic);
  const focusUrl = `${ehrBase}/${resource.resourceType}/${resource.id}`;
  const status: Parameters = {
    resourceType: 'Parameters',
    meta: { profile: [BACKPORT_STATUS_PROFILE] },
    parameter: [
      { name: 'subscription', valueReference: { reference: subscription } },
      { name: 'topic', valueCanonical: `${TOPIC_BASE}/${topic}` },
      { name: 'status', valueCode: 'active' },
      { name: 'type', valueCode: 'event-notification' },
      { name: 'events-since-subscription-start', valueString: String(eventNumber) },
      {
        name: 'notification-event',
        part: [
          { name: 'event-number', valueString: String(eventNumber) },
          { name: 'timestamp', valueInstant: now.toISOString() },
          { name: 'focus', valueReference: { reference: focusUrl } },
        ],
      },
    ],
  };
  return {
    resourceType: 'Bundle',
    type: 'history',
    timestamp: now.toISOString(),
    entry: [
      {
        fullUrl: `urn:uuid:${randomUUID()}`,
        resource: status,
        request: { method: 'GET', url: `${subscription}/$status` },
        response: { status: '200' },
      },
      {
        fullUrl: focusUrl,
        resource,
        request: { method: 'POST', url: resource.resourceType },
        response: { status: '201', lastModified: now.toISOString() },
      },
    ],
  };
}

export function subscriptionOf(ehrBase: string, topic: string): string {
  return `${ehrBase}/Subscription/carepath-${topic}`;
}

// --- running it ---------------------------------------------------------------------------------

const demoEventEnvironmentSchema = z.object({
  API: z
    .url({ protocol: /^https?$/, error: 'must be the http(s) URL of the Carepath API' })
    .default('http://localhost:3000'),
  CAREPATH_API_KEY: z.string().min(1, 'must be an integration API key').default('dev-integration-key'),
  FHIR_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be the http(s) FHIR base URL' }).optional(),
  CAREPATH_FHIR_PORT: z.coerce.number().int().min(1).max(65535).default(8103),
  CAREPATH_DATA_DIR: z.string().min(1).optional(),
});

export interface EntryOutcome {
  entry: number;
  eventNumber?: number;
  resource?: string;
  outcome: string;
  reason?: string;
  rule?: string;
  journeys?: Array<{ id: string; journey: string; result: string; event?: string; reason?: string }>;
}

/**
 * Event numbers count up per subscription across runs, as an EHR's do: kept under .data/. A
 * number is used up once the API has the event (it answered 200, or 503 after storing it); an
 * event that never arrived is sent with the same number next time, so the API sees no gap.
 */
function readCounters(file: string): Record<string, number> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

function saveCounter(file: string, subscription: string, eventNumber: number): void {
  mkdirSync(dirname(file), { recursive: true });
  const counters = { ...readCounters(file), [subscription]: eventNumber };
  writeFileSync(file, `${JSON.stringify(counters, null, 2)}\n`);
}

function describeOutcome(entry: EntryOutcome): string {
  const what = [
    entry.eventNumber !== undefined ? `event #${entry.eventNumber}` : `entry ${entry.entry}`,
    entry.resource,
  ]
    .filter(Boolean)
    .join(' ');
  const journeys = (entry.journeys ?? []).map(
    (journey) =>
      `\n    ${journey.journey} ${journey.id}: ${journey.result}${journey.event ? ` (${journey.event})` : ''}${journey.reason ? ` - ${journey.reason}` : ''}`,
  );
  return `  ${what}: ${entry.outcome}${entry.rule ? ` [${entry.rule}]` : ''}${entry.reason ? ` - ${entry.reason}` : ''}${journeys.join('')}`;
}

export interface SendOptions {
  event: DemoEvent;
  /** The Carepath API's base URL. */
  api: string;
  apiKey: string;
  ehrBase: string;
  /** Where event numbers are kept between runs. */
  counterFile: string;
  /** 2 sends the same notification again, as an EHR retrying would. */
  times: 1 | 2;
}

export interface Delivery {
  status: number;
  message?: string;
  entries: EntryOutcome[];
}

/** Builds the next notification of the event's subscription and posts it; the API's answer per post. */
export async function sendDemoEvent(
  options: SendOptions,
): Promise<{ resource: Resource; eventNumber: number; deliveries: Delivery[] }> {
  const topic = topicOf(options.event);
  const subscription = subscriptionOf(options.ehrBase, topic);
  const eventNumber = (readCounters(options.counterFile)[subscription] ?? 0) + 1;
  const now = new Date();
  const resource = demoResource(options.event, `${options.event.patientId}-${topic}-${eventNumber}`, now);
  const body = JSON.stringify(
    notificationBundle({ ehrBase: options.ehrBase, topic, eventNumber, resource, now }),
  );
  const deliveries: Delivery[] = [];
  for (let attempt = 0; attempt < options.times; attempt += 1) {
    const url = `${options.api.replace(/\/+$/, '')}/api/fhir`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/fhir+json', Authorization: `Bearer ${options.apiKey}` },
      body,
    }).catch((error: unknown) => {
      throw new Error(`cannot reach the API at ${url} (is npm start running?): ${String(error)}`);
    });
    if (response.ok || response.status === 503) saveCounter(options.counterFile, subscription, eventNumber);
    const answer = (await response.json().catch(() => ({}))) as {
      entries?: EntryOutcome[];
      message?: string;
    };
    deliveries.push({
      status: response.status,
      ...(answer.message ? { message: answer.message } : {}),
      entries: answer.entries ?? [],
    });
  }
  return { resource, eventNumber, deliveries };
}

async function main(argv: string[]): Promise<void> {
  const event = parseDemoEvent(argv.filter((arg) => arg !== '--twice'));
  const parsed = demoEventEnvironmentSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'),
    );
  }
  const env = parsed.data;
  const { resource, eventNumber, deliveries } = await sendDemoEvent({
    event,
    api: env.API,
    apiKey: env.CAREPATH_API_KEY,
    ehrBase: (env.FHIR_BASE_URL ?? `http://127.0.0.1:${env.CAREPATH_FHIR_PORT}/fhir/R4`).replace(/\/+$/, ''),
    counterFile: join(
      resolve(env.CAREPATH_DATA_DIR ?? join(__dirname, '..', '..', '.data')),
      'ehr-event-numbers.json',
    ),
    times: argv.includes('--twice') ? 2 : 1,
  });
  console.log(
    `${event.kind} for ${event.patientId}: ${resource.resourceType}/${resource.id}, event #${eventNumber} of ${topicOf(event)}`,
  );
  deliveries.forEach((delivery, index) => {
    console.log(
      `POST ${env.API}/api/fhir (${index === 0 ? 'first' : 'again'}): ${delivery.status}${delivery.message ? ` ${delivery.message}` : ''}`,
    );
    for (const entry of delivery.entries) console.log(describeOutcome(entry));
    if (delivery.status >= 300 && delivery.status !== 503) process.exitCode = 1;
  });
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else console.error(`ehr:event: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
