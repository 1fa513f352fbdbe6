import type {
  Appointment,
  Condition,
  Consent,
  DiagnosticReport,
  Immunization,
  Observation,
  Patient,
  Procedure,
  Resource,
} from '@medplum/fhirtypes';
import fc from 'fast-check';
import { addDays, addMonths } from '../../contracts/ehr/calendar-dates';
import { dueItems } from '../../activities/cohort/screening-eligibility';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import { routeResource } from '../../shared/ehr-inbound/route-resource';
import { chooseChannel } from '../../activities/engagement/channel-choice';
import type { DeliveryChannel } from '../../contracts/delivery-channels';
import { defaultEngagementPolicy } from '../../shared/engagement/engagement-policy';
import { renderTemplate } from '../../shared/engagement/templates/render-template';
import type { ChannelConsent } from '../../persistence/entities/channel-consent.entity';
import type { PatientContact } from '../../persistence/entities/patient-contact.entity';
import { drillSize } from '../../test/helpers/drills/drill-size';
import { PREVENTIVE_OUTREACH, screeningItems, type ScreeningItem } from './preventive-outreach.contract';
import { exclusionOf, type OneSideRecord } from './screening-exclusion';
import { monthsBetween, monthsOverdue } from './screening-due';
import { decideExclusion, decideScreeningDone } from './screening-record';
import { screeningTestIds, screeningTests, type ScreeningTestId } from './screening-value-sets';

/*
 * Property-based tests of preventive outreach against the pure decision code: the EHR router
 * (routeResource), the journey's own decisions (screening-record.ts), the cohort finder's
 * eligibility and the engagement layer's channel choice. Each run is a seeded random sequence of
 * EHR events (screening records in and out of the value sets, old, new and future, duplicated and
 * shuffled; exclusion procedures and conditions; appointments; consent STOP) and operator
 * cancellations. CAREPATH_DRILLS=full runs ten times as many.
 */

const { cpt, snomed, loinc, icd10cm, conditionVerification, contactPointSystem } = CODE_SYSTEMS;
const TODAY = '2026-11-20';
const ASOF = new Date(`${TODAY}T12:00:00Z`);
const RUNS = drillSize({ reduced: 1000, full: 10_000 });
const SEED = 20261207;
const subject = { reference: 'Patient/pat-1' };
const patient: Patient = { resourceType: 'Patient', id: 'pat-1', birthDate: '1970-06-15', gender: 'female' };
const intervalOf = (test: ScreeningTestId) => screeningTests[test].validForMonths;

/** What the generator knows about each event, so the oracle never reads the code under test. */
type Meta =
  | { kind: 'screening'; test: ScreeningTestId; at: string; done: boolean }
  | { kind: 'exclusion'; item: ScreeningItem; outright: boolean; side?: 'left' | 'right'; done: boolean }
  | { kind: 'unrelated' }
  | { kind: 'stop'; channel: DeliveryChannel }
  | { kind: 'cancel'; item: ScreeningItem };

interface GeneratedEvent {
  meta: Meta;
  resource?: Resource;
}

const dateArb = fc
  .tuple(fc.integer({ min: -2, max: 150 }), fc.integer({ min: 0, max: 27 }))
  .map(([monthsAgo, days]) => addDays(addMonths(TODAY, -monthsAgo), -days));

const screeningArb: fc.Arbitrary<GeneratedEvent> = fc
  .record({
    test: fc.constantFrom(...screeningTestIds),
    pick: fc.nat(),
    at: dateArb,
    done: fc.boolean(),
  })
  .map(({ test, pick, at, done }) => {
    const definition = screeningTests[test];
    const match = definition.codes[pick % definition.codes.length]!;
    const coding = { system: match.system, code: match.codes[pick % match.codes.length]! };
    const types = definition.recordedAs.filter((type) => type !== 'Encounter');
    const type = types[pick % types.length]!;
    let resource: Resource;
    if (type === 'Immunization') {
      resource = {
        resourceType: 'Immunization',
        status: done ? 'completed' : 'not-done',
        patient: subject,
        vaccineCode: { coding: [coding] },
        occurrenceDateTime: at,
      } satisfies Immunization;
    } else if (type === 'Procedure') {
      resource = {
        resourceType: 'Procedure',
        status: done ? 'completed' : 'not-done',
        subject,
        code: { coding: [coding] },
        performedDateTime: at,
      } satisfies Procedure;
    } else {
      resource = {
        resourceType: type,
        status: done ? 'final' : 'preliminary',
        subject,
        code: { coding: [coding] },
        effectiveDateTime: at,
      } as Observation | DiagnosticReport;
    }
    return { meta: { kind: 'screening', test, at, done }, resource };
  });

