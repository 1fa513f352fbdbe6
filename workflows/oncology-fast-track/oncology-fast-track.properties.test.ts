import fc from 'fast-check';
import { cardClock, CardState, lastDayShown } from './oncology-fast-track.card';
import { isClockEvent, type Milestone, type OncologyEventType } from './oncology-fast-track.contract';
import { eventRuleOf } from './oncology-fast-track.pathway';
import { oncologyFastTrackSettings, PROFILE_TIME_ZONES } from './oncology-fast-track.settings';
import { cardSequence, type CardSequence } from './oncology-fast-track.test-support';
import { DAY_MS } from '../../contracts/durations';

/*
 * 1,000 seeded random cards through the pure card state, driven the way the workflow drives it:
 * before each arrival the deadline alerts due by then are raised, then the event is applied, held
 * or refused, then held events whose step came are applied. The invariants hold whatever order,
 * lateness, duplication or nonsense the EHR and operators produce.
 */
const SEED = 20261207;
const RUNS = 1000;
const settings = oncologyFastTrackSettings().parse({});

interface Outcome {
  card: CardState;
  /** Event types the card applied (directly or once held). */
  applied: Set<OncologyEventType>;
  /** Breaches raised: deadline id to when. */
  breaches: Map<string, number>;
  /** When the card closed, if it did. */
  closedAt: number | undefined;
  /** The clock start the card runs on: given, or the first `clock-started` it took. */
  clockStartAt: number | undefined;
  /** Adjustments applied, by deadline id (days). */
  adjusted: Map<string, number>;
  endAt: number;
  stageEventsAfterClose: number;
}

function run(sequence: CardSequence): Outcome {
  const clock = cardClock(sequence.profile, settings, sequence.patientZone, true);
  const start = sequence.clockStartKnown ? sequence.clockStartAt : undefined;
  const card = new CardState(sequence.profile, clock, start, true);
  const outcome: Outcome = {
    card,
    applied: new Set(),
    breaches: new Map(),
    closedAt: undefined,
    clockStartAt: start,
    adjusted: new Map(),
    endAt: 0,
    stageEventsAfterClose: 0,
  };
  let now = sequence.clockStartAt;
  const noteClosed = () => {
    if (card.closed && outcome.closedAt === undefined) outcome.closedAt = now;
  };
  const raiseAlertsUntil = (until: number) => {
    for (;;) {
      for (const alert of card.dueAlerts(now)) {
        card.raised(alert, now);
        if (alert.kind === 'breach') outcome.breaches.set(alert.deadline.rule.id, now);
      }
      noteClosed();
      const next = card.nextAlertAt(now);
      if (next === undefined || next > until) return;
      now = next;
    }
  };
  const applied = (event: (typeof sequence.arrivals)[number]['event'], receivedAt: number) => {
    outcome.applied.add(event.type);
    if (event.type === 'clock-adjustment')
      outcome.adjusted.set(event.deadline, (outcome.adjusted.get(event.deadline) ?? 0) + event.days);
    if (event.type === 'clock-started') outcome.clockStartAt ??= event.at ? Date.parse(event.at) : receivedAt;
  };
  for (const { event, arrivesAt } of sequence.arrivals) {
    raiseAlertsUntil(arrivesAt);
    now = Math.max(now, arrivesAt);
    const wasClosed = card.closed;
    const handling = card.handling(event, now);
    if (wasClosed && !isClockEvent(event) && handling.action !== 'reject') outcome.stageEventsAfterClose += 1;
    if (handling.action === 'hold') card.hold(event, now);
    else if (handling.action !== 'reject') {
      card.apply(event, now);
      applied(event, now);
      for (let next = card.nextHeld(); next; next = card.nextHeld()) {
        if (next.handling.action === 'reject') continue;
        card.apply(next.held.event, next.held.receivedAt);
        applied(next.held.event, next.held.receivedAt);
      }
    }
    noteClosed();
    raiseAlertsUntil(now);
  }
  outcome.endAt = now + 400 * DAY_MS;
  raiseAlertsUntil(outcome.endAt);
  return outcome;
}

