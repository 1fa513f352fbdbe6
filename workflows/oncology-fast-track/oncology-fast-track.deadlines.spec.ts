import { z } from 'zod';
import { daysLate, endOfLocalDayAfter } from './calendar-days';
import {
  armedDeadlines,
  deadlineViews,
  dueAlerts,
  nextAlertAt,
  nextStepDueAt,
  unarmedRules,
  upcomingAlerts,
  type AlertLog,
  type DeadlineClock,
} from './oncology-fast-track.deadlines';
import {
  exitMilestones,
  handlingOf,
  milestonesReachedBy,
  rejectionOf,
  type MilestoneTimes,
} from './oncology-fast-track.pathway';
import {
  DILO_DEADLINES,
  NHS_ENGLAND_DEADLINES,
  oncologyFastTrackSettings,
} from './oncology-fast-track.settings';
import { DAY_MS, HOUR_MS } from '../../contracts/durations';

/** Pure rules of the fast oncology track, without Temporal: calendar days, the deadline engine, event order. */

const START = Date.parse('2026-03-02T00:00:00Z'); // a Monday, midnight UTC
const day = (n: number, hour = 10) => START + n * DAY_MS + hour * HOUR_MS;
const dilo: DeadlineClock = { rules: DILO_DEADLINES, warnDaysBefore: 3, timeZone: 'UTC' };
const byId = <T extends { id: string }>(items: T[]) =>
  Object.fromEntries(items.map((item) => [item.id, item]));

describe('calendar days', () => {
  test('a deadline of N days ends with the Nth local day after the start, whatever the hour', () => {
    expect(endOfLocalDayAfter(day(0, 23), 14, 'UTC')).toBe(START + 15 * DAY_MS);
    expect(endOfLocalDayAfter(day(0, 0), 14, 'UTC')).toBe(START + 15 * DAY_MS);
  });

  test('days are counted in the patient time zone, across a daylight saving change', () => {
    // 20 March 2026, 10:00 in Warsaw (CET); DST starts 29 March; day 14 is 3 April (CEST).
    const due = endOfLocalDayAfter(Date.parse('2026-03-20T10:00:00+01:00'), 14, 'Europe/Warsaw');
    expect(new Date(due).toISOString()).toBe('2026-04-03T22:00:00.000Z');
    // 23:30 in Warsaw is already the next day there.
    const lateEvening = endOfLocalDayAfter(Date.parse('2026-01-10T23:30:00+01:00'), 1, 'Europe/Warsaw');
    expect(new Date(lateEvening).toISOString()).toBe('2026-01-11T23:00:00.000Z');
  });

  test('lateness is in whole days, rounded up', () => {
    expect(daysLate(START + 1, START)).toBe(1);
    expect(daysLate(START + DAY_MS, START)).toBe(1);
    expect(daysLate(START + DAY_MS + 1, START)).toBe(2);
    expect(daysLate(START - 1, START)).toBe(0);
  });
});

