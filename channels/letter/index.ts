import { consentCodesOf, participationMode } from '../fhir-codes';
import { defineChannel } from '../channel-module';
import { createStaffWorkAdapter } from '../staff-work-adapter';

/** A letter staff print and post: every patient has an address in the EHR, so always reachable. */
export const letterChannel = defineChannel({
  name: 'letter',
  addressOf: (_contact, patientRef) => patientRef,
  createAdapter: ({ dataSource, policy }) => createStaffWorkAdapter(dataSource, 'letter', policy),
  consentCodes: consentCodesOf({ participationMode: 'MAILWRIT', carepath: 'letter' }),
  medium: participationMode('MAILWRIT', 'mail'),
  rendering: {},
});
