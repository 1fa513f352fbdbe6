import type { Resource } from '@medplum/fhirtypes';
import request from 'supertest';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import {
  EHR_BASE,
  appointment,
  diloReferral,
  notificationBundle,
  pathologyReport,
} from '../../shared/ehr-inbound/inbound.test-support';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { uniqueName } from '../helpers/test-stack';
import { DAY_MS } from '../../contracts/durations';

/*
 * Drill 8: every EHR event arrives three times, in shuffled order, as FHIR subscription
 * notifications (one event per bundle, as an EHR retrying unacknowledged notifications sends
 * them). Each fast oncology track card gets its DiLO referral, its specialist visit (booked, then
 * fulfilled: a later version), the confirming pathology report and the staging report. However
 * they arrive, each clinical fact must be applied once, in clinical order, and the card must end
 * where the last one leads (treatment planning).
 *
 * Sizes: reduced (default) 3 cards x 5 events x 3 copies = 45 notifications, under a minute;
 * CAREPATH_DRILLS=full 12 cards = 180 notifications. The shuffle is seeded: CAREPATH_DRILL_SEED
 * replays a run; the seed is printed and named in every failure.
 */
const full = process.env.CAREPATH_DRILLS === 'full';
const CARDS = full ? 12 : 3;
const COPIES = 3;
const seed = Number(process.env.CAREPATH_DRILL_SEED ?? Math.floor(Math.random() * 2 ** 31));

const ago = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
/** The card's milestones, each recorded once (in any arrival order; their dates give the clinical order). */
const CLINICAL_ORDER = ['specialist-visit-done', 'cancer-confirmed', 'in-depth-diagnostics-done'];
const FINAL_STAGE = 'treatment-planning';

interface Card {
  patientId: string;
  /** Each milestone's date in the EHR's resources: what the card must record, whatever the arrival order. */
  clinicalDates: Record<string, string>;
  subscription: string;
  /** Notification bundles, one per event, numbered in the order the EHR recorded them. */
  notifications: object[];
}

