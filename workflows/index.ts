/*
 * Every workflow the worker registers; the worker bundles this file into Temporal's sandbox.
 *
 * Each journey's module is loaded when a workflow of that journey starts, not with the bundle:
 * the worker evaluates the bundle's modules anew for every workflow it creates, and building every
 * journey's zod contracts for each new journey took a third of the CPU of its first workflow task
 * (docs/benchmarks.md). Webpack still bundles every module; `require` inside the function only
 * defers running it. Workflow code is the same either way, so replays are unaffected.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- deferred evaluation, see above */
import type * as AppointmentReminder from './appointment-reminder/appointment-reminder.workflow';
import type * as CohortFinder from './cohort-finder/cohort-finder.workflow';
import type * as EmergencyFollowUp from './emergency-follow-up/emergency-follow-up.workflow';
import type * as OncologyFastTrack from './oncology-fast-track/oncology-fast-track.workflow';
import type * as PrediabetesCare from './prediabetes-care/prediabetes-care.workflow';
import type * as PreventiveOutreach from './preventive-outreach/preventive-outreach.workflow';

export const appointmentReminderWorkflow: typeof AppointmentReminder.appointmentReminderWorkflow = (input) =>
  (
    require('./appointment-reminder/appointment-reminder.workflow') as typeof AppointmentReminder
  ).appointmentReminderWorkflow(input);

export const oncologyFastTrackWorkflow: typeof OncologyFastTrack.oncologyFastTrackWorkflow = (input) =>
  (
    require('./oncology-fast-track/oncology-fast-track.workflow') as typeof OncologyFastTrack
  ).oncologyFastTrackWorkflow(input);

export const prediabetesCareWorkflow: typeof PrediabetesCare.prediabetesCareWorkflow = (input) =>
  (require('./prediabetes-care/prediabetes-care.workflow') as typeof PrediabetesCare).prediabetesCareWorkflow(
    input,
  );

export const preventiveOutreachWorkflow: typeof PreventiveOutreach.preventiveOutreachWorkflow = (input) =>
  (
    require('./preventive-outreach/preventive-outreach.workflow') as typeof PreventiveOutreach
  ).preventiveOutreachWorkflow(input);

export const emergencyFollowUpWorkflow: typeof EmergencyFollowUp.emergencyFollowUpWorkflow = (input) =>
  (
    require('./emergency-follow-up/emergency-follow-up.workflow') as typeof EmergencyFollowUp
  ).emergencyFollowUpWorkflow(input);

export const cohortFinderWorkflow: typeof CohortFinder.cohortFinderWorkflow = (input) =>
  (require('./cohort-finder/cohort-finder.workflow') as typeof CohortFinder).cohortFinderWorkflow(input);
