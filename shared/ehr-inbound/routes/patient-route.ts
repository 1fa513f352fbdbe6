import type { Patient } from '@medplum/fhirtypes';
import { journeyTriggerList } from '../../../workflows/journey-trigger-list';
import { ignore, type RoutingDecision } from '../routing-decision';
import { noPatient } from './route-helpers';

export const PATIENT_DECEASED_RULE = 'patient-deceased';

/**
 * A Patient recorded as deceased (`deceasedBoolean` true or a `deceasedDateTime`) ends every
 * running journey of the patient, whatever its type, with a reason staff see on the journey
 * (product safety invariant 8: nothing reaches a patient recorded as deceased; brief
 * clinical-safety.md: "Patient.deceased[x] stops every patient-facing message"). Ended, not
 * paused: a paused journey still raises its deadline tasks, which for a patient who has died are
 * calls no one should make. A death recorded in error is undone in the EHR and the journeys
 * restarted by staff; the send-time check in the engagement layer stops messages meanwhile.
 */
export function routePatient(patient: Patient): RoutingDecision {
  const deceased = patient.deceasedBoolean === true || patient.deceasedDateTime !== undefined;
  if (!deceased) return ignore('a Patient not recorded as deceased changes no journey');
  if (!patient.id) return noPatient('Patient.id', PATIENT_DECEASED_RULE);
  return deceasedDecision(patient.id, PATIENT_DECEASED_RULE, 'The EHR records the patient as deceased');
}

/** Ends every running journey of a patient who has died. */
export function deceasedDecision(patientId: string, rule: string, reason: string): RoutingDecision {
  const journeys = journeyTriggerList().map((triggers) => triggers.journey);
  return {
    kind: 'cancel',
    rule,
    patientId,
    journeys,
    reason,
    target: {
      linkedTo: [],
      instances: [],
      running: { journeys },
      ifNone: 'the patient has no running journey to end',
    },
  };
}
