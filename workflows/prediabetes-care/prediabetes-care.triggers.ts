import type { JourneyTriggers } from '../journey-triggers';
import { PREDIABETES_CARE } from './prediabetes-care.contract';
import { prediabetesCareEvents } from './prediabetes-care.ehr-events';
import { prediabetesDiagnosis } from './prediabetes-care.starts';

/**
 * Prediabetes care is one journey per patient: readings and diagnoses about the patient go to it.
 * Which readings may diagnose and which only monitor is the measurement rules' business.
 */
export const prediabetesCareTriggers: JourneyTriggers = {
  journey: PREDIABETES_CARE,
  starts: [prediabetesDiagnosis],
  events: prediabetesCareEvents,
  takes: [
    {
      resource: 'Observation',
      events: {},
      links: [{ kind: 'patient' }],
      description: "A laboratory result or a monitoring reading of the patient's.",
    },
    {
      resource: 'Condition',
      events: {},
      links: [{ kind: 'patient' }],
      description: 'A diabetes diagnosis ends prediabetes care.',
    },
  ],
  valueSets: {},
  closes: ['Diabetes is diagnosed (referral to diabetes care).', 'The program year ends.'],
};
