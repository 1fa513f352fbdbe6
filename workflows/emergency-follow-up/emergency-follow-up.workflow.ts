import type { JourneyInput, JourneyProgress, UpcomingTimer } from '../journey-contract';
import { Journey } from '../journey-runtime';
import { checkAppointmentEvent, describeAppointmentEvent } from '../outreach-escalation/appointment-events';
import { advanceBooking, bookingTimers, type Booking } from '../outreach-escalation/booked-appointment';
import {
  HOUR_MS,
  startRound,
  upcomingEscalation,
  type EscalationRound,
} from '../outreach-escalation/escalation-plan';
import { advanceEscalation } from '../outreach-escalation/escalation-runner';
import {
  EMERGENCY_FOLLOW_UP,
  emergencyFollowUpEvent,
  type EmergencyFollowUpEvent,
  type EmergencyFollowUpParams,
} from './emergency-follow-up.contract';
import type { EmergencyFollowUpSettings } from './emergency-follow-up.settings';
import { emergencyFollowUpVoice } from './emergency-follow-up.voice';

/**
 * Follows up an emergency-department discharge: a nudge with a booking link a set time after
 * discharge (wall clock: the time since discharge is what matters clinically), then the escalation
 * plan on the active clock until a follow-up visit is booked. A booking gets a reminder; a
 * cancellation or no-show restarts the outreach; the visit, a readmission or a decline ends it.
 */
export async function emergencyFollowUpWorkflow(
  input: JourneyInput<EmergencyFollowUpParams, EmergencyFollowUpSettings>,
): Promise<JourneyProgress> {
  const { params, program } = input;
  const { settings } = program;
  const nudgeAt = Date.parse(params.dischargedAt) + settings.followUpDelayHours * HOUR_MS;
  const voice = emergencyFollowUpVoice(input);
  /** Undefined until the nudge time: the first round starts then (or when a booking falls through). */
  let round: EscalationRound | undefined;
  let roundsStarted = 0;
  let booking: Booking | undefined;

  const startOutreach = (summary: string) => {
    roundsStarted++;
    round = startRound(
      roundsStarted === 1 ? 'outreach' : `outreach-${roundsStarted}`,
      journey.activeElapsedMs(),
    );
    booking = undefined;
    journey.enterStage('outreach', summary);
    journey.setFacts({ round: round.id });
  };
  const nudgeTimer = (): UpcomingTimer[] => [
    { id: 'follow-up-nudge', label: 'Follow-up nudge', dueAt: new Date(nudgeAt).toISOString() },
  ];
  // Also run after every event, so an update's answer already shows the new plan.
  const planTimers = () =>
    journey.expect(
      booking
        ? bookingTimers(booking, voice.bookingCare, Date.now())
        : round
          ? upcomingEscalation(settings.escalation, round, journey.activeElapsedMs(), Date.now())
          : nudgeTimer(),
    );

  const journey: Journey<EmergencyFollowUpEvent> = new Journey({
    type: EMERGENCY_FOLLOW_UP,
    patientRef: input.patientRef,
    patientId: input.patientId,
    settingsVersion: program.version,
    stage: 'discharged',
    summary: 'Enrolled after an emergency discharge: waiting to check in',
    eventSchema: emergencyFollowUpEvent,
    checkEvent: (event) => checkAppointmentEvent(event, booking),
    describeEvent: (event) => {
      if (event.type === 'readmitted') return 'Patient readmitted';
      // The reason stays in the event: it may be clinical.
      if (event.type === 'declined') return 'Patient declined the follow-up';
      return describeAppointmentEvent(event);
    },
    applyEvent: (event) => {
      switch (event.type) {
        case 'appointment-booked':
          booking = { appointmentAt: Date.parse(event.appointmentAt), appointmentId: event.appointmentId };
          journey.enterStage('booked', 'Follow-up visit booked: outreach stopped');
          break;
        case 'appointment-rescheduled':
          if (booking) booking.appointmentAt = Date.parse(event.appointmentAt);
          break;
        case 'appointment-cancelled':
          startOutreach('Follow-up visit cancelled: outreach restarts');
          break;
        case 'appointment-no-show':
          startOutreach('Follow-up visit missed: outreach restarts');
          break;
        case 'appointment-attended':
          journey.finish('completed', 'completed', 'Journey ended: follow-up visit attended');
          break;
        case 'readmitted':
          journey.finish('completed', 'readmitted', 'Journey ended: the patient was readmitted');
          break;
        case 'declined':
          journey.finish('completed', 'declined', 'Journey ended: the patient declined the follow-up');
          break;
      }
      if (journey.isOpen) planTimers();
    },
  });
  planTimers();

  while (journey.isOpen) {
    if (booking) {
      await advanceBooking(journey, booking, voice.bookingCare);
    } else if (!round) {
      // A pause does not stop this clock; the nudge itself is then held until the journey resumes.
      const seen = journey.changes;
      const waited = await journey.sleepUntil(nudgeAt, () => journey.changes !== seen);
      if (waited === 'elapsed') startOutreach('Follow-up time: nudging the patient to book a visit');
    } else {
      const outcome = await advanceEscalation(journey, settings.escalation, round, voice.escalation);
      if (outcome === 'window-closed') {
        journey.finish(
          'completed',
          'unresponsive',
          `Journey closed: no follow-up booked within ${settings.escalation.closeAfterDays} days`,
        );
      }
    }
  }

  return journey.result();
}
