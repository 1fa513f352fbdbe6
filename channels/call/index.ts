import { consentCodesOf, participationMode } from '../fhir-codes';
import { defineChannel } from '../channel-module';
import { createStaffWorkAdapter } from '../staff-work-adapter';

/** A phone call staff make: needs a number on file; the task is addressed by patient reference. */
export const callChannel = defineChannel({
  name: 'call',
  addressOf: (contact, patientRef) => (contact?.phone ? patientRef : null),
  createAdapter: ({ dataSource, policy }) => createStaffWorkAdapter(dataSource, 'call', policy),
  consentCodes: consentCodesOf({ contactPoint: 'phone', participationMode: 'PHONE', carepath: 'call' }),
  medium: participationMode('PHONE', 'telephone'),
  rendering: {},
});
