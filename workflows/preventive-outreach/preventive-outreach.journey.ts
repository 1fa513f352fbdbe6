import { defineJourney } from '../journey-module';
import type * as Workflow from './preventive-outreach.workflow';
import { preventiveOutreachWordingKeys } from './preventive-outreach.messages';
import { preventiveOutreachTriggers } from './preventive-outreach.triggers';
import { preventiveOutreachBlueprint } from './preventive-outreach.blueprint';
import {
  PREVENTIVE_OUTREACH,
  preventiveOutreachEvent,
  preventiveOutreachParams,
  type PreventiveOutreachParams,
} from './preventive-outreach.contract';
import { preventiveOutreachSettings } from './preventive-outreach.settings';

export const preventiveOutreachJourney = defineJourney({
  id: PREVENTIVE_OUTREACH,
  folder: 'workflows/preventive-outreach',
  title: 'Preventive screening outreach',
  description:
    'One journey per due item (mammogram, flu shot, yearly check-up, colorectal or cervical screening): a tailored ' +
    'call to action with a scheduling link, escalation over days on other channels until an appointment is booked, ' +
    'a reminder before it, and rebooking outreach after a no-show.',
  workflow: 'preventiveOutreachWorkflow' satisfies keyof typeof Workflow,
  contract: { params: preventiveOutreachParams(), event: preventiveOutreachEvent() },
  settings: preventiveOutreachSettings,
  blueprint: preventiveOutreachBlueprint,
  triggers: preventiveOutreachTriggers,
  wording: { keys: preventiveOutreachWordingKeys },
  // A patient due for three items has three journeys, told apart by the item.
  instanceKey: (params: PreventiveOutreachParams) => params.item,
  sources: [
    'Bucher 2023 (seed scenario): a patient new to a health system due for a physical, a mammogram and a flu shot.',
    'USPSTF 2024: mammography every 2 years, age 40-74.',
    'USPSTF 2021: colorectal screening age 45-75 (FIT yearly, colonoscopy every 10 years).',
    'USPSTF 2018: cervical screening 21-29 cytology every 3 years; 30-65 cytology every 3 or HPV every 5 years.',
    'CDC via immunize.org: influenza vaccine yearly, offered September-October.',
    'Medicare: annual wellness visit every 12 months.',
    'Community Guide: phone or enhanced reminders +15.5 points of mammography uptake vs +4.5 for a letter alone.',
    'Guy 2012: SMS reminders effect 1.48; reminder timing 24/48/72 h before made no difference.',
    'Prior no-show ~4.4x odds of another (brief); primary-care no-show median 12.9 % (BJGP 2021).',
    'Cadence day 0 / 3 / 7-10 / 30 and the outreach window: tunable defaults.',
  ],
});
