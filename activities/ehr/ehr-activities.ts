import type { Communication, Patient, Task } from '@medplum/fhirtypes';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { OutreachMessage } from '../../persistence/entities/outreach-message.entity';
import { StaffTask } from '../../persistence/entities/staff-task.entity';
import { PatientContactStore } from '../../persistence/patient-contact-store';
import { defaultEngagementPolicy, type EngagementPolicy } from '../../shared/engagement/engagement-policy';
import { patientRefFor } from '../../shared/journeys/patient-ref';
import { contactFromEhr, type SyncedContactField } from './contact-from-ehr';
import type { FhirClient } from '../../shared/ehr/fhir-client';
import { contactFieldsOf } from '../../shared/ehr/patient-context-mapping';
import { OUTREACH_MESSAGE_SYSTEM, STAFF_TASK_SYSTEM } from '../../shared/ehr/carepath-identifiers';
import { communicationForMessage } from './write-back/communication-for-message';
import { taskForStaffTask } from './write-back/task-for-staff-task';

export interface EhrActivityDependencies {
  dataSource: DataSource;
  fhir: FhirClient;
  pseudonymKey: string;
  /** Channel order for a patient Carepath has no profile of yet. */
  policy?: EngagementPolicy;
}

export type SyncPatientContactResult =
  { found: false } | { found: true; created: boolean; changed: SyncedContactField[] };

export type RecordInEhrResult =
  | { recorded: true; resourceId: string }
  /** `still-sending`: the provider's answer is not in yet; `not-found`: no such row in Carepath. */
  | { recorded: false; reason: 'still-sending' | 'not-found' };

// Carepath's row ids are UUIDs; anything else names no row (and would be a database error, retried forever).
const ROW_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A row that belongs to another patient than the one named: writing it would put it in the wrong chart. */
export const EHR_PATIENT_MISMATCH = 'EhrPatientMismatch';

/**
 * The EHR activities: keep the contact profile in step with the patient's record, and write
 * back what Carepath did (messages as Communications, staff work as Tasks), each once, whatever
 * the retries. Results and errors carry field names and resource ids, never patient data.
 */
export function createEhrActivities({ dataSource, fhir, pseudonymKey, policy }: EhrActivityDependencies) {
  const contacts = new PatientContactStore(dataSource);
  const refOf = (patientId: string) => patientRefFor(patientId, pseudonymKey);

  function ensureSamePatient(rowPatientRef: string, patientId: string, what: string): void {
    if (rowPatientRef !== refOf(patientId)) {
      throw ApplicationFailure.nonRetryable(
        `The ${what} belongs to another patient than the one given: not written to the EHR`,
        EHR_PATIENT_MISMATCH,
      );
    }
  }

  return {
    /** Reads the patient's record and updates their contact profile from it. */
    async syncPatientContact({ patientId }: { patientId: string }): Promise<SyncPatientContactResult> {
      const patient = await fhir.read<Patient>('Patient', patientId);
      if (!patient) return { found: false };
      const ref = refOf(patientId);
      const stored = await contacts.find(ref);
      const { details, changed } = contactFromEhr(
        contactFieldsOf(patient),
        stored,
        policy ?? defaultEngagementPolicy,
      );
      if (!stored || changed.length) await contacts.save(ref, details);
      return { found: true, created: !stored, changed };
    },

    /** Writes a message Carepath sent (or could not send) as a Communication in the patient's record. */
    async recordCommunicationInEhr({
      outreachMessageId,
      patientId,
    }: {
      outreachMessageId: string;
      patientId: string;
    }): Promise<RecordInEhrResult> {
      if (!ROW_ID.test(outreachMessageId)) return { recorded: false, reason: 'not-found' };
      const message = await dataSource.getRepository(OutreachMessage).findOneBy({ id: outreachMessageId });
      if (!message) return { recorded: false, reason: 'not-found' };
      ensureSamePatient(message.patientRef, patientId, 'outreach message');
      const communication = communicationForMessage(message, patientId);
      if (!communication) return { recorded: false, reason: 'still-sending' };
      const stored = await fhir.createIfNoneExist<Communication>(communication, {
        system: OUTREACH_MESSAGE_SYSTEM,
        value: message.id,
      });
      return { recorded: true, resourceId: stored.id! };
    },

    /** Writes a staff task (an escalation, a call to make) as a Task in the patient's record. */
    async recordTaskInEhr({
      staffTaskId,
      patientId,
    }: {
      staffTaskId: string;
      patientId: string;
    }): Promise<RecordInEhrResult> {
      if (!ROW_ID.test(staffTaskId)) return { recorded: false, reason: 'not-found' };
      const task = await dataSource.getRepository(StaffTask).findOneBy({ id: staffTaskId });
      if (!task) return { recorded: false, reason: 'not-found' };
      ensureSamePatient(task.patientRef, patientId, 'staff task');
      const stored = await fhir.createIfNoneExist<Task>(taskForStaffTask(task, patientId), {
        system: STAFF_TASK_SYSTEM,
        value: task.id,
      });
      return { recorded: true, resourceId: stored.id! };
    },
  };
}

export type EhrActivities = ReturnType<typeof createEhrActivities>;
