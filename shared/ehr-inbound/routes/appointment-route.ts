import type { Appointment } from '@medplum/fhirtypes';
import type { JourneyEvent } from '../../../contracts/journey-contract';
import { toInstant } from '../../../contracts/ehr/clinical-time';
import { patientIdOf, resourceKey } from '../../../contracts/ehr/fhir-references';
import { ignore, type RoutingDecision } from '../routing-decision';
import { journeysTaking, targetFromTriggers } from './journey-links';
import { isDefined, noPatient, references } from './route-helpers';

/**
 * Appointment statuses become the appointment events of the journeys that declare them
 * (`<journey>.triggers.ts`), and reach only a journey the appointment is linked to: applied to it
 * before, based on its request, or coded with a service or appointment type it declares. There is
 * no "the patient's only running journey" fallback (a screening mammogram once booked the
 * emergency follow-up that way). An event the journey declares `dated` carries when the visit
 * took place (its end, else its start).
 */
export function routeAppointment(
  appointment: Appointment,
  previous: JourneyEvent | undefined,
): RoutingDecision {
  const rule = 'appointment-status';
  const takers = journeysTaking('Appointment').filter(({ take }) => take.events[appointment.status]);
  if (takers.length === 0) return ignore(`Appointment status ${appointment.status} changes nothing`, rule);
  const patientId = appointment.participant
    .map((participant) => patientIdOf(participant.actor))
    .find(isDefined);
  if (!patientId) return noPatient('Appointment.participant.actor', rule);
  const start = toInstant(appointment.start);
  const events: Record<string, JourneyEvent> = {};
  for (const { triggers, take } of takers) {
    const type = take.events[appointment.status]!;
    if (type === 'appointment-booked') {
      if (!start) return ignore('the booked Appointment has no start', rule);
      const booked = bookingEvent(start, appointment.id, previous);
      if (typeof booked === 'string') return ignore(booked, rule);
      events[triggers.journey] = booked;
    } else if (take.dated?.includes(type)) {
      const at = toInstant(appointment.end) ?? start;
      events[triggers.journey] = { type, ...(at ? { at } : {}) };
    } else {
      events[triggers.journey] = { type };
    }
  }
  return {
    kind: 'event',
    rule,
    patientId,
    events,
    target: targetFromTriggers('Appointment', Object.keys(events), {
      ...(resourceKey(appointment) ? { self: resourceKey(appointment)! } : {}),
      basedOn: references(appointment.basedOn),
      coded: {
        serviceType: appointment.serviceType ?? [],
        appointmentType: appointment.appointmentType ? [appointment.appointmentType] : [],
        reasonCode: appointment.reasonCode ?? [],
      },
    }),
  };
}

/** A booking, a reschedule when the same appointment was booked before at another time, or no news. */
function bookingEvent(
  start: string,
  id: string | undefined,
  previous: JourneyEvent | undefined,
): JourneyEvent | string {
  const bookedBefore =
    previous?.type === 'appointment-booked' || previous?.type === 'appointment-rescheduled'
      ? (previous.appointmentAt as string)
      : undefined;
  if (bookedBefore === undefined) {
    return { type: 'appointment-booked', appointmentAt: start, ...(id ? { appointmentId: id } : {}) };
  }
  if (Date.parse(bookedBefore) === Date.parse(start)) {
    return 'the appointment is still booked for the same time: nothing changed';
  }
  return { type: 'appointment-rescheduled', appointmentAt: start };
}
