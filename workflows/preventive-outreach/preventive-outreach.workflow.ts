import { patched } from '@temporalio/workflow';
import { summarisedActivities } from '../activity-summaries';
import type { Activities } from '../../activities';
import type { JourneyInput, JourneyProgress } from '../../contracts/journey-contract';
import { Journey } from '../journey-runtime';
import {
  checkAppointmentEvent,
  describeAppointmentEvent,
  type AppointmentEvent,
} from '../outreach-escalation/appointment-events';
import { advanceBooking, bookingTimers, type Booking } from '../outreach-escalation/booked-appointment';
import { startRound, upcomingEscalation, type EscalationRound } from '../outreach-escalation/escalation-plan';
import { advanceEscalation } from '../outreach-escalation/escalation-runner';
import { defaultText } from '../outreach-escalation/localized-text';
import {
  PREVENTIVE_OUTREACH,
  preventiveOutreachEvent,
  type PreventiveOutreachEvent,
  type PreventiveOutreachParams,
} from './preventive-outreach.contract';
import type { PreventiveOutreachSettings } from './preventive-outreach.settings';
import { preventiveOutreachVoice } from './preventive-outreach.voice';
import { localDate } from './screening-due';
import type { OneSideRecord } from './screening-exclusion';
import { decideExclusion, decideScreeningDone, type RecordDecision } from './screening-record';
import { exclusionLabels, screeningTests, type ScreeningTestId } from './screening-value-sets';

type OutreachKind = 'outreach' | 'rebooking';

/** Running journeys before it kept a done journey's open staff calls in the queue. */
export const CLOSE_TASKS_WHEN_DONE_PATCH = 'preventive-outreach-closes-staff-tasks-when-done';

/** New journeys read the patient's record for an exclusion or a covering test before any message. */
export const RECORD_CHECK_AT_START_PATCH = 'preventive-outreach-reads-record-at-start';

const staffTasks = summarisedActivities<Pick<Activities, 'closeJourneyStaffTasks'>>({
  startToCloseTimeout: '1 minute',
});
// The EHR may be down: a few tries, then the outreach goes ahead and says the record was not read.
const record = summarisedActivities<Pick<Activities, 'screeningRecordOf'>>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 5, maximumInterval: '1 minute' },
});

/**
 * Reaches out about one due preventive item until the patient books: a tailored call to action,
 * then escalation over days on other channels (and a staff call), closing as unresponsive after
 * the window. A booking stops the escalation; the appointment gets a reminder; a no-show starts
 * a faster rebooking round; attended (or done elsewhere) completes the journey.
 */
