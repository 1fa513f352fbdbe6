import type { Booking } from './booked-appointment';

/** The appointment events both outreach journeys take (FHIR Appointment statuses, HL7v2 SIU). */
export type AppointmentEvent =
  | { type: 'appointment-booked'; appointmentAt: string; appointmentId?: string }
  | { type: 'appointment-rescheduled'; appointmentAt: string }
  | { type: 'appointment-cancelled'; reason?: string }
  | { type: 'appointment-no-show' }
  | { type: 'appointment-attended' };

/**
 * Rejects appointment events that do not fit the journey's state: recorded, they would do nothing
 * and hide an integration bug, or worse, end the journey on a visit it never asked for. Every
 * status but `booked` needs a booking this journey knows of: `attended` before any booking was
 * once taken in any stage, so an unrelated visit could close an outreach or a follow-up. A visit
 * the EHR reports only as done (booked by phone, never sent as booked) is refused with this
 * reason, which staff see on the inbox row; the screening itself, recorded in the EHR, closes an
 * outreach on its own route.
 */
export function checkAppointmentEvent(event: { type: string }, booking: Booking | undefined): void {
  switch (event.type) {
    case 'appointment-booked':
      if (booking) {
        throw new Error(
          `An appointment is already booked for ${new Date(booking.appointmentAt).toISOString()}; send appointment-rescheduled to move it.`,
        );
      }
      break;
    case 'appointment-rescheduled':
    case 'appointment-cancelled':
    case 'appointment-no-show':
    case 'appointment-attended':
      if (!booking) throw new Error(`No appointment is booked, so ${event.type} does not apply.`);
      break;
  }
}

/** Timeline lines for appointment events; a cancellation reason stays in the event (it may be clinical). */
export function describeAppointmentEvent(event: AppointmentEvent): string {
  switch (event.type) {
    case 'appointment-booked':
      return `Appointment booked for ${event.appointmentAt}`;
    case 'appointment-rescheduled':
      return `Appointment moved to ${event.appointmentAt}`;
    case 'appointment-cancelled':
      return 'Appointment cancelled';
    case 'appointment-no-show':
      return 'Patient did not attend the appointment';
    case 'appointment-attended':
      return 'Appointment attended';
  }
}

/**
 * What each FHIR Appointment status (HL7v2 SIU S12/S15/S26) means to a journey that asked for the
 * visit: the events its trigger declaration takes.
 */
export const APPOINTMENT_STATUS_EVENTS = {
  booked: 'appointment-booked',
  cancelled: 'appointment-cancelled',
  noshow: 'appointment-no-show',
  arrived: 'appointment-attended',
  fulfilled: 'appointment-attended',
} as const;
