// Every workflow the worker registers; the worker bundles this file into Temporal's sandbox.
export { appointmentReminderWorkflow } from './appointment-reminder/appointment-reminder.workflow';
export { oncologyFastTrackWorkflow } from './oncology-fast-track/oncology-fast-track.workflow';
export { prediabetesCareWorkflow } from './prediabetes-care/prediabetes-care.workflow';
export { preventiveOutreachWorkflow } from './preventive-outreach/preventive-outreach.workflow';
export { emergencyFollowUpWorkflow } from './emergency-follow-up/emergency-follow-up.workflow';
export { cohortFinderWorkflow } from './cohort-finder/cohort-finder.workflow';
