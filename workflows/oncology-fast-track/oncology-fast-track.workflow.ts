import { condition, patched } from '@temporalio/workflow';
import type { JourneyInput, JourneyProgress } from '../../contracts/journey-contract';
import { Journey, type PatientMessage } from '../journey-runtime';
import { daysLate } from './calendar-days';
import { cardClock, CardState, eventLabel, lastDayShown } from './oncology-fast-track.card';
import {
  isClockEvent,
  ONCOLOGY_FAST_TRACK,
  oncologyFastTrackEvent,
  type OncologyFastTrackEvent,
  type OncologyFastTrackParams,
} from './oncology-fast-track.contract';
import { deadlineLabel, isMetOnTime, type ArmedDeadline } from './oncology-fast-track.deadlines';
import { alertStep, deadlineTask } from './oncology-fast-track.escalations';
import type { OncologyMessageValues } from './oncology-fast-track.messages';
import { CLOSING_STAGES, STAGE_SUMMARIES, type CardStage } from './oncology-fast-track.pathway';
import type { OncologyFastTrackSettings } from './oncology-fast-track.settings';

/**
 * Cards that started after this run the clocks as the sources define them: each profile's days in
 * its own calendar (NHS England: Europe/London), a missing clock start asks staff instead of
 * guessing, the FDS waits for the patient to be told, treatment ends the 62-day clock without a
 * recorded decision to treat, a diagnosis dated before the clock start is taken, the DiLO plan
 * deadline runs from an implied presentation at the confirmation, and operators record CWT
 * adjustments and delay reasons. Cards already running keep the rules they started with.
 */
export const SOURCE_CLOCKS_PATCH = 'oncology-source-clocks';

/**
 * A fast oncology track card from the clock start to treatment: EHR events move it through the
 * stages, the profile's deadlines (DiLO or NHS England) warn the coordinator before they fall due
 * and escalate when missed, and the patient hears the next step at every stage. Ruled-out cancer
 * or finished treatment closes the card.
 */