const exclusionArb: fc.Arbitrary<GeneratedEvent> = fc
  .record({
    which: fc.constantFrom(
      'bilateral',
      'right',
      'left',
      'colectomy',
      'hysterectomy',
      'supracervical',
      'no-cervix-condition',
      'refuted-no-cervix',
    ),
    at: dateArb,
    done: fc.boolean(),
  })
  .map(({ which, at, done }): GeneratedEvent => {
    const procedure = (system: string, code: string, side?: string): Procedure => ({
      resourceType: 'Procedure',
      status: done ? 'completed' : 'not-done',
      subject,
      code: { coding: [{ system, code }] },
      performedDateTime: at,
      ...(side ? { bodySite: [{ coding: [{ system: snomed, code: side }] }] } : {}),
    });
    const condition = (refuted: boolean): Condition => ({
      resourceType: 'Condition',
      subject,
      code: { coding: [{ system: icd10cm, code: 'Z90.710' }] },
      ...(refuted
        ? { verificationStatus: { coding: [{ system: conditionVerification, code: 'refuted' }] } }
        : {}),
    });
    switch (which) {
      case 'bilateral':
        return {
          meta: { kind: 'exclusion', item: 'mammogram', outright: true, done },
          resource: procedure(snomed, '27865001'),
        };
      case 'right':
      case 'left':
        return {
          meta: { kind: 'exclusion', item: 'mammogram', outright: false, side: which, done },
          resource: procedure(cpt, '19303', which === 'right' ? '24028007' : '7771000'),
        };
      case 'colectomy':
        return {
          meta: { kind: 'exclusion', item: 'colorectal-screening', outright: true, done },
          resource: procedure(cpt, '44150'),
        };
      case 'hysterectomy':
        return {
          meta: { kind: 'exclusion', item: 'cervical-screening', outright: true, done },
          resource: procedure(cpt, '58150'),
        };
      case 'supracervical':
        return { meta: { kind: 'unrelated' }, resource: procedure(cpt, '58180') };
      case 'no-cervix-condition':
        return {
          meta: { kind: 'exclusion', item: 'cervical-screening', outright: true, done: true },
          resource: condition(false),
        };
      case 'refuted-no-cervix':
        return { meta: { kind: 'unrelated' }, resource: condition(true) };
    }
  });

const unrelatedArb: fc.Arbitrary<GeneratedEvent> = fc
  .record({ kind: fc.constantFrom('physio', 'glucose', 'appointment', 'screening-appointment'), at: dateArb })
  .map(({ kind, at }): GeneratedEvent => {
    if (kind === 'physio') {
      const physio: Procedure = {
        resourceType: 'Procedure',
        status: 'completed',
        subject,
        code: { coding: [{ system: cpt, code: '97110' }] },
        performedDateTime: at,
      };
      return { meta: { kind: 'unrelated' }, resource: physio };
    }
    if (kind === 'glucose') {
      const glucose: Observation = {
        resourceType: 'Observation',
        status: 'final',
        subject,
        code: { coding: [{ system: loinc, code: '2339-0' }] },
        valueQuantity: { value: 140, unit: 'mg/dL', code: 'mg/dL' },
        effectiveDateTime: at,
      };
      return { meta: { kind: 'unrelated' }, resource: glucose };
    }
    const appointment: Appointment = {
      resourceType: 'Appointment',
      id: `appt-${at}`,
      status: 'booked',
      start: `${at}T15:00:00Z`,
      participant: [{ actor: subject, status: 'accepted' }],
      ...(kind === 'screening-appointment'
        ? { serviceType: [{ coding: [{ system: snomed, code: '71651007' }] }] }
        : {}),
    };
    return { meta: { kind: 'unrelated' }, resource: appointment };
  });

const stopArb: fc.Arbitrary<GeneratedEvent> = fc
  .constantFrom<DeliveryChannel>('sms', 'email')
  .map((channel) => {
    const consent: Consent = {
      resourceType: 'Consent',
      status: 'active',
      scope: { coding: [{ code: 'patient-privacy' }] },
      category: [{ coding: [{ code: 'INFA' }] }],
      patient: subject,
      dateTime: `${TODAY}T08:00:00Z`,
      provision: { type: 'deny', code: [{ coding: [{ system: contactPointSystem, code: channel }] }] },
    };
    return { meta: { kind: 'stop', channel }, resource: consent };
  });

