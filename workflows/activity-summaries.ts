import type { ActivityOptions } from '@temporalio/common';
import { proxyActivities, type ActivityInterfaceFor } from '@temporalio/workflow';
import type { Activities } from '../activities';

/**
 * What each activity does, as the Temporal Web UI and CLI show it beside its events (the SDK's
 * user metadata). Fixed wording only: a summary is kept in the journey's history, so it never
 * names a patient or carries anything about them. Keyed by every activity the worker registers,
 * so a new activity without a summary does not compile.
 */
export const ACTIVITY_SUMMARIES: Record<keyof Activities, string> = {
  deliverMessage: 'Deliver a journey message (consent, quiet hours, channel order)',
  sendMessage: 'Log a journey message (journeys started before the engagement layer)',
  sendPortalMessage: 'Post a portal message (journeys started before the engagement layer)',
  createStaffTask: 'Raise a staff task',
  closeJourneyStaffTasks: 'Close the staff tasks this journey no longer needs',
  checkPrediabetesEnrolment: 'Check the EHR for an earlier prediabetes enrolment',
  syncPatientContact: 'Read contact details from the EHR',
  recordCommunicationInEhr: 'Write the message back to the EHR (Communication)',
  recordTaskInEhr: 'Write the staff task back to the EHR (Task)',
  screeningRecordOf: 'Read the screening record from the EHR',
  findDuePatients: 'Find patients due for screening in the EHR',
  enrolDuePatients: 'Enrol due patients in preventive outreach',
};

/** `proxyActivities` whose every call carries its activity's summary from ACTIVITY_SUMMARIES. */
export function summarisedActivities<A extends Partial<Activities>>(
  options: ActivityOptions,
): ActivityInterfaceFor<A> {
  return new Proxy({} as ActivityInterfaceFor<A>, {
    get(_, name) {
      const summary = ACTIVITY_SUMMARIES[name as keyof Activities];
      return proxyActivities<A>({ ...options, summary })[name as keyof A];
    },
  });
}
