import type { JourneyInput, JourneyProgress, UpcomingTimer } from '../../contracts/journey-contract';
import { Journey } from '../journey-runtime';
import { checkAppointmentEvent, describeAppointmentEvent } from '../outreach-escalation/appointment-events';
import { advanceBooking, bookingTimers, type Booking } from '../outreach-escalation/booked-appointment';
import { startRound, upcomingEscalation, type EscalationRound } from '../outreach-escalation/escalation-plan';
import { advanceEscalation } from '../outreach-escalation/escalation-runner';
import {
  EMERGENCY_FOLLOW_UP,
  emergencyFollowUpEvent,
  type EmergencyFollowUpEvent,
  type EmergencyFollowUpParams,
} from './emergency-follow-up.contract';
import { checkVisitEvent, dispositionPlan } from './emergency-follow-up.disposition';
import type { EmergencyFollowUpSettings } from './emergency-follow-up.settings';
import { emergencyFollowUpVoice } from './emergency-follow-up.voice';
import { HOUR_MS } from '../../contracts/durations';

/**
 * Follows up an emergency-department discharge: a nudge with a booking link a set time after
 * discharge (wall clock: the time since discharge is what matters clinically), then the escalation
 * plan on the active clock until a follow-up visit is booked. A booking gets a reminder; a
 * cancellation or no-show restarts the outreach; the visit, a readmission or a decline ends it.
 *
 * How the patient left decides whether to nudge at all (emergency-follow-up.disposition.ts): an
 * unknown disposition waits for staff to confirm it, sending nothing; left against advice adds an
 * urgent staff call. One follow-up per patient: a later emergency visit restarts the window from
 * its own discharge (the patient needs one follow-up, after the latest visit; two journeys would
 * nudge them twice), and a later visit ending in hospice or a transfer ends it.
 */
