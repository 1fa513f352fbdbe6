import { defineJourney } from '../journey-module';
import type * as Workflow from './oncology-fast-track.workflow';
import { ONCOLOGY_MESSAGE_KEYS } from './oncology-fast-track.messages';
import { oncologyFastTrackTriggers } from './oncology-fast-track.triggers';
import { oncologyFastTrackBlueprint } from './oncology-fast-track.blueprint';
import {
  ONCOLOGY_FAST_TRACK,
  oncologyFastTrackEvent,
  oncologyFastTrackParams,
  type OncologyFastTrackParams,
} from './oncology-fast-track.contract';
import { oncologyFastTrackSettings } from './oncology-fast-track.settings';

export const oncologyFastTrackJourney = defineJourney({
  id: ONCOLOGY_FAST_TRACK,
  folder: 'workflows/oncology-fast-track',
  title: 'Fast oncology track',
  description:
    'A DiLO card (or an NHS England urgent referral) from the clock start to treatment: events move it through diagnostics, the consilium plan and treatment; deadlines warn the coordinator and escalate when missed; the patient hears the next step at every stage.',
  workflow: 'oncologyFastTrackWorkflow' satisfies keyof typeof Workflow,
  contract: { params: oncologyFastTrackParams(), event: oncologyFastTrackEvent() },
  settings: oncologyFastTrackSettings(),
  blueprint: oncologyFastTrackBlueprint,
  triggers: oncologyFastTrackTriggers,
  wording: { keys: ONCOLOGY_MESSAGE_KEYS },
  // One card per suspected cancer: a recurrence or a second cancer is a new card, a new journey.
  instanceKey: (params: OncologyFastTrackParams) => params.cardId,
  sources: [
    'pakietonkologiczny.gov.pl ("7 tygodni") and NFZ pages: DiLO clock starts at waiting-list entry; specialist visit <= 14 days, initial diagnostics <= 28 days, in-depth diagnostics <= 21 days after confirmation, diagnosis <= 49 days, consilium plan <= 14 days from presentation at the treating hospital.',
    'Treatment start within 14 days of the consilium plan: not verified as law (tunable default).',
    'NHS England cancer waiting times (since October 2023): 28-day Faster Diagnosis Standard, 31 days decision to treat to treatment, 62 days urgent referral to treatment.',
    'Warning the coordinator a few days before a deadline: tunable default (3 days).',
  ],
});
