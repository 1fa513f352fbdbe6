import { defineJourney } from '../journey-module';
import type * as Workflow from './prediabetes-care.workflow';
import { prediabetesCareWordingKeys } from './prediabetes-care.messages';
import { prediabetesCareTriggers } from './prediabetes-care.triggers';
import { prediabetesCareBlueprint } from './prediabetes-care.blueprint';
import {
  ADA_DIAGNOSIS_SOURCE,
  ADA_METFORMIN_SOURCE,
  CDC_OUTCOME_SOURCE,
  CDC_PROGRAM_SOURCE,
} from './prediabetes-care.clinical';
import { PREDIABETES_CARE, prediabetesCareEvent, prediabetesCareParams } from './prediabetes-care.contract';
import { prediabetesCareSettings } from './prediabetes-care.settings';

export const prediabetesCareJourney = defineJourney({
  id: PREDIABETES_CARE,
  folder: 'workflows/prediabetes-care',
  title: 'Prediabetes care',
  description:
    'A 12-month diabetes prevention program: weekly then monthly sessions with biometric logging, a nudge after a gap in readings, a review that prompts a follow-up visit when readings do not improve, a confirming test and a referral when a result reaches the diabetes range, and the annual A1C retest with the CDC outcome.',
  workflow: 'prediabetesCareWorkflow' satisfies keyof typeof Workflow,
  contract: { params: prediabetesCareParams(), event: prediabetesCareEvent() },
  settings: prediabetesCareSettings,
  blueprint: prediabetesCareBlueprint,
  triggers: prediabetesCareTriggers,
  wording: { keys: prediabetesCareWordingKeys },
  sources: [
    ADA_DIAGNOSIS_SOURCE,
    ADA_METFORMIN_SOURCE,
    CDC_PROGRAM_SOURCE,
    CDC_OUTCOME_SOURCE,
    'Ely et al. 2017: each extra session attended ~ +0.3 % weight loss, so gaps are worth a nudge.',
    'Inactivity nudge after 48 h without a reading, the 6-week review and other cadences: tunable defaults (program settings), no clinical source.',
  ],
});