/** Milestones an applied event of this type reaches: its own and those it may imply. */
function reachable(applied: Set<OncologyEventType>): Set<Milestone> {
  const reached = new Set<Milestone>();
  for (const type of applied) {
    if (type === 'clock-started') reached.add('clock-start');
    else if (type === 'patient-informed') reached.add('patient-informed');
    else if (type !== 'clock-adjustment' && type !== 'delay-reason') {
      const rule = eventRuleOf(type, true);
      reached.add(rule.milestone);
      rule.implies.forEach((milestone) => reached.add(milestone));
      if (type === 'in-depth-diagnostics-done') reached.add('presented-at-treating-hospital');
    }
  }
  return reached;
}

/** Every passed deadline reaches a person: breached or met late means a breach was raised; pending means not due yet; void means the card closed first. */
function everyPassedDeadlineEscalates({ card, breaches, closedAt, endAt }: Outcome): void {
  for (const deadline of card.deadlines()) {
    const dueAt = Date.parse(deadline.dueAt);
    if (deadline.status === 'met-late' || deadline.status === 'breached')
      expect(breaches.has(deadline.id)).toBe(true);
    if (deadline.status === 'pending') expect(dueAt).toBeGreaterThan(endAt);
    if (deadline.status === 'void') expect(closedAt).toBeLessThan(dueAt);
  }
}

/** A deadline is met only by an event that meets it, and moved only by an adjustment it allows. */
function metOnlyByWhatMeetsIt({ card, applied, adjusted }: Outcome): void {
  const reached = reachable(applied);
  for (const armed of card.armed()) {
    if (armed.metAt !== undefined)
      expect(armed.rule.metBy.some((milestone) => reached.has(milestone))).toBe(true);
    if (adjusted.has(armed.rule.id)) expect(armed.rule.adjustable).toBe(true);
    if (armed.rule.id === 'faster-diagnosis' && armed.metAt !== undefined)
      expect(applied.has('patient-informed')).toBe(true);
    if (armed.rule.id === 'referral-to-treatment' && armed.metAt !== undefined)
      expect(applied.has('treatment-started')).toBe(true);
  }
}

/** Each clock starts at the card's clock start and falls due at midnight of the standard's calendar. */
function clocksFollowTheirSource({ card, adjusted, clockStartAt }: Outcome, sequence: CardSequence): void {
  const zone = PROFILE_TIME_ZONES[sequence.profile];
  for (const armed of card.armed()) {
    if (armed.rule.from === 'clock-start') expect(armed.armedAt).toBe(clockStartAt);
    expect(localTime(armed.dueAt, zone)).toBe('00:00');
    const days = armed.rule.days + (adjusted.get(armed.rule.id) ?? 0);
    const span = (armed.dueAt - armed.armedAt) / DAY_MS;
    expect(span).toBeGreaterThan(days - 0.05);
    expect(span).toBeLessThanOrEqual(days + 1.05);
  }
}

/** The last day the patient is told reads as the same date in their own zone. */
function patientReadsTheStandardsDate({ card }: Outcome, sequence: CardSequence): void {
  const zone = PROFILE_TIME_ZONES[sequence.profile];
  for (const armed of card.armed())
    expect(dateIn(lastDayShown(armed.dueAt, true), sequence.patientZone)).toBe(dateIn(armed.dueAt - 1, zone));
}

const formats = new Map<string, Intl.DateTimeFormat>();
const formatIn = (timeZone: string, options: Intl.DateTimeFormatOptions) => {
  const key = `${timeZone}${JSON.stringify(options)}`;
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat('en-GB', { timeZone, ...options }));
  return formats.get(key)!;
};
const localTime = (ms: number, timeZone: string) =>
  formatIn(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
const dateIn = (ms: number, timeZone: string) => formatIn(timeZone, { dateStyle: 'short' }).format(ms);

describe('oncology card properties (1,000 seeded random sequences)', () => {
  it("[HZ-44] [HZ-46] [HZ-47] [HZ-48] [HZ-50] [HZ-51] [HZ-52] [HZ-53] whatever order, lateness or duplication the events come in, every passed deadline escalates, none is met by an event that does not meet it, clocks follow their source, the patient reads the standard's date, and a closed card takes no step", () => {
    fc.assert(
      fc.property(cardSequence, (sequence) => {
        const outcome = run(sequence);
        everyPassedDeadlineEscalates(outcome);
        metOnlyByWhatMeetsIt(outcome);
        clocksFollowTheirSource(outcome, sequence);
        patientReadsTheStandardsDate(outcome, sequence);
        expect(outcome.stageEventsAfterClose).toBe(0);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
