import { appointmentReminderTriggers } from './appointment-reminder/appointment-reminder.triggers';
import { emergencyFollowUpTriggers } from './emergency-follow-up/emergency-follow-up.triggers';
import type { JourneyTriggers } from './journey-triggers';
import { oncologyFastTrackTriggers } from './oncology-fast-track/oncology-fast-track.triggers';
import { prediabetesCareTriggers } from './prediabetes-care/prediabetes-care.triggers';
import { preventiveOutreachTriggers } from './preventive-outreach/preventive-outreach.triggers';

/** Every journey type's triggers: the EHR router reads this list and nothing else. */
export const journeyTriggers: readonly JourneyTriggers[] = [
  appointmentReminderTriggers,
  oncologyFastTrackTriggers,
  prediabetesCareTriggers,
  preventiveOutreachTriggers,
  emergencyFollowUpTriggers,
];

export function triggersOf(journey: string): JourneyTriggers | undefined {
  return journeyTriggers.find((triggers) => triggers.journey === journey);
}
