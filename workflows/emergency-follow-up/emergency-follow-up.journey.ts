import { defineJourney } from '../journey-module';
import type * as Workflow from './emergency-follow-up.workflow';
import { emergencyFollowUpWordingKeys } from './emergency-follow-up.messages';
import { emergencyFollowUpTriggers } from './emergency-follow-up.triggers';
import { emergencyFollowUpBlueprint } from './emergency-follow-up.blueprint';
import {
  EMERGENCY_FOLLOW_UP,
  emergencyFollowUpEvent,
  emergencyFollowUpParams,
} from './emergency-follow-up.contract';
import { emergencyFollowUpSettings } from './emergency-follow-up.settings';

export const emergencyFollowUpJourney = defineJourney({
  id: EMERGENCY_FOLLOW_UP,
  folder: 'workflows/emergency-follow-up',
  title: 'Emergency visit follow-up',
  description:
    'After a discharge from the emergency department: a follow-up nudge with a booking link 48 h later, a booking ' +
    'prompt and a staff call while nothing is booked, a reminder before the visit; ends on the visit, a readmission ' +
    'or a decline.',
  workflow: 'emergencyFollowUpWorkflow' satisfies keyof typeof Workflow,
  contract: { params: emergencyFollowUpParams(), event: emergencyFollowUpEvent() },
  settings: emergencyFollowUpSettings,
  blueprint: emergencyFollowUpBlueprint,
  triggers: emergencyFollowUpTriggers,
  wording: { keys: emergencyFollowUpWordingKeys },
  // No instance key: one follow-up per patient at a time. A later emergency visit restarts the
  // running one (its `emergency-visit` event) instead of a second journey nudging in parallel.
  sources: [
    'Brief (seeds): emergency visit discharge (Encounter class EMER finished, HL7v2 ADT^A03) -> follow-up nudge within 48-72 h (tunable default).',
    'Brief (seeds): digital first; a human phone call only for those who do not respond to email, text or portal.',
    'Guy 2012: reminder timing 24/48/72 h before made no difference (appointment reminder lead time).',
    'Escalation cadence after the nudge and the 14-day window: tunable defaults.',
  ],
});
