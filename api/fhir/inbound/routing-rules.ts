import type { ScreeningItem } from '../../../workflows/preventive-outreach/preventive-outreach.contract';
import { SCREENING_ITEM_CODES } from '../../../workflows/preventive-outreach/preventive-outreach.triggers';
import { CODE_SYSTEMS, type CodeMatch } from '../../../contracts/ehr/code-systems';

/*
 * What the router checks alike for every journey: which results and diagnoses count at all. What
 * starts a journey and what moves a running one are the journey's own declarations
 * (`<journey>.starts.ts`, `<journey>.ehr-events.ts`, read from the module list). The screening
 * item codes below are the preventive outreach's, still held here for the `instance` link of its
 * Appointment trigger (routes/journey-links.ts).
 * Codes are matched exactly (ICD-10 by prefix where marked): SNOMED CT descendants need a
 * terminology server, so list every concept an EHR is expected to send.
 */

const { loinc, snomed, cpt } = CODE_SYSTEMS;

/** Results that count: preliminary and cancelled ones never move a journey. */
export const FINAL_RESULT_STATUSES = ['final', 'amended', 'corrected'] as const;

/** Clinical statuses of a Condition that is present now (absent means present too). */
export const ACTIVE_CONDITION_STATUSES = ['active', 'recurrence', 'relapse'] as const;

// --- Appointments -------------------------------------------------------------------------------

/*
 * Which journeys take which Appointment status, and how an appointment must be linked to them, is
 * each journey's own declaration (`workflows/<journey>/<journey>.triggers.ts`): a new journey that
 * takes appointments declares it there. An appointment linked to no journey moves none; there is
 * no "the patient's only running journey" fallback (a screening mammogram once booked the
 * emergency follow-up that way).
 */

/** Codes in Appointment.serviceType, appointmentType or reasonCode naming a due screening item. */
export const screeningItemCodes: Record<ScreeningItem, CodeMatch[]> = {
  mammogram: [
    { system: snomed, codes: ['71651007'] },
    { system: cpt, codes: ['77067'] },
    { system: loinc, codes: ['24606-6'] },
  ],
  'colorectal-screening': [
    { system: snomed, codes: ['73761001'] },
    { system: cpt, codes: ['45378'] },
  ],
  'cervical-screening': [{ system: snomed, codes: ['171149006'] }],
  'flu-shot': [
    { system: snomed, codes: ['86198006'] },
    { system: CODE_SYSTEMS.cvx, codes: ['140', '141', '150', '158', '161', '171', '185', '186', '197'] },
  ],
  'annual-visit': [
    { system: cpt, codes: ['99387', '99396', '99397'] },
    // Medicare annual wellness visit, initial and subsequent; HCPCS travels under both URIs.
    ...CODE_SYSTEMS.hcpcs.map((system) => ({ system, codes: ['G0438', 'G0439'] })),
  ],
};

/** Value sets that name a journey instance by a code (see `instance` links in journey-triggers.ts). */
export const instanceValueSets: Record<string, Record<string, CodeMatch[]>> = {
  [SCREENING_ITEM_CODES]: screeningItemCodes,
};
