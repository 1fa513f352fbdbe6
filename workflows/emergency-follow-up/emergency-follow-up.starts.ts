import type { Encounter } from '@medplum/fhirtypes';
import { toInstant } from '../../contracts/ehr/clinical-time';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import type { JourneyEvent } from '../../contracts/journey-contract';
import { notStarted, type EncounterStartRule, type StartReading } from '../journey-starts';
import { TRIGGER_SYSTEMS } from '../journey-triggers';
import { dispositionPlan, UNKNOWN_DISPOSITION } from './emergency-follow-up.disposition';

/**
 * An emergency discharge starts the follow-up only when its discharge disposition calls for one
 * (emergency-follow-up.disposition.ts: home yes; died, hospice or a transfer never; unknown after
 * a staff check). With a follow-up running, the later visit restarts it instead of a second one.
 */
export const emergencyDischarge: EncounterStartRule = {
  // HL7v2 ADT^A03 from the emergency department.
  id: 'emergency-discharge',
  resource: 'Encounter',
  label: 'emergency visit finished',
  codes: [{ system: CODE_SYSTEMS.actCode, codes: ['EMER'] }],
  statuses: ['finished'],
  description:
    'An emergency Encounter (class EMER) finished with a discharge disposition that calls for a follow-up ' +
    '(home, alternative home, left against advice; an unknown one after a staff check). One follow-up per ' +
    'patient: a later discharge restarts the running one.',
  read: readDischarge,
};

function readDischarge(encounter: Encounter): StartReading {
  if (!encounter.id) return notStarted('the Encounter has no id: the follow-up is kept per encounter');
  const dischargedAt = toInstant(encounter.period?.end);
  if (!dischargedAt) return notStarted('the finished Encounter has no period.end (the discharge time)');
  const coded = encounter.hospitalization?.dischargeDisposition?.coding?.find(
    (coding) => coding.system === TRIGGER_SYSTEMS.dischargeDisposition && coding.code,
  )?.code;
  const disposition = coded ?? UNKNOWN_DISPOSITION;
  const { plan, label } = dispositionPlan(coded);
  if (disposition === 'exp') {
    return {
      kind: 'patient-died',
      reason: 'The patient died in the emergency department (discharge disposition: expired)',
    };
  }
  const visit: JourneyEvent = {
    type: 'emergency-visit',
    encounterId: encounter.id,
    dischargedAt,
    dischargeDisposition: disposition,
  };
  if (plan === 'no-follow-up') {
    // No follow-up starts; a running one (from an earlier visit) hears of it and ends.
    return {
      kind: 'tell-running',
      event: visit,
      ifNone: `no follow-up: the patient was ${label} (discharge disposition ${disposition})`,
    };
  }
  return {
    kind: 'start',
    params: { encounterId: encounter.id, dischargedAt, dischargeDisposition: disposition },
    whenRunning: visit,
  };
}