export async function preventiveOutreachWorkflow(
  input: JourneyInput<PreventiveOutreachParams, PreventiveOutreachSettings>,
): Promise<JourneyProgress> {
  const { params, program } = input;
  const { settings } = program;
  const item = settings.items[params.item];
  let kind = 'outreach' as OutreachKind;
  let round: EscalationRound = startRound('outreach', 0);
  const roundsStarted = { outreach: 1, rebooking: 0 };
  let booking: Booking | undefined;
  let noShows = 0;
  const voice = preventiveOutreachVoice(input, Date.now());
  const oneSides: OneSideRecord[] = [];
  const intervalOf = (test: ScreeningTestId) =>
    settings.testIntervalMonths?.[test] ?? screeningTests[test].validForMonths;
  /** What a screening or an exclusion recorded in the EHR does here: one pure decision for all three hooks. */
  const decide = (event: PreventiveOutreachEvent): RecordDecision | undefined => {
    const context = { item: params.item, today: localDate(Date.now(), params.timeZone), intervalOf };
    if (event.type === 'screening-done') return decideScreeningDone(event, context);
    if (event.type === 'screening-excluded') return decideExclusion(event, context, oneSides);
    return undefined;
  };
  const planFor = (outreach: OutreachKind) =>
    outreach === 'rebooking' ? settings.rebookingEscalation : settings.escalation;
  // Also run after every event, so an update's answer already shows the new plan.
  const planTimers = () =>
    journey.expect(
      booking
        ? bookingTimers(booking, voice.bookingCare, Date.now())
        : upcomingEscalation(planFor(kind), round, journey.activeElapsedMs(), Date.now()),
    );

  const startOutreach = (next: OutreachKind, summary: string) => {
    kind = next;
    const count = ++roundsStarted[next];
    const id = next === 'rebooking' ? `rebooking-${count}` : count === 1 ? 'outreach' : `outreach-${count}`;
    round = startRound(id, journey.activeElapsedMs());
    booking = undefined;
    journey.enterStage(next, summary);
    journey.setFacts({ round: id, noShows });
  };

  const journey: Journey<PreventiveOutreachEvent> = new Journey({
    type: PREVENTIVE_OUTREACH,
    patientRef: input.patientRef,
    patientId: input.patientId,
    settingsVersion: program.version,
    stage: 'outreach',
    summary: `Enrolled: ${defaultText(item.label)} due`,
    eventSchema: preventiveOutreachEvent,
    checkEvent: (event) => {
      const decision = decide(event);
      if (decision?.kind === 'refuse') throw new Error(`Not for this journey: ${decision.reason}.`);
      checkAppointmentEvent(event, booking);
    },
    describeEvent: (event) => {
      const decision = decide(event);
      if (decision && decision.kind !== 'refuse') return decision.summary;
      // The reason stays in the event: it may be clinical.
      if (event.type === 'declined') return 'Patient declined';
      return describeAppointmentEvent(event as AppointmentEvent);
    },
    applyEvent: (event) => {
      switch (event.type) {
        case 'appointment-booked':
          booking = { appointmentAt: Date.parse(event.appointmentAt), appointmentId: event.appointmentId };
          journey.enterStage('booked', 'Appointment booked: escalation stopped');
          break;
        case 'appointment-rescheduled':
          if (booking) booking.appointmentAt = Date.parse(event.appointmentAt);
          break;
        case 'appointment-cancelled':
          // Back to the plan the booking came from: a patient who missed one appointment keeps rebooking priority.
          startOutreach(kind, `Appointment cancelled: back to ${kind}`);
          break;
        case 'appointment-no-show':
          noShows++;
          startOutreach('rebooking', 'Appointment missed: rebooking outreach with higher priority');
          break;
        case 'appointment-attended':
          journey.finish(
            'completed',
            'completed',
            `Journey ended: ${defaultText(item.label)} appointment attended`,
          );
          break;
        case 'screening-done':
          if (decide(event)?.kind !== 'complete') break;
          journey.setFacts({ doneAt: event.at, ...(event.test ? { doneTest: event.test } : {}) });
          journey.finish(
            'completed',
            'completed',
            event.test
              ? `Journey ended: ${defaultText(item.label)} recorded in the EHR`
              : `Journey ended: ${defaultText(item.label)} done elsewhere`,
          );
          break;
        case 'screening-excluded': {
          const decision = decide(event);
          if (event.side) oneSides.push({ side: event.side, ...(event.at ? { at: event.at } : {}) });
          if (decision?.kind !== 'exclude') break;
          journey.setFacts({ excluded: event.reason });
          journey.finish('completed', 'excluded', decision.summary);
          break;
        }
        case 'declined':
          journey.finish('completed', 'declined', 'Journey ended: the patient declined');
          break;
      }
      if (journey.isOpen) planTimers();
    },
  });
  journey.setFacts({ item: params.item, round: round.id, noShows, ...voice.facts });
  // HZ-35: what the EHR said before the enrolment reaches the journey before its first step.
  if (input.keptEvents && !(await journey.receiveKeptEvents(input.keptEvents))) return journey.result();
  if (input.patientId && patched(RECORD_CHECK_AT_START_PATCH)) {
    await checkRecordBeforeOutreach(journey, input.patientId);
  }

  while (journey.isOpen) {
    if (booking) {
      await advanceBooking(journey, booking, voice.bookingCare);
      continue;
    }
    const plan = planFor(kind);
    const outcome = await advanceEscalation(journey, plan, round, voice.escalation(kind));
    if (outcome === 'window-closed') {
      journey.finish(
        'completed',
        'unresponsive',
        `Journey closed: nothing booked within ${plan.closeAfterDays} days`,
      );
    }
  }

  // Done or out of screening: nobody should still call the patient to book it.
  const stage = journey.currentStage;
  if ((stage === 'completed' || stage === 'excluded') && patched(CLOSE_TASKS_WHEN_DONE_PATCH)) {
    await staffTasks.closeJourneyStaffTasks({
      journeyId: journey.workflowId,
      outcome: stage === 'excluded' ? 'excluded' : 'screening-done',
    });
  }
  return journey.result();

  /**
   * However the journey was started (staff, an EHR event, the cohort finder a while ago), the
   * record is read before the first message: an exclusion (a Procedure as well as a Condition)
   * or a test that still covers the patient ends the journey with nothing sent.
   */
  async function checkRecordBeforeOutreach(open: Journey<PreventiveOutreachEvent>, patientId: string) {
    let found;
    try {
      found = await record.screeningRecordOf({
        patientId,
        item: params.item,
        at: new Date(Date.now()).toISOString(),
      });
    } catch {
      open.record('control', 'The patient record could not be read for exclusions: outreach goes ahead');
      return;
    }
    if (found.exclusion) {
      open.setFacts({ excluded: found.exclusion.reason });
      open.finish(
        'completed',
        'excluded',
        `Journey ended before any message: ${exclusionLabels[found.exclusion.reason]} on the record (${found.exclusion.code})`,
      );
    } else if (found.covering) {
      open.setFacts({ doneAt: found.covering.at, doneTest: found.covering.test });
      open.finish(
        'completed',
        'completed',
        `Journey ended before any message: ${screeningTests[found.covering.test].label} on ${found.covering.at} still covers the patient`,
      );
    }
  }
}