const cancelArb: fc.Arbitrary<GeneratedEvent> = fc
  .constantFrom(...screeningItems)
  .map((item) => ({ meta: { kind: 'cancel', item } }));

const eventArb = fc.oneof(
  { arbitrary: screeningArb, weight: 4 },
  { arbitrary: exclusionArb, weight: 2 },
  { arbitrary: unrelatedArb, weight: 2 },
  { arbitrary: stopArb, weight: 1 },
  { arbitrary: cancelArb, weight: 1 },
);

/** A sequence with some events sent twice, then shuffled: EHRs redeliver and reorder. */
const sequenceArb = fc
  .tuple(fc.array(eventArb, { minLength: 1, maxLength: 20 }), fc.array(fc.nat(), { maxLength: 6 }))
  .map(([events, duplicates]) => [...events, ...duplicates.map((index) => events[index % events.length]!)])
  .chain((events) => fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }));

type JourneyState = {
  status: 'open' | 'completed' | 'excluded' | 'cancelled';
  oneSides: OneSideRecord[];
  messages: number;
};

/** Runs one sequence through the router and the journey's decisions, one journey per item. */
function run(events: readonly GeneratedEvent[]) {
  const journeys = Object.fromEntries(
    screeningItems.map((item) => [item, { status: 'open', oneSides: [], messages: 0 } as JourneyState]),
  ) as Record<ScreeningItem, JourneyState>;
  const consents: ChannelConsent[] = [];
  const channelsAfterStop: Array<{ stopped: DeliveryChannel[]; channel: DeliveryChannel | null }> = [];
  const stopped = new Set<DeliveryChannel>();
  const history: Resource[] = [];
  for (const { meta, resource } of events) {
    const before = JSON.stringify(journeys);
    if (meta.kind === 'cancel') {
      if (journeys[meta.item].status === 'open') journeys[meta.item].status = 'cancelled';
      continue;
    }
    history.push(resource!);
    const decision = routeResource(resource!);
    if (decision.kind === 'consent') {
      for (const change of decision.changes) {
        consents.push({
          patientRef: 'ref',
          channel: change.channel,
          status: change.status,
          source: 'ehr',
          changedAt: ASOF,
        } as ChannelConsent);
        if (change.status === 'revoked') stopped.add(change.channel);
      }
    }
    // Appointment events are the appointment guards' business; screening facts are this journey's.
    const event = decision.kind === 'event' ? decision.events[PREVENTIVE_OUTREACH] : undefined;
    if (event && event.type !== 'screening-done' && event.type !== 'screening-excluded') {
      expect(meta.kind).toBe('unrelated');
      continue;
    }
    if (event && decision.kind === 'event') {
      // No journey is closed or advanced by an event not linked to it: one instance, by item.
      expect(decision.target.instances).toHaveLength(1);
      expect(decision.target.running).toBeUndefined();
      const item = decision.target.instances[0]!.params.item as ScreeningItem;
      const journey = journeys[item];
      if (journey.status === 'open') {
        const context = { item, today: TODAY, intervalOf };
        if (event.type === 'screening-done') {
          const outcome = decideScreeningDone(event as never, context);
          expect(outcome.kind).not.toBe('refuse');
          if (outcome.kind === 'complete') journey.status = 'completed';
        } else if (event.type === 'screening-excluded') {
          const excluded = event as { side?: 'left' | 'right' | 'unknown'; at?: string };
          const outcome = decideExclusion(event as never, context, journey.oneSides);
          expect(outcome.kind).not.toBe('refuse');
          if (excluded.side)
            journey.oneSides.push({ side: excluded.side, ...(excluded.at ? { at: excluded.at } : {}) });
          if (outcome.kind === 'exclude') journey.status = 'excluded';
        }
      }
    }
    // Oracle from the generator's own knowledge of the event.
    if (meta.kind === 'unrelated' || meta.kind === 'stop') expect(JSON.stringify(journeys)).toBe(before);
    if (meta.kind === 'screening') {
      const item = screeningTests[meta.test].item;
      // Flu shots cover their season (from 1 August), every other test its own interval.
      const stillCovers =
        meta.test === 'influenza-vaccine'
          ? meta.at >= '2026-08-01'
          : monthsBetween(meta.at, TODAY) < screeningTests[meta.test].validForMonths;
      const covering = meta.done && meta.at <= TODAY && stillCovers;
      // A recorded screening that still covers the patient always closes the outreach for its item...
      if (covering) expect(journeys[item].status).not.toBe('open');
      else expect(journeys[item].status).toBe(JSON.parse(before)[item].status);
      // ...and no other item.
      for (const other of screeningItems.filter((candidate) => candidate !== item)) {
        expect(journeys[other]).toEqual(JSON.parse(before)[other]);
      }
    }
    if (meta.kind === 'exclusion' && meta.done && meta.outright)
      expect(journeys[meta.item].status).not.toBe('open');
    // Each open outreach sends its next message now, through the engagement layer's channel choice.
    for (const item of screeningItems) {
      if (journeys[item].status !== 'open') continue;
      const choice = chooseChannel({
        patientRef: 'ref',
        contact: {
          email: 'p@example.org',
          phone: '+15555550100',
          portalEnabled: false,
          channelOrder: ['sms', 'email'],
        } as PatientContact,
        consents: [...new Map(consents.map((consent) => [consent.channel, consent])).values()],
        policy: {
          ...defaultEngagementPolicy,
          consentWithoutRecord: { ...defaultEngagementPolicy.consentWithoutRecord, sms: true, email: true },
        },
        requested: 'sms',
        exclude: [],
        available: new Set<DeliveryChannel>(['sms', 'email', 'letter']),
      });
      journeys[item].messages += 1;
      channelsAfterStop.push({ stopped: [...stopped], channel: choice.channel });
    }
  }
  return { journeys, history, channelsAfterStop };
}

