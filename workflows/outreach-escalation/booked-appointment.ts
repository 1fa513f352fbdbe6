import { condition, patched } from '@temporalio/workflow';
import type { UpcomingTimer } from '../../contracts/journey-contract';
import type { Journey, PatientMessage } from '../journey-runtime';
import { HOUR_MS } from '../../contracts/durations';
import { ESCALATION_STEP_MARK } from './escalation-plan';

/** Journeys booked before a booking closed the escalation's open tasks replay as they ran. */
export const BOOKING_CLOSES_ESCALATION_TASKS_PATCH = 'booking-closes-escalation-tasks';

/** An appointment the outreach led to; reminder and outcome check are owed once per appointment time. */
export interface Booking {
  appointmentAt: number;
  appointmentId?: string;
  remindedFor?: number;
  outcomeCheckedFor?: number;
  /** Set once the outreach's open staff calls were closed for this booking. */
  escalationTasksClosed?: boolean;
}

export interface BookingCare {
  reminderLeadHours: number;
  outcomeCheckAfterHours: number;
  reminder(booking: Booking): PatientMessage;
  /** The staff task raised when neither `attended` nor `no-show` arrived in time. */
  outcomeCheck(booking: Booking): { title: string; details?: Record<string, unknown> };
}

export type BookingOutcome = 'step-done' | 'interrupted' | 'ended';

/**
 * Looks after a booked appointment: a reminder before it (wall clock: an appointment does not
 * move because the journey is paused, but the reminder is held, and dropped once the time has
 * passed), then, if the EHR never says how it went, a staff task to find out. Returns after each
 * action or update, so the journey re-plans.
 */
export async function advanceBooking<Event>(
  journey: Journey<Event>,
  booking: Booking,
  care: BookingCare,
): Promise<BookingOutcome> {
  if (!booking.escalationTasksClosed && patched(BOOKING_CLOSES_ESCALATION_TASKS_PATCH)) {
    // A call to get the patient to book is pointless once they have: nobody should still make it.
    booking.escalationTasksClosed = true;
    await journey.closeStaffTasks({
      outcome: 'booked',
      note: 'The patient booked an appointment: the outreach call is no longer needed',
      stepsContaining: ESCALATION_STEP_MARK,
    });
  }
  const { appointmentAt } = booking;
  const now = Date.now();
  const { remindAt, reminderOwed, checkAt, checkOwed } = bookingSchedule(booking, care, now);
  journey.expect(bookingTimers(booking, care, now));

  const seen = journey.changes;
  const changed = () => journey.changes !== seen;
  const stamp = new Date(appointmentAt).toISOString();
  if (reminderOwed) {
    const waited = await journey.sleepUntil(remindAt, 'Reminder before the booked appointment', changed);
    if (waited !== 'elapsed') return waited === 'ended' ? 'ended' : 'interrupted';
    if (journey.isPaused) return waitForChange(journey, changed);
    await journey.notify(`appointment-reminder:${stamp}`, care.reminder(booking));
    booking.remindedFor = appointmentAt;
    return 'step-done';
  }
  if (checkOwed) {
    const waited = await journey.sleepUntil(checkAt, "Check the booked appointment's outcome", changed);
    if (waited !== 'elapsed') return waited === 'ended' ? 'ended' : 'interrupted';
    await journey.escalate(`outcome-check:${stamp}`, {
      kind: 'appointment-outcome-check',
      priority: 'routine',
      ...care.outcomeCheck(booking),
    });
    booking.outcomeCheckedFor = appointmentAt;
    return 'step-done';
  }
  return waitForChange(journey, changed);
}

async function waitForChange<Event>(
  journey: Journey<Event>,
  changed: () => boolean,
): Promise<BookingOutcome> {
  await condition(() => changed() || !journey.isOpen);
  return journey.isOpen ? 'interrupted' : 'ended';
}

function bookingSchedule(booking: Booking, care: BookingCare, nowMs: number) {
  const { appointmentAt } = booking;
  return {
    remindAt: appointmentAt - care.reminderLeadHours * HOUR_MS,
    reminderOwed: booking.remindedFor !== appointmentAt && nowMs < appointmentAt,
    checkAt: appointmentAt + care.outcomeCheckAfterHours * HOUR_MS,
    checkOwed: booking.outcomeCheckedFor !== appointmentAt,
  };
}

/** The booking's timers as operators see them; journeys also show them in an update's answer. */
export function bookingTimers(booking: Booking, care: BookingCare, nowMs: number): UpcomingTimer[] {
  const { remindAt, reminderOwed, checkAt, checkOwed } = bookingSchedule(booking, care, nowMs);
  const at = (ms: number) => new Date(ms).toISOString();
  return [
    ...(reminderOwed
      ? [{ id: 'appointment-reminder', label: 'Appointment reminder', dueAt: at(remindAt) }]
      : []),
    { id: 'appointment', label: 'Appointment', dueAt: at(booking.appointmentAt) },
    ...(checkOwed
      ? [{ id: 'outcome-check', label: 'Ask staff how the appointment went, if no news', dueAt: at(checkAt) }]
      : []),
  ];
}