describe('the deadline engine', () => {
  const atStart: MilestoneTimes = { 'clock-start': day(0) };

  test('the clock start arms the DiLO deadlines that run from it; the others wait for their milestone', () => {
    const armed = byId(
      armedDeadlines(dilo, atStart).map((deadline) => ({ id: deadline.rule.id, ...deadline })),
    );
    expect(Object.keys(armed)).toEqual(['specialist-visit', 'initial-diagnostics', 'diagnosis-complete']);
    expect(armed['specialist-visit']!.dueAt).toBe(START + 15 * DAY_MS);
    expect(armed['specialist-visit']!.warnAt).toBe(START + 12 * DAY_MS);
    expect(armed['diagnosis-complete']!.dueAt).toBe(START + 50 * DAY_MS);
    expect(unarmedRules(dilo, atStart).map((rule) => rule.id)).toEqual([
      'in-depth-diagnostics',
      'treatment-plan',
      'treatment-start',
    ]);
  });

  test('a coming deadline warns once, a passed one breaches once, and warning and breach come in that order', () => {
    const alerts: AlertLog = {};
    const armed = armedDeadlines(dilo, atStart);
    expect(dueAlerts(armed, alerts, day(11, 23))).toEqual([]);
    expect(nextAlertAt(armed, alerts, day(11, 23))).toBe(START + 12 * DAY_MS);

    const warnings = dueAlerts(armed, alerts, START + 12 * DAY_MS);
    expect(warnings.map((alert) => [alert.kind, alert.deadline.rule.id])).toEqual([
      ['warning', 'specialist-visit'],
    ]);
    alerts['specialist-visit'] = { warnedAt: START + 12 * DAY_MS };
    expect(dueAlerts(armed, alerts, day(13))).toEqual([]);

    const breaches = dueAlerts(armed, alerts, START + 15 * DAY_MS);
    expect(breaches.map((alert) => [alert.kind, alert.deadline.rule.id])).toEqual([
      ['breach', 'specialist-visit'],
    ]);
    alerts['specialist-visit'] = { ...alerts['specialist-visit'], breachedAt: START + 15 * DAY_MS };
    expect(deadlineViews(armed, alerts, false)[0]).toMatchObject({
      id: 'specialist-visit',
      status: 'breached',
    });
  });

  test('a milestone on the last day meets the deadline; one later is met late by whole days', () => {
    const onTime = armedDeadlines(dilo, { ...atStart, 'specialist-visit-done': day(14, 23) });
    expect(dueAlerts(onTime, {}, day(20))).toEqual([]);
    expect(deadlineViews(onTime, {}, false)[0]).toMatchObject({
      status: 'met',
      metAt: new Date(day(14, 23)).toISOString(),
    });

    const late = armedDeadlines(dilo, { ...atStart, 'specialist-visit-done': day(17) });
    const view = deadlineViews(late, { 'specialist-visit': { breachedAt: START + 15 * DAY_MS } }, false)[0];
    expect(view).toMatchObject({ status: 'met-late', lateByDays: 3 });
  });

  test('a backdated late milestone still raises its breach, and no warning', () => {
    const armed = armedDeadlines(dilo, { ...atStart, 'specialist-visit-done': day(16) });
    expect(dueAlerts(armed, {}, day(20)).map((alert) => [alert.kind, alert.deadline.rule.id])).toEqual([
      ['breach', 'specialist-visit'],
    ]);
  });

  test('warnings can be turned off', () => {
    const quiet = armedDeadlines({ ...dilo, warnDaysBefore: 0 }, atStart);
    expect(dueAlerts(quiet, {}, day(14))).toEqual([]);
    expect(upcomingAlerts(quiet, {}).map((timer) => timer.id)).toEqual([
      'deadline:specialist-visit',
      'deadline:initial-diagnostics',
      'deadline:diagnosis-complete',
    ]);
  });

  test('upcoming alerts list each open warning and due time, soonest first', () => {
    const armed = armedDeadlines(dilo, atStart);
    expect(
      upcomingAlerts(armed, { 'specialist-visit': { warnedAt: day(12) } }).map((timer) => timer.id),
    ).toEqual([
      'deadline:specialist-visit',
      'deadline-warning:initial-diagnostics',
      'deadline:initial-diagnostics',
      'deadline-warning:diagnosis-complete',
      'deadline:diagnosis-complete',
    ]);
  });

  test('closing the card voids what was still pending and keeps breaches', () => {
    const armed = armedDeadlines(dilo, {
      ...atStart,
      'specialist-visit-done': day(5),
      'cancer-ruled-out': day(29),
    });
    const views = byId(
      deadlineViews(armed, { 'initial-diagnostics': { breachedAt: START + 29 * DAY_MS } }, true),
    );
    expect(views['specialist-visit']!.status).toBe('met');
    expect(views['initial-diagnostics']).toMatchObject({ status: 'met-late', lateByDays: 1 });
    expect(views['diagnosis-complete']!.status).toBe('void');
  });

  test("the patient's next target is the earliest open deadline the stage's exits would meet", () => {
    const armed = armedDeadlines(dilo, atStart);
    expect(nextStepDueAt(armed, exitMilestones('waiting-list'), day(1))).toBe(START + 15 * DAY_MS);
    expect(nextStepDueAt(armed, exitMilestones('waiting-list'), day(16))).toBe(START + 29 * DAY_MS);
    const nhs = armedDeadlines({ ...dilo, rules: NHS_ENGLAND_DEADLINES }, atStart);
    // An NHS card sets no visit target: the waiting-list message names no date rather than the FDS
    // date (being told the outcome), which it would word as the visit's; the tests stage gives it.
    expect(nextStepDueAt(nhs, exitMilestones('waiting-list'), day(1))).toBeUndefined();
    expect(nextStepDueAt(nhs, exitMilestones('initial-diagnostics'), day(1))).toBe(START + 29 * DAY_MS);
    expect(nextStepDueAt(nhs, exitMilestones('in-treatment'), day(1))).toBeUndefined();
  });
});

