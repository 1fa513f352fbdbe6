import { z } from 'zod';
import { isoInstant, timeZoneField } from '../contract-fields';
import {
  appointmentEventSchemas,
  declinedEventSchema,
} from '../outreach-escalation/appointment-event-schemas';

/** Parameters and events of the emergency-visit follow-up journey, validated at the API and in the workflow. */
export const EMERGENCY_FOLLOW_UP = 'emergency-follow-up';

/*
 * Enrolment follows a finished emergency encounter (FHIR Encounter class EMER, status finished;
 * HL7v2 ADT^A03). One journey per encounter: a second visit is a second journey.
 */
export const emergencyFollowUpParams = z
  .object({
    encounterId: z
      .string()
      .min(1)
      .max(200)
      .describe('The emergency encounter (its EHR id): tells apart the follow-ups of separate visits.'),
    dischargedAt: isoInstant
      .refine((value) => Date.parse(value) <= Date.now(), 'must not be in the future')
      .describe('When the patient left the emergency department (ISO 8601 with offset).'),
    schedulingUrl: z
      .url({ protocol: /^https$/ })
      .optional()
      .describe("A scheduling link for this patient (e.g. their own practice); the program's when absent."),
    timeZone: timeZoneField('UTC', 'word appointment times'),
  })
  .strict();

export type EmergencyFollowUpParams = z.output<typeof emergencyFollowUpParams>;

/*
 * Appointment events as in preventive outreach (FHIR Appointment, HL7v2 SIU); `readmitted`
 * (ADT^A01 for the same patient) ends the follow-up: the patient is back in hospital care.
 */
export const emergencyFollowUpEvent = z.discriminatedUnion('type', [
  ...appointmentEventSchemas,
  z.object({ type: z.literal('readmitted'), at: isoInstant.optional() }).strict(),
  declinedEventSchema,
]);

export type EmergencyFollowUpEvent = z.output<typeof emergencyFollowUpEvent>;
