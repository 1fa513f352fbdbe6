/*
 * What the router checks alike for every journey: which results and diagnoses count at all. What
 * starts a journey and what moves a running one are the journey's own declarations
 * (`<journey>.starts.ts`, `<journey>.ehr-events.ts`, read from the module list), and so are the
 * codes that link a resource to one journey (`<journey>.triggers.ts`).
 * Codes are matched exactly (ICD-10 by prefix where marked): SNOMED CT descendants need a
 * terminology server, so list every concept an EHR is expected to send.
 */

/** Results that count: preliminary and cancelled ones never move a journey. */
export const FINAL_RESULT_STATUSES = ['final', 'amended', 'corrected'] as const;

/** Clinical statuses of a Condition that is present now (absent means present too). */
export const ACTIVE_CONDITION_STATUSES = ['active', 'recurrence', 'relapse'] as const;