export async function oncologyFastTrackWorkflow(
  input: JourneyInput<OncologyFastTrackParams, OncologyFastTrackSettings>,
): Promise<JourneyProgress> {
  const { params, program } = input;
  const { settings } = program;
  const profile = params.profile ?? settings.profile;
  const sourceClocks = patched(SOURCE_CLOCKS_PATCH);
  // Deadline days are the standard's own calendar days; messages still word them in the patient's zone.
  const clock = cardClock(profile, settings, params.timeZone, sourceClocks, params.startedBy);
  const clockStartAt = params.clockStartAt === undefined ? undefined : Date.parse(params.clockStartAt);
  const card = new CardState(profile, clock, clockStartAt, sourceClocks);
  const channel = params.channel ?? settings.channel;
  /** Stages whose next-step message the patient has not had yet. */
  const untold: CardStage[] = [card.stage];

  const journey: Journey<OncologyFastTrackEvent> = new Journey({
    type: ONCOLOGY_FAST_TRACK,
    patientRef: input.patientRef,
    patientId: input.patientId,
    settingsVersion: program.version,
    stage: card.stage,
    // A card without its clock start is on the list, but no deadline clock runs yet.
    summary: card.clockStarted
      ? STAGE_SUMMARIES[card.stage]
      : 'On the waiting list: the clock start is not recorded yet',
    eventSchema: oncologyFastTrackEvent,
    checkEvent: (event) => {
      const handling = card.handling(event, Date.now());
      if (handling.action === 'reject') throw new Error(handling.reason);
    },
    heldUntil: (event) => {
      const handling = card.handling(event, Date.now());
      return handling.action === 'hold' ? handling.waitingFor : undefined;
    },
    describeEvent: (event) => {
      const now = Date.now();
      const handling = card.handling(event, now);
      const recorded = recordedLine(event, sourceClocks);
      const placed = isClockEvent(event) ? event : card.placed(event, now);
      if (placed !== event && handling.action === 'apply')
        return `${recorded}: dated before the clock start (a diagnosis known before the referral), counted from ${placed.at}`;
      if (handling.action === 'hold')
        return `${recorded.replace(' recorded', ' received early')}: held until ${handling.waitingFor} is recorded`;
      if (handling.action === 'correct')
        return `${recorded}: its own date replaces the one a later step implied`;
      return recorded;
    },
    applyEvent: (event) => {
      const now = Date.now();
      if (card.handling(event, now).action === 'hold') {
        card.hold(event, now);
        refresh();
        return;
      }
      advance(event, now);
      for (let next = card.nextHeld(); next; next = card.nextHeld()) {
        const { held, handling } = next;
        if (handling.action === 'reject') {
          journey.record('event', `Held event dropped: ${handling.reason}`, held.event.type);
          continue;
        }
        journey.record(
          'event',
          `${recordedLine(held.event, sourceClocks)}, held since it came early`,
          held.event.type,
        );
        advance(held.event, held.receivedAt);
      }
      refresh();
    },
  });

  /** Records an event the card accepts now: its milestones, the stage it leads to, the deadlines it meets. */
  function advance(event: OncologyFastTrackEvent, now: number): void {
    const stageBefore = card.stage;
    const met = card.apply(event, now);
    // A correction moves a date, not the card.
    const moved = card.stage !== stageBefore;
    if (moved) journey.enterStage(card.stage, STAGE_SUMMARIES[card.stage]);
    for (const deadline of met) journey.record('deadline', metSummary(deadline), deadline.rule.id);
    if (!moved) return;
    untold.push(card.stage);
    if (journey.isPaused) {
      const held = `Next-step message for "${card.stage}" held while the journey is paused`;
      journey.record('control', held, `stage:${card.stage}`);
    }
  }

  /** After every change, so an update's answer and the progress query are current. */
  function refresh(): void {
    journey.setDeadlines(card.deadlines());
    journey.expect(card.upcoming());
    journey.setFacts(card.facts());
  }

  /** Wall-clock deadlines: they keep running, and escalating, while the journey is paused. */
  async function watchDeadlines(): Promise<void> {
    while (journey.isOpen && !card.closed) {
      const now = Date.now();
      const due = card.dueAlerts(now);
      for (const alert of due) {
        card.raised(alert, now);
        if (alert.kind === 'breach') {
          journey.record(
            'deadline',
            `Deadline missed: ${deadlineLabel(alert.deadline.rule)}`,
            alert.deadline.rule.id,
          );
        }
      }
      refresh();
      for (const alert of due)
        await journey.escalate(
          alertStep(alert),
          deadlineTask(alert, { cardId: params.cardId, profile }, now),
        );
      if (due.length > 0) continue;
      const seen = journey.changes;
      const wakeAt = card.nextAlertAt(now);
      if (wakeAt === undefined) await condition(() => journey.changes !== seen || !journey.isOpen);
      else
        await journey.sleepUntil(wakeAt, 'Next deadline alert of the card', () => journey.changes !== seen);
    }
  }

  function stageMessage(stage: CardStage): PatientMessage {
    const dueAt = card.nextStepDueAt(stage, Date.now());
    const values: OncologyMessageValues = {
      timeZone: params.timeZone,
      ...(dueAt !== undefined
        ? { lastDayAt: new Date(lastDayShown(dueAt, sourceClocks)).toISOString() }
        : {}),
      ...(card.coordinator ? { coordinator: card.coordinator } : {}),
    };
    const summary = `Told the patient the next step for "${stage}" (${channel})`;
    return { channel, template: settings.messages[stage], values, summary };
  }

  /** Stage messages in order; a pause holds them, and after it only the current stage's is still true. */
  async function tellThePatient(): Promise<void> {
    for (;;) {
      await condition(() => untold.length > 0 || !journey.isOpen);
      if (!(await journey.whenRunning())) return;
      for (const overtaken of untold.splice(0, untold.length - 1)) {
        const summary = `Not sent: the "${overtaken}" message was overtaken by a later stage`;
        journey.record('message', summary, `stage:${overtaken}`);
      }
      const stage = untold.shift()!;
      await journey.notify(`stage:${stage}`, stageMessage(stage));
      if (CLOSING_STAGES.includes(stage)) {
        // NHS FDS: a ruled-out card stays open until the patient has been told (see CardState.closed).
        if (!card.closed) await condition(() => card.closed || !journey.isOpen);
        if (!journey.isOpen) return;
        journey.finish('completed', stage, 'Journey completed: the card is closed and the patient told');
        return;
      }
    }
  }

  // HZ-35: what the EHR said before the enrolment reaches the journey before its first step.
  if (input.keptEvents && !(await journey.receiveKeptEvents(input.keptEvents))) return journey.result();
  refresh();
  if (!card.clockStarted) {
    journey.record('deadline', CLOCK_START_MISSING, 'clock-start');
    await journey.escalate('clock-start-missing', {
      kind: 'clock-start-missing',
      priority: 'urgent',
      title: CLOCK_START_MISSING,
      details: { cardId: params.cardId, profile, event: 'clock-started' },
    });
  }
  await Promise.all([watchDeadlines(), tellThePatient()]);
  return journey.result();
}

/** No deadline runs on a guessed date: the coordinator records the clock start (event `clock-started`). */
const CLOCK_START_MISSING =
  'Clock start unknown: record the waiting-list entry (DiLO) or the receipt of the referral (NHS); no deadline runs until then';

function recordedLine(event: OncologyFastTrackEvent, sourceClocks: boolean): string {
  const label = eventLabel(event, sourceClocks);
  return event.at ? `${label} recorded (happened ${event.at})` : `${label} recorded`;
}

function metSummary(deadline: ArmedDeadline): string {
  const label = deadlineLabel(deadline.rule);
  if (isMetOnTime(deadline)) return `Deadline met: ${label}`;
  return `Deadline met ${daysLate(deadline.metAt!, deadline.dueAt)} day(s) late: ${label}`;
}
