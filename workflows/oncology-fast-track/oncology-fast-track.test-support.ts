import fc from 'fast-check';
import type { DeadlineProfileId, OncologyFastTrackEvent } from './oncology-fast-track.contract';
import { DILO_DEADLINES, NHS_ENGLAND_DEADLINES } from './oncology-fast-track.settings';
import { DAY_MS, HOUR_MS } from '../../contracts/durations';

/*
 * Random EHR and operator event sequences for one card, for the property tests (test support, no
 * Temporal): a plausible clinical course whose events arrive late, early, shuffled and twice, with
 * unrelated and impossible events and operator clock adjustments and delay reasons mixed in.
 */

/** Monday 5 January 2026, 00:00 UTC: sequences start up to two years later, across DST changes. */
const EPOCH = Date.parse('2026-01-05T00:00:00Z');

export const PATIENT_ZONES = [
  'Europe/London',
  'Europe/Warsaw',
  'Europe/Lisbon',
  'Africa/Lagos',
  'Asia/Dubai',
  'America/New_York',
] as const;

const DEADLINE_IDS = [...new Set([...DILO_DEADLINES, ...NHS_ENGLAND_DEADLINES].map((rule) => rule.id))];

export interface Arrival {
  event: OncologyFastTrackEvent;
  /** When the journey receives it (epoch ms). */
  arrivesAt: number;
}

export interface CardSequence {
  profile: DeadlineProfileId;
  patientZone: string;
  /** The true clock start; `clockStartKnown` false: the referral did not carry it. */
  clockStartAt: number;
  clockStartKnown: boolean;
  arrivals: Arrival[];
}

const iso = (ms: number) => new Date(ms).toISOString();

const extraEvent = fc.record({
  type: fc.constantFrom(
    'specialist-visit-done',
    'cancer-confirmed',
    'cancer-ruled-out',
    'in-depth-diagnostics-done',
    'consilium-plan',
    'treatment-started',
    'treatment-finished',
    'clock-started',
    'patient-informed',
    'clock-adjustment',
    'delay-reason',
  ),
  happenedDay: fc.integer({ min: -40, max: 200 }),
  arrivalDay: fc.integer({ min: 0, max: 220 }),
  deadline: fc.constantFrom(...DEADLINE_IDS, 'no-such-deadline'),
  days: fc.integer({ min: 1, max: 30 }),
});

export const cardSequence: fc.Arbitrary<CardSequence> = fc
  .record({
    profile: fc.constantFrom<DeadlineProfileId>('dilo', 'nhs-england'),
    patientZone: fc.constantFrom(...PATIENT_ZONES),
    startDay: fc.integer({ min: 0, max: 730 }),
    startHour: fc.integer({ min: 0, max: 23 }),
    clockStartKnown: fc.integer({ min: 0, max: 9 }).map((roll) => roll > 0),
    gapsInDays: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 8, maxLength: 8 }),
    outcome: fc.constantFrom('confirmed', 'ruled-out', 'known-before-referral'),
    skipVisit: fc.boolean(),
    skipInDepth: fc.boolean(),
    skipPlan: fc.integer({ min: 0, max: 3 }).map((roll) => roll === 0),
    informed: fc.integer({ min: 0, max: 4 }).map((roll) => roll > 0),
    delaysInHours: fc.array(fc.integer({ min: 0, max: 15 * 24 }), { minLength: 10, maxLength: 10 }),
    omitAt: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    duplicates: fc.array(fc.nat({ max: 9 }), { maxLength: 4 }),
    extras: fc.array(extraEvent, { maxLength: 6 }),
  })
  .map((draw) => {
    const start = EPOCH + draw.startDay * DAY_MS + draw.startHour * HOUR_MS;
    const gap = (index: number) => draw.gapsInDays[index]! * DAY_MS + 3 * HOUR_MS;
    const course: OncologyFastTrackEvent[] = [];
    let at = start;
    if (!draw.skipVisit) course.push({ type: 'specialist-visit-done', at: iso((at += gap(0))) });
    const resultAt = draw.outcome === 'known-before-referral' ? start - 30 * DAY_MS : (at += gap(1));
    const ruledOut = draw.outcome === 'ruled-out';
    course.push({ type: ruledOut ? 'cancer-ruled-out' : 'cancer-confirmed', at: iso(resultAt) });
    if (draw.informed) course.push({ type: 'patient-informed', at: iso(Math.max(at, resultAt) + gap(2)) });
    if (!ruledOut) {
      at = Math.max(at, start);
      if (!draw.skipInDepth) {
        const done = (at += gap(3));
        course.push({ type: 'in-depth-diagnostics-done', at: iso(done), presentedAt: iso(done - gap(4)) });
      }
      if (!draw.skipPlan) course.push({ type: 'consilium-plan', at: iso((at += gap(5))) });
      course.push({ type: 'treatment-started', at: iso((at += gap(6))) });
      course.push({ type: 'treatment-finished', at: iso(at + gap(7) + 10 * DAY_MS) });
    }
    if (!draw.clockStartKnown) course.unshift({ type: 'clock-started', at: iso(start) });

    const arrivals: Arrival[] = course.map((event, index) => {
      const happened = Date.parse(event.at!);
      const arrivesAt = Math.max(start, happened) + draw.delaysInHours[index % 10]! * HOUR_MS;
      // Some EHRs send no date: the event then counts from its arrival, as the journey does.
      const undated = draw.omitAt[index % 10] && event.type !== 'clock-started';
      return { event: undated ? ({ ...event, at: undefined } as OncologyFastTrackEvent) : event, arrivesAt };
    });
    for (const index of draw.duplicates) {
      const original = arrivals[index % arrivals.length]!;
      arrivals.push({ event: original.event, arrivesAt: original.arrivesAt + (index + 1) * HOUR_MS });
    }
    for (const extra of draw.extras) {
      const arrivesAt = start + extra.arrivalDay * DAY_MS + 7 * HOUR_MS;
      const happened = iso(start + extra.happenedDay * DAY_MS);
      const event: OncologyFastTrackEvent =
        extra.type === 'clock-adjustment'
          ? {
              type: 'clock-adjustment',
              at: happened,
              deadline: extra.deadline,
              days: extra.days,
              reason: 'Patient declined a reasonable offer',
            }
          : extra.type === 'delay-reason'
            ? {
                type: 'delay-reason',
                at: happened,
                deadline: extra.deadline,
                reason: 'Patient asked to wait',
              }
            : extra.type === 'clock-started'
              ? { type: 'clock-started', at: happened }
              : { type: extra.type, at: happened };
      arrivals.push({ event, arrivesAt });
    }
    arrivals.sort((a, b) => a.arrivesAt - b.arrivesAt);
    return {
      profile: draw.profile,
      patientZone: draw.patientZone,
      clockStartAt: start,
      clockStartKnown: draw.clockStartKnown,
      arrivals,
    };
  });
