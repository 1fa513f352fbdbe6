import { ActivityFailure, patched } from '@temporalio/workflow';
import type { EhrActivities } from '../activities/ehr/ehr-activities';
import { summarisedActivities } from './activity-summaries';

/*
 * How a journey keeps in step with the patient's EHR record. Both behind patches: journeys
 * started before them replay without these commands.
 */
const EHR_WRITE_BACK_PATCH = 'ehr-write-back';
const EHR_PATIENT_CONTEXT_PATCH = 'ehr-patient-context';

// A message should not wait on an EHR outage: a few quick tries, then the stored details serve.
const contextRead = summarisedActivities<EhrActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 3, maximumInterval: '10 seconds' },
});

// The EHR may be down for hours: a write is retried without limit, at most every 10 minutes.
// Nothing waits for it but the journey's end (see Journey.settle).
const recordWrite = summarisedActivities<EhrActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '10 minutes' },
});

export type EhrWriteBack =
  | { kind: 'communication'; outreachMessageId: string; patientId: string }
  | { kind: 'task'; staffTaskId: string; patientId: string };

/**
 * Refreshes the patient's contact profile (name, email, phone, language, time zone) from their
 * record. Returns false when the record could not be read; the stored profile is used then.
 */
export async function refreshContactFromEhr(patientId: string): Promise<boolean> {
  if (!patched(EHR_PATIENT_CONTEXT_PATCH)) return true;
  try {
    return (await contextRead.syncPatientContact({ patientId })).found;
  } catch (error) {
    if (error instanceof ActivityFailure) return false;
    throw error;
  }
}

/**
 * Writes a message (as a Communication) or a staff task (as a Task) into the patient's record.
 * Resolves with why it could not be written when the EHR refused it for good (a 4xx), else
 * undefined; retries through outages meanwhile.
 */
export async function writeBackToEhr(request: EhrWriteBack): Promise<string | undefined> {
  if (!patched(EHR_WRITE_BACK_PATCH)) return undefined;
  try {
    if (request.kind === 'communication') {
      await recordWrite.recordCommunicationInEhr({
        outreachMessageId: request.outreachMessageId,
        patientId: request.patientId,
      });
    } else {
      await recordWrite.recordTaskInEhr({ staffTaskId: request.staffTaskId, patientId: request.patientId });
    }
    return undefined;
  } catch (error) {
    if (error instanceof ActivityFailure) return error.cause?.message ?? error.message;
    throw error;
  }
}