describe('drill: EHR events three times, shuffled', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack({ PSEUDONYM_KEY: uniqueName('pseudonym-key') }, undefined, {
      fhirSandbox: {},
    });
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);

  async function cardFor(n: number): Promise<Card> {
    const patientId = uniqueName(`pat-card${n}`);
    // Enrolment checks that the EHR knows the patient.
    await stack.fhirSandbox!.repo.createResource({ resourceType: 'Patient', id: patientId });
    const referral = { ...diloReferral(patientId, `DILO-${patientId}`, ago(20)), id: uniqueName('sr') };
    const basedOn = `ServiceRequest/${referral.id}`;
    const visitId = uniqueName('appt');
    const visitBooked = appointment(patientId, 'booked', ago(15), { id: visitId, version: '1', basedOn });
    const visitDone = appointment(patientId, 'fulfilled', ago(15), { id: visitId, version: '2', basedOn });
    const confirmation = pathologyReport(
      patientId,
      { system: CODE_SYSTEMS.snomed, code: '363346000' },
      ago(10),
      {
        id: uniqueName('dr'),
        basedOn,
      },
    );
    const staging = {
      ...pathologyReport(patientId, { system: CODE_SYSTEMS.carepathOncology, code: 'x' }, ago(5), {
        id: uniqueName('dr'),
        basedOn,
      }),
      code: { coding: [{ system: CODE_SYSTEMS.loinc, code: '21908-9' }] },
    };
    const subscription = `${EHR_BASE}/Subscription/${uniqueName('sub')}`;
    const events: Resource[] = [referral, visitBooked, visitDone, confirmation, staging];
    // The EHR holds what it notifies about: an event that came before the referral started the
    // journey is read again from it then.
    for (const resource of [referral, visitDone, confirmation, staging])
      await stack.fhirSandbox!.repo.createResource(resource);
    return {
      patientId,
      clinicalDates: {
        'specialist-visit-doneAt': visitDone.end!,
        'cancer-confirmedAt': confirmation.effectiveDateTime ?? confirmation.issued!,
        'in-depth-diagnostics-doneAt': staging.effectiveDateTime ?? staging.issued!,
      },
      subscription,
      notifications: events.map((focus, index) =>
        notificationBundle({ subscription, events: [{ number: index + 1, focus, timestamp: ago(0) }] }),
      ),
    };
  }

  async function cardJourney(patientId: string) {
    const listed = await eventually(
      () =>
        api()
          .get('/api/journeys')
          .query({ patientId, journey: 'oncology-fast-track' })
          .set('Authorization', DEMO_KEYS.operator)
          .expect(200)
          .then((response) => response.body.items as Array<{ id: string }>),
      (items) => items.length > 0,
    );
    if (listed.length !== 1)
      return { journeys: listed.length, stage: undefined, milestones: [] as string[], facts: {} };
    const journey = await api()
      .get(`/api/journeys/${listed[0]!.id}`)
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200)
      .then(
        (response) =>
          response.body as {
            stage: string;
            facts: Record<string, unknown>;
            timeline: Array<{ kind: string; ref?: string; summary: string }>;
          },
      );
    return {
      journeys: 1,
      stage: journey.stage,
      // Events recorded on the card, by type, in the order the journey recorded them.
      milestones: journey.timeline
        .filter((entry) => entry.kind === 'event' && /^[^(]* recorded\b/.test(entry.summary))
        .map((entry) => entry.ref ?? '?'),
      facts: journey.facts,
    };
  }

  test(`[HZ-90] each event applied once, in clinical order, whatever the arrival order (seed ${seed})`, async () => {
    const cards = await Promise.all(Array.from({ length: CARDS }, (_, n) => cardFor(n)));
    const deliveries = shuffled(
      cards.flatMap((card) => card.notifications.flatMap((bundle) => Array(COPIES).fill(bundle) as object[])),
      seed,
    );
    const outcomes: Record<string, number> = {};
    for (const bundle of deliveries) {
      const response = await api()
        .post('/api/fhir')
        .set({ Authorization: DEMO_KEYS.integration, 'Content-Type': 'application/fhir+json' })
        .send(JSON.stringify(bundle))
        .expect(200);
      for (const entry of response.body.entries as Array<{ outcome: string }>)
        outcomes[entry.outcome] = (outcomes[entry.outcome] ?? 0) + 1;
    }

    const problems: string[] = [];
    for (const card of cards) {
      const found = await cardJourney(card.patientId);
      const rows = (await stack.database.dataSource.query(
        `SELECT event_number, status, outcome->>'outcome' AS outcome, outcome->>'reason' AS reason
           FROM ehr_event WHERE subscription = $1 ORDER BY event_number::bigint`,
        [card.subscription],
      )) as Array<{ event_number: string; status: string; outcome: string; reason: string | null }>;
      const said = `${card.patientId}: ${found.journeys} journey(s), stage ${found.stage}, milestones ${JSON.stringify(
        found.milestones,
      )}; inbox ${JSON.stringify(rows.map((row) => `#${row.event_number} ${row.outcome}${row.reason ? ` (${row.reason})` : ''}`))}`;
      // Applied once each; the card holds each milestone at its own clinical date (so in clinical
      // order, and the deadlines count from the right day), whatever order they arrived in.
      const recordedDates = Object.fromEntries(
        Object.keys(card.clinicalDates).map((fact) => [fact, found.facts[fact as keyof typeof found.facts]]),
      );
      if (
        found.journeys !== 1 ||
        found.stage !== FINAL_STAGE ||
        JSON.stringify([...found.milestones].sort()) !== JSON.stringify([...CLINICAL_ORDER].sort()) ||
        JSON.stringify(recordedDates) !== JSON.stringify(card.clinicalDates)
      )
        problems.push(
          `${said}; dates ${JSON.stringify(recordedDates)}, expected ${JSON.stringify(card.clinicalDates)}`,
        );
      if (rows.length !== card.notifications.length)
        problems.push(`${card.patientId}: ${rows.length} inbox rows`);
    }
    console.log(
      `ehr-events-shuffled drill (seed ${seed}): ${JSON.stringify({ cards: CARDS, posted: deliveries.length, outcomes, cardsWrong: problems.length })}`,
    );
    expect({ seed, problems }).toEqual({ seed, problems: [] });
  }, 180_000);
});

/** Fisher-Yates with mulberry32: the same seed gives the same arrival order on every machine. */
function shuffled<T>(items: T[], seedValue: number): T[] {
  let state = seedValue >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}