describe('preventive outreach under random EHR event sequences (pure decisions)', () => {
  test('[HZ-60] [HZ-61] [HZ-65] [HZ-71] a recorded screening closes its own item only, exclusions end their item, unrelated events move nothing', () => {
    fc.assert(
      fc.property(sequenceArb, (events) => {
        run(events);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('[HZ-64] [HZ-68] the journey and the cohort finder agree on exclusions whatever the order: an excluded patient is never enrolled nor messaged', () => {
    fc.assert(
      fc.property(sequenceArb, (events) => {
        const { journeys, history } = run(events);
        const due = dueItems(patient, history, ASOF, screeningItems, 'UTC').map((item) => item.item);
        for (const item of screeningItems) {
          if (!exclusionOf(item, history)) continue;
          expect(due).not.toContain(item);
          // The running outreach saw the same records: it ended (excluded, or done or cancelled before).
          expect(journeys[item].status).not.toBe('open');
        }
        const sides = new Set(
          events.flatMap(({ meta }) =>
            meta.kind === 'exclusion' && meta.done && meta.side ? [meta.side] : [],
          ),
        );
        if (sides.has('left') && sides.has('right')) expect(due).not.toContain('mammogram');
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });

  test('no message on a channel after the patient said STOP on it', () => {
    fc.assert(
      fc.property(sequenceArb, (events) => {
        for (const { stopped, channel } of run(events).channelsAfterStop) {
          if (channel) expect(stopped).not.toContain(channel);
        }
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
  });

  test('[HZ-63] [HZ-70] overdue wording never claims more overdue time than the test done implies', () => {
    fc.assert(
      fc.property(
        fc.array(screeningArb, { maxLength: 12 }),
        fc.constantFrom(...screeningItems),
        (records, item) => {
          const history = records.map((record) => record.resource!);
          const [due] = dueItems(patient, history, ASOF, [item], 'UTC');
          if (!due?.lastDoneAt || !due.lastTest) return;
          const claimed = monthsOverdue(due.lastDoneAt, intervalOf(due.lastTest), TODAY)!;
          // Every record of the item that counts bounds the claim by its own interval.
          for (const { meta } of records) {
            if (meta.kind !== 'screening' || !meta.done || meta.at > TODAY) continue;
            if (screeningTests[meta.test].item !== item) continue;
            const truth = Math.max(0, monthsBetween(meta.at, TODAY) - intervalOf(meta.test));
            expect(claimed).toBeLessThanOrEqual(truth);
          }
          const text = renderTemplate({
            key: `preventive-outreach.${item}.call-to-action`,
            channel: 'sms',
            language: 'en',
            readingLevel: 'plain',
            values: {
              item,
              schedulingUrl: 'https://x.example',
              locations: 'here',
              monthsOverdue: String(claimed),
              timeZone: 'UTC',
            },
          }).text;
          const worded = /about (\d+) (year|month)s? overdue/.exec(text);
          if (worded)
            expect(Number(worded[1]) * (worded[2] === 'year' ? 12 : 1)).toBeLessThanOrEqual(claimed);
        },
      ),
      { seed: SEED + 3, numRuns: RUNS },
    );
  });
});
