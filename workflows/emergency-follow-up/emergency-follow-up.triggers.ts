import { TRIGGER_SYSTEMS, type JourneyTriggers } from '../journey-triggers';
import { APPOINTMENT_STATUS_EVENTS } from '../outreach-escalation/appointment-events';
import { EMERGENCY_FOLLOW_UP } from './emergency-follow-up.contract';
import { emergencyFollowUpEvents } from './emergency-follow-up.ehr-events';
import { emergencyDischarge } from './emergency-follow-up.starts';

const { snomed, cpt, appointmentReason, serviceType } = TRIGGER_SYSTEMS;

/** The value set of visits that count as the follow-up of an emergency visit. */
export const FOLLOW_UP_VISITS = 'follow-up-visits';

/**
 * Emergency-visit follow-up listens to emergency discharges, inpatient admissions and the
 * appointments that are its follow-up visit: only those. A screening mammogram, a physiotherapy
 * session or a dental check-up is not a follow-up of an emergency visit and never books, ends or
 * restarts it (brief clinical-safety.md: "A physiotherapy visit or a screening mammogram never
 * books an emergency follow-up").
 */
export const emergencyFollowUpTriggers: JourneyTriggers = {
  journey: EMERGENCY_FOLLOW_UP,
  starts: [emergencyDischarge],
  events: emergencyFollowUpEvents,
  takes: [
    {
      resource: 'Appointment',
      events: APPOINTMENT_STATUS_EVENTS,
      links: [
        { kind: 'resource', via: ['self', 'basedOn'] },
        {
          kind: 'value-set',
          valueSet: FOLLOW_UP_VISITS,
          fields: ['appointmentType', 'serviceType'],
          setting: 'followUpVisits',
        },
      ],
      description:
        'A follow-up visit (appointment type or service type in the follow-up-visits value set, or an ' +
        'appointment already applied to this journey) is booked, moved, cancelled, missed or attended.',
    },
    {
      resource: 'Encounter',
      events: {
        'in-progress': 'readmitted',
        arrived: 'readmitted',
        'entered-in-error': 'emergency-visit-withdrawn',
        cancelled: 'emergency-visit-withdrawn',
      },
      links: [{ kind: 'patient' }],
      description:
        'An inpatient admission (class IMP or ACUTE) that began after the discharge ends the follow-up as readmitted; ' +
        'the followed emergency visit entered in error or cancelled ends it; a later emergency discharge restarts it.',
    },
  ],
  valueSets: {
    [FOLLOW_UP_VISITS]: {
      label: 'follow-up visits',
      codes: [
        { system: appointmentReason, codes: ['FOLLOWUP'] },
        // Follow-up encounter, follow-up visit.
        { system: snomed, codes: ['390906007', '185389009'] },
        // Office or outpatient visit of an established patient; transitional care management.
        { system: cpt, codes: ['99212', '99213', '99214', '99215', '99495', '99496'] },
        // General practice.
        { system: serviceType, codes: ['124'] },
      ],
      source:
        'Tunable default (program setting followUpVisits): HL7 v2-0276 FOLLOWUP, SNOMED CT follow-up visit concepts, CPT established-patient ' +
        'office visits and transitional care management, service type general practice. No source lists ' +
        'the visits that count; a program replaces the set with its own.',
    },
  },
  closes: [
    'The follow-up visit is attended.',
    'The patient is admitted to hospital after the discharge (readmitted).',
    'The patient declines the follow-up.',
    'No follow-up visit is booked within the escalation window (unresponsive, after a staff call).',
    'The EHR records the patient as deceased.',
    'The EHR withdraws the emergency visit it follows (entered in error or cancelled).',
  ],
};
