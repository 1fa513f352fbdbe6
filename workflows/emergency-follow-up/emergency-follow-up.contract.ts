import type { z } from 'zod';
import { isoInstant, timeZoneField } from '../../contracts/contract-fields';
import { lazySchema, type ZodApi } from '../../contracts/lazy-schema';
import {
  appointmentEventSchemas,
  declinedEventSchema,
} from '../outreach-escalation/appointment-event-schemas';

/** Parameters and events of the emergency-visit follow-up journey, validated at the API and in the workflow. */
export const EMERGENCY_FOLLOW_UP = 'emergency-follow-up';

/*
 * Enrolment follows a finished emergency encounter (FHIR Encounter class EMER, status finished;
 * HL7v2 ADT^A03) whose discharge disposition calls for a follow-up (emergency-follow-up.disposition.ts).
 * One follow-up per patient at a time: a later emergency visit restarts the running one (the
 * `emergency-visit` event) rather than running two that would nudge the patient twice.
 */
export const emergencyFollowUpParams = lazySchema((z) =>
  z
    .object({
      encounterId: z
        .string()
        .min(1)
        .max(200)
        .describe('The emergency encounter (its EHR id): tells apart the follow-ups of separate visits.'),
      dischargedAt: isoInstant(z)
        .refine((value) => Date.parse(value) <= Date.now(), 'must not be in the future')
        .describe('When the patient left the emergency department (ISO 8601 with offset).'),
      dischargeDisposition: z
        .string()
        .min(1)
        .max(64)
        .optional()
        .describe(
          'How the patient left (HL7 discharge-disposition code, e.g. home, aadvice; "unknown" when the EHR did not say: ' +
            'staff check before any message). Absent when a person started the follow-up: they judged it right.',
        ),
      schedulingUrl: z
        .url({ protocol: /^https$/ })
        .optional()
        .describe("A scheduling link for this patient (e.g. their own practice); the program's when absent."),
      timeZone: timeZoneField(z, 'UTC', 'word appointment times'),
    })
    .strict(),
);

export type EmergencyFollowUpParams = z.output<ReturnType<typeof emergencyFollowUpParams>>;

/*
 * Appointment events as in preventive outreach (FHIR Appointment, HL7v2 SIU); `readmitted`
 * (ADT^A01 for the same patient) ends the follow-up: the patient is back in hospital care.
 */
const encounterId = (z: ZodApi) =>
  z.string().min(1).max(200).meta({ title: 'Emergency visit id', description: "The EHR encounter's id." });

const dischargeDisposition = (z: ZodApi) =>
  z.string().min(1).max(64).meta({
    title: 'How the patient left',
    description: 'HL7 discharge-disposition code, e.g. home, aadvice.',
  });

export const emergencyFollowUpEvent = lazySchema((z) =>
  z.discriminatedUnion('type', [
    ...appointmentEventSchemas(z),
    z
      .object({
        type: z.literal('readmitted'),
        at: isoInstant(z).optional().meta({ title: 'Admitted at', description: 'Default: now.' }),
      })
      .strict()
      .meta({ title: 'Readmitted to hospital' }),
    declinedEventSchema(z),
    /*
     * Another emergency visit of the same patient ended while this follow-up runs: a later one with a
     * follow-up disposition restarts the nudge window from its discharge; one to hospice or another
     * facility ends the follow-up; an earlier one changes nothing.
     */
    z
      .object({
        type: z.literal('emergency-visit'),
        encounterId: encounterId(z),
        dischargedAt: isoInstant(z).meta({ title: 'Discharged at' }),
        dischargeDisposition: dischargeDisposition(z),
      })
      .strict()
      .meta({ title: 'Another emergency visit' }),
    /** The emergency visit followed up was entered in error or cancelled in the EHR (e.g. the wrong patient's chart). */
    z
      .object({ type: z.literal('emergency-visit-withdrawn'), encounterId: encounterId(z) })
      .strict()
      .meta({ title: 'Emergency visit withdrawn' }),
    /** Staff checked how the patient left (after an unknown disposition): the follow-up goes on or ends. */
    z
      .object({
        type: z.literal('disposition-confirmed'),
        dischargeDisposition: dischargeDisposition(z),
      })
      .strict()
      .meta({ title: 'Discharge disposition confirmed' }),
  ]),
);

export type EmergencyFollowUpEvent = z.output<ReturnType<typeof emergencyFollowUpEvent>>;