describe('the clinical order of events', () => {
  const milestones: MilestoneTimes = { 'clock-start': day(0), 'specialist-visit-done': day(5) };
  const now = day(10);
  const iso = (ms: number) => new Date(ms).toISOString();

  test('accepts the next step and a plausible skip, with the skipped milestone implied', () => {
    expect(rejectionOf({ type: 'cancer-confirmed' }, 'initial-diagnostics', milestones, now)).toBeUndefined();
    const skipped = { type: 'cancer-confirmed', at: iso(day(8)) } as const;
    expect(rejectionOf(skipped, 'waiting-list', { 'clock-start': day(0) }, now)).toBeUndefined();
    expect(milestonesReachedBy(skipped, { 'clock-start': day(0) }, now)).toEqual({
      'cancer-confirmed': day(8),
      'specialist-visit-done': day(8),
    });
  });

  test('rejects duplicates, passed steps, impossible times and anything after the card closed', () => {
    expect(rejectionOf({ type: 'specialist-visit-done' }, 'initial-diagnostics', milestones, now)).toMatch(
      /already been recorded/,
    );
    expect(rejectionOf({ type: 'treatment-started' }, 'initial-diagnostics', milestones, now)).toMatch(
      /cannot be recorded in stage "initial-diagnostics": it is accepted in awaiting-treatment/,
    );
    expect(
      rejectionOf({ type: 'cancer-confirmed', at: iso(day(11)) }, 'initial-diagnostics', milestones, now),
    ).toMatch(/in the future/);
    expect(
      rejectionOf({ type: 'cancer-confirmed', at: iso(day(4)) }, 'initial-diagnostics', milestones, now),
    ).toMatch(/before Specialist visit/);
    expect(
      rejectionOf(
        { type: 'specialist-visit-done', at: iso(day(-1)) },
        'waiting-list',
        { 'clock-start': day(0) },
        now,
      ),
    ).toMatch(/before the card's clock start/);
    expect(rejectionOf({ type: 'treatment-finished' }, 'ruled-out', milestones, now)).toMatch(
      /card is closed/,
    );
  });

  test('an event ahead of the card is held, an implied date is corrected, a passed step is refused', () => {
    const none = new Set<never>();
    expect(handlingOf({ type: 'treatment-started' }, 'initial-diagnostics', milestones, none, now)).toEqual({
      action: 'hold',
      waitingFor: 'Consilium treatment plan',
    });
    const confirmed = { 'clock-start': day(0), 'cancer-confirmed': day(8), 'specialist-visit-done': day(8) };
    const implied = new Set(['specialist-visit-done'] as const);
    const visit = (at: number) => ({ type: 'specialist-visit-done', at: iso(at) }) as const;
    expect(handlingOf(visit(day(3)), 'in-depth-diagnostics', confirmed, implied, now)).toEqual({
      action: 'correct',
    });
    expect(handlingOf(visit(day(9)), 'in-depth-diagnostics', confirmed, implied, now)).toMatchObject({
      action: 'reject',
      reason: expect.stringMatching(/after Cancer confirmed/),
    });
    expect(handlingOf(visit(day(3)), 'in-depth-diagnostics', confirmed, none, now)).toMatchObject({
      action: 'reject',
      reason: expect.stringMatching(/already been recorded/),
    });
    expect(
      handlingOf(
        { type: 'in-depth-diagnostics-done', at: iso(day(4)) },
        'initial-diagnostics',
        milestones,
        none,
        now,
      ),
    ).toMatchObject({ action: 'reject', reason: expect.stringMatching(/before Specialist visit/) });
  });

  test('the presentation date may precede the in-depth result but not the clock start', () => {
    const confirmed = { ...milestones, 'cancer-confirmed': day(8) };
    const event = (presentedAt: number) =>
      ({ type: 'in-depth-diagnostics-done', at: iso(day(10)), presentedAt: iso(presentedAt) }) as const;
    expect(rejectionOf(event(day(6)), 'in-depth-diagnostics', confirmed, now)).toBeUndefined();
    expect(rejectionOf(event(day(-2)), 'in-depth-diagnostics', confirmed, now)).toMatch(/presentedAt/);
    expect(milestonesReachedBy(event(day(6)), confirmed, now)['presented-at-treating-hospital']).toBe(day(6));
  });
});

describe('the program settings', () => {
  test('empty settings resolve to the DiLO and NHS England defaults', () => {
    const defaults = oncologyFastTrackSettings().parse({});
    expect(defaults.profile).toBe('dilo');
    expect(defaults.warnDaysBefore).toBe(3);
    expect(defaults.profiles.dilo.map((rule) => [rule.id, rule.days])).toEqual([
      ['specialist-visit', 14],
      ['initial-diagnostics', 28],
      ['in-depth-diagnostics', 21],
      ['diagnosis-complete', 49],
      ['treatment-plan', 14],
      ['treatment-start', 14],
    ]);
    expect(defaults.profiles['nhs-england'].map((rule) => [rule.id, rule.days])).toEqual([
      ['faster-diagnosis', 28],
      ['decision-to-treat', 31],
      ['referral-to-treatment', 62],
    ]);
    expect(defaults.messages['waiting-list']).toBe('oncology-fast-track-waiting-list');
    expect(() =>
      z.toJSONSchema(oncologyFastTrackSettings(), { io: 'input', unrepresentable: 'any' }),
    ).not.toThrow();
  });

  test('a profile with duplicate ids, a self-meeting deadline or an unknown wording is refused', () => {
    const rule = DILO_DEADLINES[0]!;
    expect(oncologyFastTrackSettings().safeParse({ profiles: { dilo: [rule, rule] } }).success).toBe(false);
    expect(
      oncologyFastTrackSettings().safeParse({ profiles: { dilo: [{ ...rule, metBy: ['clock-start'] }] } })
        .success,
    ).toBe(false);
    expect(oncologyFastTrackSettings().safeParse({ messages: { 'waiting-list': 'hello' } }).success).toBe(
      false,
    );
  });
});
