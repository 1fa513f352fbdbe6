import { CODE_SYSTEMS } from '../contracts/ehr/code-systems';
import type { CodeMatch } from '../contracts/ehr/code-systems';
import type { Coding } from '@medplum/fhirtypes';

/**
 * The three ways an EHR Consent names a channel: a ContactPoint system (`sms`), a v3
 * ParticipationMode (`SMSWRIT`, also what Communication.medium uses) and Carepath's own code.
 */
export function consentCodesOf(codes: {
  contactPoint?: string;
  participationMode: string;
  carepath: string;
}): CodeMatch[] {
  return [
    ...(codes.contactPoint ? [{ system: CODE_SYSTEMS.contactPointSystem, codes: [codes.contactPoint] }] : []),
    { system: CODE_SYSTEMS.participationMode, codes: [codes.participationMode] },
    { system: CODE_SYSTEMS.carepathChannel, codes: [codes.carepath] },
  ];
}

/** A v3 ParticipationMode coding for Communication.medium. SMSWRIT is newer than the R4 copy of the code system. */
export function participationMode(code: string, display: string): Coding {
  return { system: CODE_SYSTEMS.participationMode, code, display };
}
