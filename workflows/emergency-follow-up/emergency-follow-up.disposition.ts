import type { EmergencyFollowUpEvent } from './emergency-follow-up.contract';

/*
 * What an emergency discharge's disposition means for the follow-up (Encounter.hospitalization.
 * dischargeDisposition, HL7 code system discharge-disposition; brief clinical-safety.md: the
 * disposition "decides whether a follow-up nudge is right"). Pure: the EHR router and the
 * workflow read the same table.
 *
 * - `nudge`: the patient went back to the community; a follow-up visit with their own clinician
 *   within days is the standard of care after an emergency visit (brief seeds: nudge in 48-72 h).
 * - `nudge-and-call`: left against medical advice. Such patients are at higher risk of return and
 *   readmission, so they need the follow-up more, not less: the nudges go out and a person calls
 *   at once (staff task), as the first contact is the one most likely to be refused.
 * - `no-follow-up`: died (exp), went to hospice (hosp) or into another facility's care (transfer,
 *   long-term care, nursing facility, rehabilitation, psychiatric hospital): a "book your
 *   follow-up visit" text would be wrong or hurtful, and the receiving team owns the follow-up.
 *   No journey starts and no message is sent.
 * - `staff-check`: `oth` (other) or a disposition that is missing or not in the code system:
 *   a person checks how the patient left before anything is sent (a staff task beats a guess).
 */
export type DispositionPlan = 'nudge' | 'nudge-and-call' | 'no-follow-up' | 'staff-check';

/** The code a journey records when the EHR sent no disposition or one outside the code system. */
export const UNKNOWN_DISPOSITION = 'unknown';

export const dischargeDispositionPlans: Readonly<Record<string, { plan: DispositionPlan; label: string }>> = {
  home: { plan: 'nudge', label: 'discharged home' },
  'alt-home': { plan: 'nudge', label: 'discharged to an alternative home' },
  aadvice: { plan: 'nudge-and-call', label: 'left against medical advice' },
  exp: { plan: 'no-follow-up', label: 'died (expired)' },
  hosp: { plan: 'no-follow-up', label: 'discharged to hospice' },
  'other-hcf': { plan: 'no-follow-up', label: 'transferred to another health care facility' },
  long: { plan: 'no-follow-up', label: 'transferred to long-term care' },
  snf: { plan: 'no-follow-up', label: 'transferred to a skilled nursing facility' },
  rehab: { plan: 'no-follow-up', label: 'transferred to rehabilitation' },
  psy: { plan: 'no-follow-up', label: 'transferred to a psychiatric hospital' },
  oth: { plan: 'staff-check', label: 'other (not stated how)' },
};

/** The plan for a disposition code; an absent or unknown code asks staff first. */
export function dispositionPlan(code: string | undefined): { plan: DispositionPlan; label: string } {
  return (
    (code !== undefined && Object.hasOwn(dischargeDispositionPlans, code)
      ? dischargeDispositionPlans[code]
      : undefined) ?? {
      plan: 'staff-check',
      label:
        code && code !== UNKNOWN_DISPOSITION ? `disposition "${code}" not known` : 'disposition not recorded',
    }
  );
}

/** Refuses visit events that do not fit: an older visit, an admission before the discharge. */
export function checkVisitEvent(
  event: EmergencyFollowUpEvent,
  dischargedAtMs: number,
  awaiting: boolean,
  encounterId?: string,
): void {
  if (event.type === 'emergency-visit-withdrawn' && event.encounterId !== encounterId) {
    throw new Error('That emergency visit is not the one this follow-up is for: nothing changes.');
  }
  if (event.type === 'readmitted' && event.at && Date.parse(event.at) < dischargedAtMs) {
    throw new Error(
      `The admission began at ${event.at}, before the discharge this follow-up is for (${new Date(dischargedAtMs).toISOString()}): not a readmission.`,
    );
  }
  if (event.type === 'emergency-visit' && Date.parse(event.dischargedAt) <= dischargedAtMs) {
    throw new Error('That emergency visit ended before the one this follow-up is for: nothing changes.');
  }
  if (event.type === 'disposition-confirmed') {
    if (!awaiting) throw new Error('No discharge disposition is waiting for confirmation.');
    if (dispositionPlan(event.dischargeDisposition).plan === 'staff-check') {
      throw new Error(
        `"${event.dischargeDisposition}" does not say how the patient left: confirm a code such as home, aadvice, hosp or other-hcf.`,
      );
    }
  }
}
