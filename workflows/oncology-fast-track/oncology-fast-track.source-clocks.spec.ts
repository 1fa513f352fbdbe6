import { cardClock, CardState, lastDayShown } from './oncology-fast-track.card';
import {
  oncologyFastTrackEvent,
  type DeadlineProfileId,
  type OncologyFastTrackEvent,
} from './oncology-fast-track.contract';
import { dueAlerts } from './oncology-fast-track.deadlines';
import { oncologyFastTrackSettings } from './oncology-fast-track.settings';
import { DAY_MS, HOUR_MS } from '../../contracts/durations';

/*
 * The card's clocks as the sources define them (NHS CWT guidance v12.1; DiLO, pakietonkologiczny.gov.pl),
 * on the pure card state. British Summer Time and Polish summer time both apply in June, so a
 * London or Warsaw calendar day is not a UTC one.
 */
/** Midnight UTC, Tuesday 2 June 2026. */
const T0 = Date.parse('2026-06-02T00:00:00Z');
const day = (n: number, hour = 10) => T0 + n * DAY_MS + hour * HOUR_MS;
const iso = (ms: number) => new Date(ms).toISOString();
const NOW = day(200);
const settings = oncologyFastTrackSettings().parse({});

/** `null`: the referral named no clock start. */
function newCard(profile: DeadlineProfileId, clockStart: number | null = day(0), patientZone = 'UTC') {
  return new CardState(
    profile,
    cardClock(profile, settings, patientZone, true),
    clockStart ?? undefined,
    true,
  );
}

/** Applies an event the card must accept (or hold), at the time it happened. */
function record(card: CardState, event: OncologyFastTrackEvent, now = NOW) {
  const handling = card.handling(event, now);
  if (handling.action === 'reject') throw new Error(`refused: ${handling.reason}`);
  if (handling.action === 'hold') card.hold(event, now);
  else card.apply(event, now);
  for (let next = card.nextHeld(); next; next = card.nextHeld())
    if (next.handling.action !== 'reject') card.apply(next.held.event, next.held.receivedAt);
  return card;
}

const reasonOf = (card: CardState, event: OncologyFastTrackEvent) => {
  const handling = card.handling(event, NOW);
  return handling.action === 'reject' ? handling.reason : `not refused (${handling.action})`;
};

const deadline = (card: CardState, id: string) => card.deadlines().find((view) => view.id === id);

