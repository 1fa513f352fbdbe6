import { appointmentReminderJourney } from './appointment-reminder/appointment-reminder.journey';
import { emergencyFollowUpJourney } from './emergency-follow-up/emergency-follow-up.journey';
import type { JourneyModule } from './journey-module';
import { oncologyFastTrackJourney } from './oncology-fast-track/oncology-fast-track.journey';
import { prediabetesCareJourney } from './prediabetes-care/prediabetes-care.journey';
import { preventiveOutreachJourney } from './preventive-outreach/preventive-outreach.journey';

/*
 * Every patient journey, one module each: the API's registry (journey-types.ts), the worker's
 * workflow index (worker/workflow-index.ts), the EHR router's triggers (journey-trigger-list.ts)
 * and the wording the renderer finds are read from this list. (The cohort finder is a system
 * workflow, not a journey: it is in workflows/index.ts.)
 */
const modules: JourneyModule[] = [
  appointmentReminderJourney,
  oncologyFastTrackJourney,
  prediabetesCareJourney,
  preventiveOutreachJourney,
  emergencyFollowUpJourney,
];

export const journeyModules: readonly JourneyModule[] = modules;

/**
 * Adds a journey the product does not ship (a test's fixture journey): only a composition root
 * calls it, before it creates its worker (whose index is written from the list then) or serves.
 */
export function registerJourney(module: JourneyModule): void {
  const taken = modules.find((known) => known.id === module.id || known.workflowType === module.workflowType);
  if (taken) throw new Error(`Journey ${module.id} (${module.workflowType}) clashes with ${taken.id}`);
  modules.push(module);
}
