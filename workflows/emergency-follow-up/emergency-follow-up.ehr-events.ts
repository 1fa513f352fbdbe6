import type { Encounter } from '@medplum/fhirtypes';
import { toInstant } from '../../contracts/ehr/clinical-time';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import { notMoved, type EncounterEventRule, type EventReading } from '../journey-events';

/*
 * What moves a running follow-up (its start: emergency-follow-up.starts.ts). Both are facts about
 * the patient (the `patient` link of its Encounter trigger): every running follow-up of the
 * patient hears of them, and the workflow decides whether they concern the visit it follows.
 */

/**
 * The emergency visit was recorded in error (often in the wrong patient's chart) or never
 * happened: the follow-up ends only if this is the visit it follows (the journey checks the id).
 */
export const emergencyVisitWithdrawn: EncounterEventRule = {
  id: 'emergency-visit-withdrawn',
  resource: 'Encounter',
  label: 'emergency visit entered in error or cancelled',
  description:
    'An emergency Encounter (class EMER) entered in error or cancelled ends the follow-up of that visit.',
  codes: [{ system: CODE_SYSTEMS.actCode, codes: ['EMER'] }],
  statuses: ['entered-in-error', 'cancelled'],
  read(encounter: Encounter): EventReading {
    if (!encounter.id) return notMoved('the Encounter has no id: the follow-up is kept per encounter');
    return {
      kind: 'event',
      event: { type: 'emergency-visit-withdrawn', encounterId: encounter.id },
      address: { to: 'declared', facts: {}, ifNone: 'no running emergency follow-up: nothing to withdraw' },
    };
  },
};

/**
 * HL7v2 ADT^A01: back in hospital, so the follow-up of an earlier emergency visit ends. An
 * admission is a readmission only when it began after the discharge it would end: it is dated by
 * the admission itself, and the workflow refuses one that began before its discharge.
 */
export const hospitalAdmission: EncounterEventRule = {
  id: 'hospital-admission',
  resource: 'Encounter',
  label: 'inpatient admission',
  description:
    'An inpatient admission (class IMP or ACUTE) arrived or in progress ends the follow-up as readmitted, ' +
    'when it began after the discharge.',
  codes: [{ system: CODE_SYSTEMS.actCode, codes: ['IMP', 'ACUTE'] }],
  statuses: ['arrived', 'in-progress'],
  read(encounter: Encounter): EventReading {
    const at = toInstant(encounter.period?.start);
    if (!at) {
      return notMoved(
        'the admission has no period.start: whether it followed the emergency discharge is unknown',
      );
    }
    return { kind: 'event', event: { type: 'readmitted', at }, address: { to: 'declared', facts: {} } };
  },
};

export const emergencyFollowUpEvents: readonly EncounterEventRule[] = [
  emergencyVisitWithdrawn,
  hospitalAdmission,
];