describe('source clocks of the fast oncology track', () => {
  it('[HZ-47] an NHS card counts its days on the English calendar and a DiLO card on the Polish one, wherever the patient lives', () => {
    const nhs = newCard('nhs-england', day(0), 'America/Chicago');
    // 28 days from 2 June end with 30 June in London: midnight BST is 23:00 UTC.
    expect(deadline(nhs, 'faster-diagnosis')!.dueAt).toBe('2026-06-30T23:00:00.000Z');
    record(nhs, { type: 'cancer-confirmed', at: iso(day(20)) });
    // 00:30 on 1 July in London is still 30 June in Chicago: late by the English date.
    record(nhs, { type: 'patient-informed', at: '2026-06-30T23:30:00Z' });
    expect(deadline(nhs, 'faster-diagnosis')).toMatchObject({ status: 'met-late', lateByDays: 1 });

    const dilo = newCard('dilo', day(0), 'Europe/London');
    expect(deadline(dilo, 'specialist-visit')!.dueAt).toBe('2026-06-16T22:00:00.000Z');
  });

  it('[HZ-45] a card started by a consultant upgrade runs the 62-day clock from the upgrade, and no FDS', () => {
    const clock = cardClock('nhs-england', settings, 'Europe/London', true, 'consultant-upgrade');
    const upgraded = new CardState('nhs-england', clock, day(0), true);
    expect(upgraded.deadlines().map((view) => view.id)).toEqual(['referral-to-treatment']);
    expect(
      newCard('nhs-england')
        .deadlines()
        .map((view) => view.id),
    ).toEqual(['faster-diagnosis', 'referral-to-treatment']);
  });

  it('[HZ-47] the last day a patient is given reads as the same date in their own zone', () => {
    const dueAt = Date.parse('2026-06-30T23:00:00Z'); // end of 30 June in London
    const shown = (zone: string) =>
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: zone }).format(
        lastDayShown(dueAt, true),
      );
    for (const zone of ['Europe/London', 'Europe/Warsaw', 'Asia/Dubai', 'America/New_York'])
      expect(shown(zone)).toBe('30 June 2026');
  });

  it('[HZ-48] the NHS Faster Diagnosis Standard stops when the patient is told, not when the result is issued', () => {
    const card = newCard('nhs-england');
    record(card, { type: 'cancer-confirmed', at: iso(day(10)) });
    expect(deadline(card, 'faster-diagnosis')).toMatchObject({ status: 'pending' });
    expect(deadline(card, 'faster-diagnosis')!.metAt).toBeUndefined();
    record(card, { type: 'patient-informed', at: iso(day(12)) });
    expect(deadline(card, 'faster-diagnosis')).toMatchObject({ status: 'met', metAt: iso(day(12)) });
    expect(reasonOf(card, { type: 'patient-informed', at: iso(day(13)) })).toMatch(/already been recorded/);
  });

  it('[HZ-48] a ruled-out NHS card stays open, and escalates, until the patient has been told', () => {
    const card = newCard('nhs-england');
    record(card, { type: 'cancer-ruled-out', at: iso(day(20)) });
    expect(card.stage).toBe('ruled-out');
    expect(card.closed).toBe(false);
    // Nobody told the patient: the FDS passes and reaches a person.
    const breach = card.dueAlerts(day(29, 12)).filter((alert) => alert.kind === 'breach');
    expect(breach.map((alert) => alert.deadline.rule.id)).toEqual(['faster-diagnosis']);
    const told = newCard('nhs-england');
    record(told, { type: 'cancer-ruled-out', at: iso(day(20)) });
    record(told, { type: 'patient-informed', at: iso(day(22)) });
    expect(told.closed).toBe(true);
    expect(deadline(told, 'faster-diagnosis')!.status).toBe('met');
  });

  it('[HZ-48] a record that the patient was told, filed before the result, waits for it and never counts before it', () => {
    const card = newCard('nhs-england');
    record(card, { type: 'patient-informed', at: iso(day(9)) });
    expect(card.facts().heldEvents).toBe('patient-informed');
    expect(deadline(card, 'faster-diagnosis')!.metAt).toBeUndefined();
    record(card, { type: 'cancer-confirmed', at: iso(day(11)) });
    expect(deadline(card, 'faster-diagnosis')!.metAt).toBe(iso(day(11)));
  });

  it('[HZ-49] a diagnosis recorded before the referral is taken, not refused, and the card moves on', () => {
    const card = newCard('dilo');
    record(card, { type: 'specialist-visit-done', at: iso(day(3)) });
    record(card, { type: 'cancer-confirmed', at: iso(day(-40)) });
    expect(card.stage).toBe('in-depth-diagnostics');
    // Counted from the card's latest step, the first moment it could take it: never before the clock.
    expect(card.facts()['cancer-confirmedAt']).toBe(iso(day(3)));
    const ruledOut = newCard('dilo');
    record(ruledOut, { type: 'cancer-ruled-out', at: iso(day(-2)) });
    expect(ruledOut.stage).toBe('ruled-out');
  });

  it('[HZ-50] first definitive treatment ends the 62-day clock without a recorded decision to treat', () => {
    const card = newCard('nhs-england');
    record(card, { type: 'cancer-confirmed', at: iso(day(20)) });
    record(card, { type: 'patient-informed', at: iso(day(21)) });
    record(card, { type: 'treatment-started', at: iso(day(50)) });
    expect(card.stage).toBe('in-treatment');
    expect(deadline(card, 'referral-to-treatment')).toMatchObject({ status: 'met', metAt: iso(day(50)) });
    // No decision to treat was recorded: its 31-day clock is not started, and so never "met".
    expect(deadline(card, 'decision-to-treat')).toBeUndefined();
    expect(card.dueAlerts(day(70))).toEqual([]);
  });

  it('[HZ-52] a consilium plan recorded without the presentation date can still miss the DiLO plan deadline', () => {
    const late = newCard('dilo');
    record(late, { type: 'cancer-confirmed', at: iso(day(10)) });
    record(late, { type: 'consilium-plan', at: iso(day(30)) });
    expect(deadline(late, 'treatment-plan')).toMatchObject({ status: 'met-late', lateByDays: 6 });
    const alerts = dueAlerts(late.armed(), {}, day(30, 11));
    expect(alerts.map((alert) => `${alert.kind}:${alert.deadline.rule.id}`)).toContain(
      'breach:treatment-plan',
    );

    const onTime = newCard('dilo');
    record(onTime, { type: 'cancer-confirmed', at: iso(day(10)) });
    record(onTime, { type: 'consilium-plan', at: iso(day(20)) });
    expect(deadline(onTime, 'treatment-plan')!.status).toBe('met');
    // The real presentation date, recorded afterwards, replaces the implied one.
    record(late, {
      type: 'in-depth-diagnostics-done',
      at: iso(day(28)),
      presentedAt: iso(day(25)),
    });
    expect(deadline(late, 'treatment-plan')!.status).toBe('met');
  });

  it('[HZ-53] an operator records a CWT clock adjustment with a reason; it moves only an adjustable clock, once', () => {
    const card = newCard('nhs-england');
    const offer = iso(day(30));
    const adjustment: OncologyFastTrackEvent = {
      type: 'clock-adjustment',
      at: offer,
      deadline: 'referral-to-treatment',
      days: 14,
      reason: 'Patient declined a reasonable offer of admitted treatment on the offered date',
    };
    const before = deadline(card, 'referral-to-treatment')!.dueAt;
    record(card, adjustment);
    expect(Date.parse(deadline(card, 'referral-to-treatment')!.dueAt) - Date.parse(before)).toBe(14 * DAY_MS);
    expect(card.facts().clockAdjustments).toBe('referral-to-treatment +14 d');
    expect(reasonOf(card, adjustment)).toMatch(/already recorded/);
    expect(reasonOf(card, { ...adjustment, deadline: 'faster-diagnosis' })).toMatch(/cannot be adjusted/);
    expect(reasonOf(card, { ...adjustment, deadline: 'decision-to-treat' })).toMatch(/has not started/);
    expect(reasonOf(card, { ...adjustment, deadline: 'no-such-clock' })).toMatch(/has no deadline/);
    // No reason, no adjustment: the API refuses it before it reaches the card.
    const { reason: _reason, ...withoutReason } = adjustment;
    expect(oncologyFastTrackEvent().safeParse(withoutReason).success).toBe(false);
    expect(oncologyFastTrackEvent().safeParse({ ...adjustment, reason: ' ' }).success).toBe(false);

    const dueBefore = deadline(card, 'faster-diagnosis')!.dueAt;
    record(card, { type: 'delay-reason', deadline: 'faster-diagnosis', reason: 'Patient asked to wait' });
    expect(deadline(card, 'faster-diagnosis')!.dueAt).toBe(dueBefore);
    expect(card.delayReasons).toHaveLength(1);
  });

  it('[HZ-46] a card whose clock start is unknown runs no deadline on a guess until it is recorded', () => {
    const card = newCard('dilo', null);
    expect(card.clockStarted).toBe(false);
    expect(card.deadlines()).toEqual([]);
    record(card, { type: 'clock-started', at: iso(day(1)) });
    expect(deadline(card, 'specialist-visit')!.dueAt).toBe('2026-06-17T22:00:00.000Z');
    expect(reasonOf(card, { type: 'clock-started', at: iso(day(2)) })).toMatch(/already been recorded/);

    const visited = newCard('dilo', null);
    record(visited, { type: 'specialist-visit-done', at: iso(day(5)) });
    expect(reasonOf(visited, { type: 'clock-started', at: iso(day(6)) })).toMatch(/before every step/);
    record(visited, { type: 'clock-started', at: iso(day(1)) });
    expect(deadline(visited, 'specialist-visit')).toMatchObject({ status: 'met', metAt: iso(day(5)) });
  });
});