export async function emergencyFollowUpWorkflow(
  input: JourneyInput<EmergencyFollowUpParams, EmergencyFollowUpSettings>,
): Promise<JourneyProgress> {
  const { params, program } = input;
  const { settings } = program;
  /** The visit followed up: the latest emergency discharge (see `emergency-visit`). */
  let visit = {
    encounterId: params.encounterId,
    dischargedAtMs: Date.parse(params.dischargedAt),
    disposition: params.dischargeDisposition,
  };
  let nudgeAt = visit.dischargedAtMs + settings.followUpDelayHours * HOUR_MS;
  /** Absent disposition: a person started the follow-up. Staff-check: nothing is sent until they confirm. */
  let awaitingDisposition =
    visit.disposition !== undefined && dispositionPlan(visit.disposition).plan === 'staff-check';
  /** Staff tasks owed for the current visit (asked once per encounter). */
  let visitTasksOwed = visit.disposition !== undefined;
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
    checkEvent: (event) => {
      checkAppointmentEvent(event, booking);
      checkVisitEvent(event, visit.dischargedAtMs, awaitingDisposition, visit.encounterId);
    },
    describeEvent: (event) => {
      if (event.type === 'readmitted') return 'Patient readmitted';
      // The reason stays in the event: it may be clinical.
      if (event.type === 'declined') return 'Patient declined the follow-up';
      if (event.type === 'emergency-visit') return 'Another emergency visit ended';
      if (event.type === 'disposition-confirmed') return 'Staff confirmed how the patient left';
      if (event.type === 'emergency-visit-withdrawn') return 'The EHR withdrew the emergency visit';
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
        case 'emergency-visit': {
          const { plan, label } = dispositionPlan(event.dischargeDisposition);
          if (plan === 'no-follow-up') {
            journey.finish(
              'completed',
              'no-follow-up',
              `Journey ended: after a later emergency visit the patient was ${label}`,
            );
            break;
          }
          visit = {
            encounterId: event.encounterId,
            dischargedAtMs: Date.parse(event.dischargedAt),
            disposition: event.dischargeDisposition,
          };
          nudgeAt = visit.dischargedAtMs + settings.followUpDelayHours * HOUR_MS;
          awaitingDisposition = plan === 'staff-check';
          visitTasksOwed = true;
          if (booking) {
            journey.record('event', 'The booked follow-up visit stands for the later emergency visit');
          } else {
            round = undefined;
            journey.enterStage(
              'discharged',
              'Another emergency visit: the follow-up restarts from its discharge',
            );
          }
          break;
        }
        case 'emergency-visit-withdrawn':
          // Entered in error (often the wrong patient's chart): nothing more may reach this patient about it.
          journey.finish(
            'cancelled',
            'cancelled',
            'Journey ended: the EHR withdrew the emergency visit (entered in error)',
          );
          break;
        case 'disposition-confirmed': {
          const { plan, label } = dispositionPlan(event.dischargeDisposition);
          awaitingDisposition = false;
          visit.disposition = event.dischargeDisposition;
          if (plan === 'no-follow-up') {
            journey.finish(
              'completed',
              'no-follow-up',
              `Journey ended: staff confirmed the patient was ${label}`,
            );
          } else if (plan === 'nudge-and-call') {
            visitTasksOwed = true;
          }
          break;
        }
      }
      if (journey.isOpen) planTimers();
    },
  });
  planTimers();

  if (visit.disposition !== undefined && dispositionPlan(visit.disposition).plan === 'no-follow-up') {
    // Started through the API for a patient who went to hospice or another facility: nothing to follow up.
    const { label } = dispositionPlan(visit.disposition);
    journey.finish(
      'completed',
      'no-follow-up',
      `Journey ended: the patient was ${label}; no follow-up nudge`,
    );
  }

  // HZ-35: what the EHR said before the enrolment reaches the journey before its first step.
  if (input.keptEvents && !(await journey.receiveKeptEvents(input.keptEvents))) return journey.result();

  while (journey.isOpen) {
    if (visitTasksOwed) {
      visitTasksOwed = false;
      await askStaffAboutVisit(journey, visit, awaitingDisposition, nudgeAt);
      continue;
    }
    if (awaitingDisposition) {
      // Nothing reaches the patient until staff say how they left; the window still closes.
      const closeAt = visit.dischargedAtMs + settings.escalation.closeAfterDays * 24 * HOUR_MS;
      const seen = journey.changes;
      const waited = await journey.sleepUntil(
        closeAt,
        'Follow-up window closes (discharge disposition unconfirmed)',
        () => journey.changes !== seen,
      );
      if (waited === 'elapsed') {
        journey.finish(
          'completed',
          'unresponsive',
          'Journey closed: how the patient left was never confirmed',
        );
      }
      continue;
    }
    if (booking) {
      await advanceBooking(journey, booking, voice.bookingCare);
    } else if (!round) {
      // A pause does not stop this clock; the nudge itself is then held until the journey resumes.
      const seen = journey.changes;
      const waited = await journey.sleepUntil(
        nudgeAt,
        'Nudge to book a follow-up visit',
        () => journey.changes !== seen,
      );
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

/**
 * The staff work a visit's disposition asks for, once per encounter: confirm an unknown
 * disposition before anything is sent; call a patient who left against advice before the nudge.
 */
async function askStaffAboutVisit(
  journey: Journey<EmergencyFollowUpEvent>,
  visit: { encounterId: string; dischargedAtMs: number; disposition?: string },
  awaitingDisposition: boolean,
  nudgeAt: number,
): Promise<void> {
  const dischargedAt = new Date(visit.dischargedAtMs).toISOString();
  if (awaitingDisposition) {
    await journey.escalate(`disposition-check:${visit.encounterId}`, {
      kind: 'disposition-check',
      priority: 'urgent',
      title: 'Check how the patient left the emergency department before any follow-up message',
      dueAt: new Date(nudgeAt).toISOString(),
      details: { dischargedAt, disposition: visit.disposition ?? 'unknown' },
    });
  } else if (
    visit.disposition !== undefined &&
    dispositionPlan(visit.disposition).plan === 'nudge-and-call'
  ) {
    await journey.escalate(`against-advice-call:${visit.encounterId}`, {
      kind: 'phone-call',
      priority: 'urgent',
      title: 'Call the patient: they left the emergency department against medical advice',
      dueAt: new Date(nudgeAt).toISOString(),
      details: { dischargedAt },
    });
  }
}
