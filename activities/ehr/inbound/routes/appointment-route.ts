import type { Appointment } from '@medplum/fhirtypes';
import type { JourneyEvent } from '../../../../workflows/journey-contract';
import { PREVENTIVE_OUTREACH } from '../../../../workflows/preventive-outreach/preventive-outreach.contract';
import { toInstant } from '../clinical-time';
import { findCoding } from '../code-systems';
import { patientIdOf, resourceKey } from '../fhir-references';
import { ignore, type RoutingDecision } from '../routing-decision';
import { APPOINTMENT_FALLBACK_JOURNEYS, appointmentStatusEvents, screeningItemCodes } from '../routing-rules';
import { isDefined, noPatient, references } from './route-helpers';

/** Appointment statuses become the appointment events of the journey that asked for the visit. */
export function routeAppointment(
  appointment: Appointment,
  previous: JourneyEvent | undefined,
): RoutingDecision {
  const rule = 'appointment-status';
  const byJourney = appointmentStatusEvents[appointment.status];
  if (!byJourney) return ignore(`Appointment status ${appointment.status} changes nothing`, rule);
  const patientId = appointment.participant
    .map((participant) => patientIdOf(participant.actor))
    .find(isDefined);
  if (!patientId) return noPatient('Appointment.participant.actor', rule);
  const start = toInstant(appointment.start);
  const events: Record<string, JourneyEvent> = {};
  for (const [journey, type] of Object.entries(byJourney)) {
    if (!type) continue;
    if (type === 'appointment-booked') {
      if (!start) return ignore('the booked Appointment has no start', rule);
      const booked = bookingEvent(start, appointment.id, previous);
      if (typeof booked === 'string') return ignore(booked, rule);
      events[journey] = booked;
    } else if (type === 'specialist-visit-done') {
      const at = toInstant(appointment.end) ?? start;
      events[journey] = { type, ...(at ? { at } : {}) };
    } else {
      events[journey] = { type };
    }
  }
  const concepts = [
    ...(appointment.serviceType ?? []),
    ...(appointment.appointmentType ? [appointment.appointmentType] : []),
    ...(appointment.reasonCode ?? []),
  ];
  const item = (Object.keys(screeningItemCodes) as Array<keyof typeof screeningItemCodes>).find((candidate) =>
    findCoding(concepts, screeningItemCodes[candidate]),
  );
  return {
    kind: 'event',
    rule,
    patientId,
    events,
    target: {
      linkedTo: [resourceKey(appointment), ...references(appointment.basedOn)].filter(isDefined),
      instances: item ? [{ journey: PREVENTIVE_OUTREACH, params: { item } }] : [],
      running: { journeys: [...APPOINTMENT_FALLBACK_JOURNEYS], pick: 'one' },
    },
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
