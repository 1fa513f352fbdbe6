import type { Condition, Patient } from '@medplum/fhirtypes';
import type { DataSource } from 'typeorm';
import type { EnrolmentRefusal } from '../../workflows/prediabetes-care/prediabetes-care.clinical';
import { enrolmentRefusals } from '../../workflows/prediabetes-care/prediabetes-care.eligibility';
import { StaffTask } from '../../persistence/entities/staff-task.entity';
import type { FhirClient } from '../../shared/ehr/fhir-client';
import { isCurrentCondition } from '../../shared/ehr/patient-context-mapping';

export interface PrediabetesEnrolmentCheck {
  /** The journey's workflow id: the same for every enrolment of this patient in the program. */
  journeyId: string;
  /** The EHR patient id, when the journey knows it: age and recorded diabetes are read from the record. */
  patientId?: string;
  /** The patient's time zone: their age changes on their birthday where they live. */
  timeZone: string;
}

const MAX_CONDITIONS = 200;

/**
 * CDC National DPP eligibility, checked when a prediabetes journey starts, whoever started it (an
 * EHR Condition, the API, a cohort): age >= 18 and no diabetes. Diabetes is known from the EHR's
 * current Conditions and from Carepath itself: a patient this program once referred to diabetes
 * care is never enrolled again (the referral task of an earlier run of the same journey id).
 * Answers reasons only (`enrolmentRefusals` decides); identifiers and dates stay out of them.
 */
export function prediabetesEnrolmentCheckActivity({
  dataSource,
  fhir,
}: {
  dataSource: DataSource;
  fhir?: FhirClient;
}) {
  return async function checkPrediabetesEnrolment(
    request: PrediabetesEnrolmentCheck,
  ): Promise<EnrolmentRefusal[]> {
    const referredBefore = await dataSource
      .getRepository(StaffTask)
      .existsBy({ journeyId: request.journeyId, kind: 'referral-diabetes-care' });
    const today = todayIn(request.timeZone);
    if (!fhir || !request.patientId)
      return enrolmentRefusals({ today, conditionCodings: [], referredBefore });
    const [patient, conditions] = await Promise.all([
      fhir.read<Patient>('Patient', request.patientId),
      fhir.search<Condition>(
        'Condition',
        { patient: `Patient/${request.patientId}` },
        { maxResults: MAX_CONDITIONS },
      ),
    ]);
    return enrolmentRefusals({
      ...(patient?.birthDate ? { birthDate: patient.birthDate } : {}),
      today,
      conditionCodings: conditions
        .filter(isCurrentCondition)
        .map((condition) => condition.code?.coding ?? []),
      referredBefore,
    });
  };
}

/** Today's calendar date where the patient lives (YYYY-MM-DD). */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}
