import type { JourneyInput, JourneyProgress } from '../journey-contract';
import { Journey } from '../journey-runtime';
import { checkAppointmentEvent, describeAppointmentEvent } from '../outreach-escalation/appointment-events';
import { advanceBooking, bookingTimers, type Booking } from '../outreach-escalation/booked-appointment';
import { startRound, upcomingEscalation, type EscalationRound } from '../outreach-escalation/escalation-plan';
import { advanceEscalation } from '../outreach-escalation/escalation-runner';
import {
  PREVENTIVE_OUTREACH,
  preventiveOutreachEvent,
  type PreventiveOutreachEvent,
  type PreventiveOutreachParams,
} from './preventive-outreach.contract';
import type { PreventiveOutreachSettings } from './preventive-outreach.settings';
import { preventiveOutreachVoice } from './preventive-outreach.voice';

type OutreachKind = 'outreach' | 'rebooking';

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
    summary: `Enrolled: ${item.label} due`,
    eventSchema: preventiveOutreachEvent,
    checkEvent: (event) => checkAppointmentEvent(event, booking),
    describeEvent: (event) => {
      if (event.type === 'screening-done') return `Done elsewhere on ${event.at}`;
      // The reason stays in the event: it may be clinical.
      if (event.type === 'declined') return 'Patient declined';
      return describeAppointmentEvent(event);
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
          journey.finish('completed', 'completed', `Journey ended: ${item.label} appointment attended`);
          break;
        case 'screening-done':
          journey.setFacts({ doneAt: event.at });
          journey.finish('completed', 'completed', `Journey ended: ${item.label} done elsewhere`);
          break;
        case 'declined':
          journey.finish('completed', 'declined', 'Journey ended: the patient declined');
          break;
      }
      if (journey.isOpen) planTimers();
    },
  });
  journey.setFacts({ item: params.item, round: round.id, noShows, ...voice.facts });

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

  return journey.result();
}
