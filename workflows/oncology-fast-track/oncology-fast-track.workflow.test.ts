import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { recordHistoryFixture } from '../../test/helpers/history-fixtures';
import {
  createJourneyHarness,
  DAY,
  expectStagesInBlueprint,
  HOUR,
  type JourneyHarness,
} from '../../test/helpers/journey-harness';
import {
  cancelJourneyUpdate,
  journeyEventUpdate,
  pauseJourneyUpdate,
  progressQuery,
  resumeJourneyUpdate,
  type DeadlineView,
  type JourneyProgress,
} from '../../contracts/journey-contract';
import { ONCOLOGY_FAST_TRACK, type OncologyFastTrackEvent } from './oncology-fast-track.contract';
import { DILO_DEADLINES } from './oncology-fast-track.settings';
import { daysLate, endOfLocalDayAfter } from './calendar-days';
import { openDeadlines } from '../../contracts/open-deadlines';
import { nextDeadlineKey } from '../../contracts/search-attributes';

/*
 * Whole cards on the time-skipping server: weeks of a fast oncology track in seconds. Each card
 * starts at midnight UTC of the server's current day, so "day n" of a card is easy to reason about.
 */
describe('fast oncology track (time-skipping)', () => {
  let harness: JourneyHarness;

  beforeAll(async () => {
    harness = await createJourneyHarness('oncology');
  });
  afterAll(() => harness?.close());

  interface CardOptions {
    params?: Record<string, unknown>;
    settings?: Record<string, unknown>;
    settingsVersion?: number;
  }

  async function startCard(options: CardOptions = {}) {
    const now = await harness.now();
    const clockStart = Math.floor(now / DAY) * DAY;
    const handle = await harness.start(ONCOLOGY_FAST_TRACK, {
      params: {
        cardId: `DILO-${now.toString(36)}`,
        clockStartAt: new Date(clockStart).toISOString(),
        timeZone: 'UTC',
        ...options.params,
      },
      settings: options.settings,
      settingsVersion: options.settingsVersion,
    });
    /** An instant on day `n` of the card (day 0 is the clock start's day). */
    const day = (n: number, hour = 10) => clockStart + n * DAY + hour * HOUR;
    const skipTo = async (at: number) => {
      const current = await harness.now();
      if (at > current) await harness.env.sleep(at - current);
    };
    /** Moves time to `at` and records the event as happening then. */
    const eventAt = async (at: number, event: OncologyFastTrackEvent) => {
      await skipTo(at);
      return handle.executeUpdate(journeyEventUpdate, {
        args: [{ ...event, at: new Date(at).toISOString() }],
      });
    };
    const progress = () => handle.query(progressQuery);
    return { handle, clockStart, day, skipTo, eventAt, progress };
  }

  const deadlinesById = (progress: JourneyProgress): Record<string, DeadlineView> =>
    Object.fromEntries(progress.deadlines.map((deadline) => [deadline.id, deadline]));

  const tasksOf = async (handle: WorkflowHandle) =>
    (await harness.tasksOf(handle.workflowId)).map((task) => ({
      kind: task.kind,
      priority: task.priority,
      deadline: task.details.deadlineId,
      title: task.title,
    }));

  const templatesOf = async (handle: WorkflowHandle) =>
    (await harness.messagesOf(handle.workflowId)).map((message) => message.template);

  async function rejection(update: Promise<unknown>): Promise<string> {
    const error: unknown = await update.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    return (error as WorkflowUpdateFailedError).cause?.message ?? '';
  }

  /** Alerts are raised when their timer fires, a few milliseconds of workflow work after it. */
  const expectWithinMinutesAfter = (iso: string | undefined, at: number) => {
    expect(Date.parse(iso ?? '')).toBeGreaterThanOrEqual(at);
    expect(Date.parse(iso ?? '')).toBeLessThan(at + 5 * 60 * 1000);
  };

  const localDay = (at: number, timeZone: string) =>
    new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone }).format(new Date(at));

  test('happy path: every DiLO deadline met, the patient told each next step, no staff task', async () => {
    const card = await startCard({ params: { timeZone: undefined } }); // the default zone, Europe/Warsaw
    await card.skipTo(card.day(1));
    const [welcome] = await harness.messagesOf(card.handle.workflowId);
    expect(welcome).toMatchObject({ template: 'oncology-fast-track-waiting-list', channel: 'portal' });
    expect(welcome!.body).toContain(
      `visit with a specialist. We aim to complete this step by ${localDay(card.day(14), 'Europe/Warsaw')}.`,
    );

    expect((await card.eventAt(card.day(7), { type: 'specialist-visit-done' })).stage).toBe(
      'initial-diagnostics',
    );
    expect((await card.eventAt(card.day(14), { type: 'cancer-confirmed' })).stage).toBe(
      'in-depth-diagnostics',
    );
    const diagnosed = await card.eventAt(card.day(28), {
      type: 'in-depth-diagnostics-done',
      presentedAt: new Date(card.day(27)).toISOString(),
    });
    expect(diagnosed.stage).toBe('treatment-planning');
    expect(deadlinesById(diagnosed)['treatment-plan']!.status).toBe('pending'); // from the presentation on day 27
    const planned = await card.eventAt(card.day(35), {
      type: 'consilium-plan',
      coordinator: 'Anna Kowalska',
    });
    expect(planned).toMatchObject({ stage: 'awaiting-treatment', facts: { coordinator: 'Anna Kowalska' } });
    await card.eventAt(card.day(42), { type: 'treatment-started' });
    await card.eventAt(card.day(120), { type: 'treatment-finished' });

    const final: JourneyProgress = await card.handle.result();
    expect(final).toMatchObject({ status: 'completed', stage: 'treatment-finished' });
    expectStagesInBlueprint(final);
    expect(final.deadlines.map((deadline) => [deadline.id, deadline.status])).toEqual([
      ['specialist-visit', 'met'],
      ['initial-diagnostics', 'met'],
      ['in-depth-diagnostics', 'met'],
      ['diagnosis-complete', 'met'],
      ['treatment-plan', 'met'],
      ['treatment-start', 'met'],
    ]);
    expect(await tasksOf(card.handle)).toEqual([]);
    const messages = await harness.messagesOf(card.handle.workflowId);
    expect(messages.map((message) => message.template)).toEqual([
      'oncology-fast-track-waiting-list',
      'oncology-fast-track-initial-diagnostics',
      'oncology-fast-track-in-depth-diagnostics',
      'oncology-fast-track-treatment-planning',
      'oncology-fast-track-awaiting-treatment',
      'oncology-fast-track-in-treatment',
      'oncology-fast-track-treatment-finished',
    ]);
    expect(messages[4]!.body).toContain('Your care coordinator is Anna Kowalska');
    expect(messages[4]!.body).toContain(`We aim to start it by ${localDay(card.day(49), 'Europe/Warsaw')}.`);
    for (const message of messages) expect(message.body).not.toMatch(/cancer|oncolog|tumou?r/i);
    await recordHistoryFixture(card.handle, ONCOLOGY_FAST_TRACK, 'happy-path-treatment-finished');
  });

  test('in-depth diagnostics running late: the coordinator is warned, then a breach task, then met late', async () => {
    const card = await startCard();
    await card.eventAt(card.day(3), { type: 'specialist-visit-done' });
    await card.eventAt(card.day(10), { type: 'cancer-confirmed' }); // in-depth due by the end of day 31

    // DiLO days are Polish calendar days, whatever the patient's zone (UTC here).
    const inDepthDue = endOfLocalDayAfter(card.day(10), 21, 'Europe/Warsaw');
    await card.skipTo(card.day(28, 0));
    expect(await tasksOf(card.handle)).toEqual([]);
    expect((await card.progress()).upcoming[0]).toEqual({
      id: 'deadline-warning:in-depth-diagnostics',
      label: 'Warn the coordinator: In-depth diagnostics after confirmation (21 days)',
      dueAt: new Date(inDepthDue - 3 * DAY).toISOString(),
    });

    await card.skipTo(card.day(29));
    expect(await tasksOf(card.handle)).toEqual([
      {
        kind: 'deadline-warning',
        priority: 'routine',
        deadline: 'in-depth-diagnostics',
        title: 'In-depth diagnostics after confirmation (21 days) due in 3 days',
      },
    ]);
    const warned = deadlinesById(await card.progress())['in-depth-diagnostics']!;
    expect(warned.status).toBe('pending');
    expectWithinMinutesAfter(warned.warnedAt, inDepthDue - 3 * DAY);

    await card.skipTo(card.day(32));
    const tasks = await tasksOf(card.handle);
    expect(tasks).toHaveLength(2);
    expect(tasks[1]).toEqual({
      kind: 'deadline-breach',
      priority: 'urgent',
      deadline: 'in-depth-diagnostics',
      title: 'Deadline missed: In-depth diagnostics after confirmation (21 days)',
    });
    const breached = await card.progress();
    const missed = deadlinesById(breached)['in-depth-diagnostics']!;
    expect(missed.status).toBe('breached');
    expectWithinMinutesAfter(missed.breachedAt, inDepthDue);
    expect(
      breached.timeline.filter((entry) => entry.kind === 'deadline').map((entry) => entry.summary),
    ).toContain('Deadline missed: In-depth diagnostics after confirmation (21 days)');

    const done = await card.eventAt(card.day(35), { type: 'in-depth-diagnostics-done' });
    expect(deadlinesById(done)['in-depth-diagnostics']).toMatchObject({ status: 'met-late', lateByDays: 4 });
    expect(deadlinesById(done)['diagnosis-complete']!.status).toBe('met');
    expect(done.stage).toBe('treatment-planning');
    expectStagesInBlueprint(done);
    expect(await tasksOf(card.handle)).toHaveLength(2);
    await recordHistoryFixture(card.handle, ONCOLOGY_FAST_TRACK, 'in-depth-diagnostics-late');
  });

  test('cancer ruled out closes the card: the patient is told, pending deadlines are void', async () => {
    const card = await startCard();
    await card.eventAt(card.day(4), { type: 'specialist-visit-done' });
    const closed = await card.eventAt(card.day(12), { type: 'cancer-ruled-out' });
    expect(closed.stage).toBe('ruled-out');
    expect(closed.upcoming).toEqual([]);

    const final: JourneyProgress = await card.handle.result();
    expect(final).toMatchObject({ status: 'completed', stage: 'ruled-out' });
    expectStagesInBlueprint(final);
    expect(final.deadlines.map((deadline) => [deadline.id, deadline.status])).toEqual([
      ['specialist-visit', 'met'],
      ['initial-diagnostics', 'met'],
      ['diagnosis-complete', 'void'],
    ]);
    expect(await templatesOf(card.handle)).toEqual([
      'oncology-fast-track-waiting-list',
      'oncology-fast-track-initial-diagnostics',
      'oncology-fast-track-ruled-out',
    ]);
    expect(await tasksOf(card.handle)).toEqual([]);
    // The run has ended: Temporal itself refuses anything more for this card.
    await expect(
      card.handle.executeUpdate(journeyEventUpdate, { args: [{ type: 'cancer-confirmed' }] }),
    ).rejects.toThrow();
    await recordHistoryFixture(card.handle, ONCOLOGY_FAST_TRACK, 'cancer-ruled-out');
  });

  test('NHS England profile: a missed 28-day Faster Diagnosis Standard and 62-day referral to treatment', async () => {
    const card = await startCard({ params: { profile: 'nhs-england', channel: 'sms' } });

    await card.skipTo(card.day(29));
    expect(await tasksOf(card.handle)).toEqual([
      expect.objectContaining({ kind: 'deadline-warning', deadline: 'faster-diagnosis' }),
      expect.objectContaining({ kind: 'deadline-breach', priority: 'urgent', deadline: 'faster-diagnosis' }),
    ]);
    // The FDS stops when the patient is told (CWT v12.1), not when the result is issued.
    const confirmed = await card.eventAt(card.day(30), { type: 'cancer-confirmed' });
    expect(deadlinesById(confirmed)['faster-diagnosis']!.status).toBe('breached');
    const told = await card.eventAt(card.day(31), { type: 'patient-informed' });
    const fdsDue = endOfLocalDayAfter(card.clockStart, 28, 'Europe/London');
    expect(deadlinesById(told)['faster-diagnosis']).toMatchObject({
      status: 'met-late',
      lateByDays: daysLate(card.day(31), fdsDue),
    });

    // No separate in-depth step on this pathway: the decision to treat follows the confirmation.
    const decided = await card.eventAt(card.day(40), { type: 'consilium-plan' });
    expect(decided.stage).toBe('awaiting-treatment');
    expect(deadlinesById(decided)['decision-to-treat']!.dueAt).toBe(
      new Date(endOfLocalDayAfter(card.day(40), 31, 'Europe/London')).toISOString(),
    );

    await card.skipTo(card.day(63));
    expect(deadlinesById(await card.progress())['referral-to-treatment']!.status).toBe('breached');
    const started = await card.eventAt(card.day(66), { type: 'treatment-started' });
    expect(started.deadlines.map((deadline) => [deadline.id, deadline.status, deadline.lateByDays])).toEqual([
      ['faster-diagnosis', 'met-late', daysLate(card.day(31), fdsDue)],
      ['decision-to-treat', 'met', undefined],
      ['referral-to-treatment', 'met-late', 4],
    ]);
    expect((await tasksOf(card.handle)).map((task) => `${task.kind}:${task.deadline}`)).toEqual([
      'deadline-warning:faster-diagnosis',
      'deadline-breach:faster-diagnosis',
      'deadline-warning:referral-to-treatment',
      'deadline-breach:referral-to-treatment',
    ]);

    await card.eventAt(card.day(150), { type: 'treatment-finished' });
    const final: JourneyProgress = await card.handle.result();
    expect(final).toMatchObject({
      status: 'completed',
      stage: 'treatment-finished',
      facts: { profile: 'nhs-england' },
    });
    expectStagesInBlueprint(final);
    const messages = await harness.messagesOf(card.handle.workflowId);
    expect(messages.every((message) => message.channel === 'sms')).toBe(true);
    expect(messages).toHaveLength(5);
    await recordHistoryFixture(card.handle, ONCOLOGY_FAST_TRACK, 'nhs-england-breaches');
  });

  test('a duplicate, out-of-order or impossible event is refused and leaves no trace', async () => {
    const card = await startCard();
    await card.eventAt(card.day(2), { type: 'specialist-visit-done' });
    await card.skipTo(card.day(3));
    const before = await card.progress();

    expect(await rejection(card.eventAt(card.day(3), { type: 'specialist-visit-done' }))).toMatch(
      /Specialist visit has already been recorded on this card/,
    );
    const tomorrow = new Date(card.day(4)).toISOString();
    expect(
      await rejection(
        card.handle.executeUpdate(journeyEventUpdate, { args: [{ type: 'cancer-confirmed', at: tomorrow }] }),
      ),
    ).toMatch(/in the future/);
    const beforeVisit = new Date(card.day(1)).toISOString();
    expect(
      await rejection(
        card.handle.executeUpdate(journeyEventUpdate, {
          args: [{ type: 'cancer-confirmed', at: beforeVisit }],
        }),
      ),
    ).toMatch(/before Specialist visit/);
    expect(
      await rejection(card.handle.executeUpdate(journeyEventUpdate, { args: [{ type: 'biopsy-taken' }] })),
    ).toMatch(/Invalid event/);

    expect(await card.progress()).toEqual(before);
    expectStagesInBlueprint(before);
    const history = await card.handle.fetchHistory();
    const accepted = history.events!.filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes);
    expect(accepted).toHaveLength(1);
    expect(await templatesOf(card.handle)).toHaveLength(2);
  });

  test('a confirmation without a recorded specialist visit is accepted and counts the visit as done', async () => {
    const card = await startCard();
    const confirmed = await card.eventAt(card.day(9), { type: 'cancer-confirmed' });
    expect(confirmed.stage).toBe('in-depth-diagnostics');
    expect(deadlinesById(confirmed)['specialist-visit']).toMatchObject({
      status: 'met',
      metAt: new Date(card.day(9)).toISOString(),
    });
    expect(confirmed.facts['specialist-visit-doneAt']).toBe(
      `${new Date(card.day(9)).toISOString()} (implied)`,
    );
    expectStagesInBlueprint(confirmed);
  });

  test('a specialist visit filed after the confirmation replaces the implied date; the card stays where it is', async () => {
    const card = await startCard();
    await card.eventAt(card.day(9), { type: 'cancer-confirmed' });
    await card.skipTo(card.day(10));
    const visitAt = new Date(card.day(3)).toISOString();
    const corrected = await card.handle.executeUpdate(journeyEventUpdate, {
      args: [{ type: 'specialist-visit-done', at: visitAt }],
    });

    expect(corrected.stage).toBe('in-depth-diagnostics');
    expect(corrected.facts['specialist-visit-doneAt']).toBe(visitAt);
    expect(deadlinesById(corrected)['specialist-visit']).toMatchObject({ status: 'met', metAt: visitAt });
    expect(corrected.timeline.map((entry) => entry.summary)).toContainEqual(
      `Specialist visit recorded (happened ${visitAt}): its own date replaces the one a later step implied`,
    );
    // Once recorded by its own event, the visit is a duplicate, and a date after the confirmation never fits.
    expect(await rejection(card.eventAt(card.day(10), { type: 'specialist-visit-done' }))).toMatch(
      /already been recorded/,
    );
    const fresh = await startCard();
    await fresh.eventAt(fresh.day(9), { type: 'cancer-confirmed' });
    await fresh.skipTo(fresh.day(10));
    expect(
      await rejection(
        fresh.handle.executeUpdate(journeyEventUpdate, {
          args: [{ type: 'specialist-visit-done', at: new Date(fresh.day(9, 12)).toISOString() }],
        }),
      ),
    ).toMatch(/is after Cancer confirmed/);
    // Only the confirmation's stage message went out: a correction tells the patient nothing new.
    expect(await templatesOf(card.handle)).toHaveLength(2);
    await recordHistoryFixture(
      card.handle,
      ONCOLOGY_FAST_TRACK,
      'late-specialist-visit-corrects-implied-date',
    );
  });

  test('an event that comes before the step it follows is held, then applied in clinical order', async () => {
    const card = await startCard();
    await card.skipTo(card.day(12));
    const stagingAt = new Date(card.day(11)).toISOString();
    const held = await card.handle.executeUpdate(journeyEventUpdate, {
      args: [{ type: 'in-depth-diagnostics-done', at: stagingAt }],
    });
    expect(held.stage).toBe('waiting-list');
    expect(held.facts.heldEvents).toBe('in-depth-diagnostics-done');
    expect(held.timeline.map((entry) => entry.summary)).toContainEqual(
      `In-depth diagnostics done received early (happened ${stagingAt}): held until Cancer confirmed is recorded`,
    );
    // A second copy of a held event is a duplicate; so is an event the card can never reach again.
    expect(
      await rejection(
        card.handle.executeUpdate(journeyEventUpdate, {
          args: [{ type: 'in-depth-diagnostics-done', at: stagingAt }],
        }),
      ),
    ).toMatch(/already been received and is held/);

    const confirmationAt = new Date(card.day(8)).toISOString();
    const done = await card.handle.executeUpdate(journeyEventUpdate, {
      args: [{ type: 'cancer-confirmed', at: confirmationAt }],
    });
    expect(done.stage).toBe('treatment-planning');
    expect(done.facts).toMatchObject({
      'cancer-confirmedAt': confirmationAt,
      'in-depth-diagnostics-doneAt': stagingAt,
      heldEvents: null,
    });
    const events = done.timeline.filter((entry) => entry.kind === 'event').map((entry) => entry.summary);
    expect(events.slice(-2)).toEqual([
      `Cancer confirmed recorded (happened ${confirmationAt})`,
      `In-depth diagnostics done recorded (happened ${stagingAt}), held since it came early`,
    ]);
    expectStagesInBlueprint(done);
    await recordHistoryFixture(card.handle, ONCOLOGY_FAST_TRACK, 'early-event-held-then-applied');
  });

  test('a held event the card can no longer take is dropped, with the reason, when the card closes', async () => {
    const card = await startCard();
    await card.skipTo(card.day(6));
    await card.handle.executeUpdate(journeyEventUpdate, {
      args: [{ type: 'in-depth-diagnostics-done', at: new Date(card.day(5)).toISOString() }],
    });
    const closed = await card.eventAt(card.day(6), { type: 'cancer-ruled-out' });
    expect(closed.stage).toBe('ruled-out');
    expect(closed.facts.heldEvents).toBeNull();
    expect(closed.timeline.map((entry) => entry.summary)).toContainEqual(
      expect.stringMatching(/^Held event dropped: The card is closed \(ruled-out\)/),
    );
  });

  test('a pause holds patient messages, but a deadline breach during the pause still reaches staff', async () => {
    const card = await startCard();
    await card.skipTo(card.day(1));
    expect(await templatesOf(card.handle)).toEqual(['oncology-fast-track-waiting-list']);

    await card.handle.executeUpdate(pauseJourneyUpdate, { args: [{ reason: 'Patient in hospital' }] });
    await card.skipTo(card.day(16)); // past the specialist visit deadline (end of day 14)
    expect(await tasksOf(card.handle)).toEqual([
      expect.objectContaining({ kind: 'deadline-warning', deadline: 'specialist-visit' }),
      expect.objectContaining({ kind: 'deadline-breach', deadline: 'specialist-visit' }),
    ]);
    const paused = await card.eventAt(card.day(16), { type: 'specialist-visit-done' });
    expect(paused).toMatchObject({ status: 'paused', stage: 'initial-diagnostics' });
    expect(deadlinesById(paused)['specialist-visit']).toMatchObject({ status: 'met-late', lateByDays: 2 });
    await card.eventAt(card.day(17), { type: 'cancer-confirmed' });
    await card.skipTo(card.day(18));
    expect(await templatesOf(card.handle)).toEqual(['oncology-fast-track-waiting-list']);

    await card.handle.executeUpdate(resumeJourneyUpdate, { args: [{ reason: 'Patient discharged' }] });
    await card.skipTo(card.day(18, 11));
    // Only the current next step goes out: the visit's message was overtaken while paused.
    expect(await templatesOf(card.handle)).toEqual([
      'oncology-fast-track-waiting-list',
      'oncology-fast-track-in-depth-diagnostics',
    ]);
    const resumed = await card.progress();
    expect(resumed.timeline.map((entry) => entry.summary)).toEqual(
      expect.arrayContaining([
        'Next-step message for "initial-diagnostics" held while the journey is paused',
        'Not sent: the "initial-diagnostics" message was overtaken by a later stage',
      ]),
    );
    expectStagesInBlueprint(resumed);
    await recordHistoryFixture(card.handle, ONCOLOGY_FAST_TRACK, 'pause-with-breach');
  });

  test('program settings are respected: a shorter visit deadline and an earlier warning', async () => {
    const dilo = DILO_DEADLINES.map((rule) =>
      rule.id === 'specialist-visit' ? { ...rule, days: 10 } : rule,
    );
    const card = await startCard({ settings: { warnDaysBefore: 5, profiles: { dilo } }, settingsVersion: 4 });
    await card.skipTo(card.day(6));
    expect(await tasksOf(card.handle)).toEqual([
      {
        kind: 'deadline-warning',
        priority: 'routine',
        deadline: 'specialist-visit',
        title: 'Specialist visit after waiting-list entry (10 days) due in 5 days',
      },
    ]);
    const [welcome] = await harness.messagesOf(card.handle.workflowId);
    expect(welcome!.body).toContain(`by ${localDay(card.day(10), 'UTC')}.`);

    await card.skipTo(card.day(11));
    const progress = await card.progress();
    expect(progress.settingsVersion).toBe(4);
    expect(deadlinesById(progress)['specialist-visit']).toMatchObject({
      label: 'Specialist visit after waiting-list entry (10 days)',
      status: 'breached',
    });
    expect((await tasksOf(card.handle)).map((task) => task.kind)).toEqual([
      'deadline-warning',
      'deadline-breach',
    ]);
    expectStagesInBlueprint(progress);
  });

  test('an operator cancel ends the card in `cancelled` and voids its pending deadlines', async () => {
    const card = await startCard();
    await card.eventAt(card.day(5), { type: 'specialist-visit-done' });
    const cancelled = await card.handle.executeUpdate(cancelJourneyUpdate, {
      args: [{ reason: 'Patient moved to another hospital' }],
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', stage: 'cancelled', upcoming: [] });
    const final: JourneyProgress = await card.handle.result();
    expect(final.deadlines.map((deadline) => [deadline.id, deadline.status])).toEqual([
      ['specialist-visit', 'met'],
      ['initial-diagnostics', 'void'],
      ['diagnosis-complete', 'void'],
    ]);
    expectStagesInBlueprint(final);
    expect(await tasksOf(card.handle)).toEqual([]);
  });

  test('CarepathNextDeadline follows the deadline owed first: kept while breached, moved on when met, cleared at the end', async () => {
    const card = await startCard();
    const mirrored = async () =>
      (await card.handle.describe()).typedSearchAttributes.get(nextDeadlineKey)?.toISOString();
    const dueOf = async (id: string) => deadlinesById(await card.progress())[id]!.dueAt;

    await card.skipTo(card.day(1));
    const visitDue = await dueOf('specialist-visit');
    expect(await mirrored()).toBe(visitDue);

    // Breached and still owed: it stays the journey's next deadline, now overdue.
    await card.skipTo(card.day(16));
    expect(deadlinesById(await card.progress())['specialist-visit']!.status).toBe('breached');
    expect(await mirrored()).toBe(visitDue);

    // Met (late): the next one owed takes its place.
    await card.eventAt(card.day(17), { type: 'specialist-visit-done' });
    const [next] = openDeadlines((await card.progress()).deadlines);
    expect(Date.parse(next!.dueAt)).toBeGreaterThan(Date.parse(visitDue));
    expect(await mirrored()).toBe(next!.dueAt);

    // An ended journey owes nothing: it sorts with the journeys that have no deadline.
    await card.handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'Patient moved away' }] });
    await card.handle.result();
    expect(await mirrored()).toBeUndefined();
  });
});
