import type { JourneyType } from '../journey-types';
import { prediabetesCareBlueprint } from './prediabetes-care.blueprint';
import {
  ADA_DIAGNOSIS_SOURCE,
  ADA_METFORMIN_SOURCE,
  CDC_OUTCOME_SOURCE,
  CDC_PROGRAM_SOURCE,
} from './prediabetes-care.clinical';
import {
  PREDIABETES_CARE,
  prediabetesCareEvent,
  prediabetesCareParams,
  prediabetesCareSettings,
} from './prediabetes-care.contract';

export const prediabetesCareJourneyType: JourneyType = {
  id: PREDIABETES_CARE,
  title: 'Prediabetes care',
  description:
    'A 12-month diabetes prevention program: weekly then monthly sessions with biometric logging, a nudge after a gap in readings, a review that prompts a follow-up visit when readings do not improve, a confirming test and a referral when a result reaches the diabetes range, and the annual A1C retest with the CDC outcome.',
  workflowType: 'prediabetesCareWorkflow',
  paramsSchema: prediabetesCareParams,
  eventSchema: prediabetesCareEvent,
  settingsSchema: prediabetesCareSettings,
  blueprint: prediabetesCareBlueprint,
  sources: [
    ADA_DIAGNOSIS_SOURCE,
    ADA_METFORMIN_SOURCE,
    CDC_PROGRAM_SOURCE,
    CDC_OUTCOME_SOURCE,
    'Ely et al. 2017: each extra session attended ~ +0.3 % weight loss, so gaps are worth a nudge.',
    'Inactivity nudge after 48 h without a reading, the 6-week review and other cadences: tunable defaults (program settings), no clinical source.',
  ],
};
