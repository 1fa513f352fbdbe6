import { consentCodesOf, participationMode } from '../fhir-codes';
import { defineChannel } from '../channel-module';
import { createPortalInboxAdapter } from './portal-inbox-adapter';

/** The patient-portal inbox: for patients with a portal account, addressed by their reference. */
export const portalChannel = defineChannel({
  name: 'portal',
  addressOf: (contact, patientRef) => (contact?.portalEnabled ? patientRef : null),
  createAdapter: () => createPortalInboxAdapter(),
  consentCodes: consentCodesOf({ participationMode: 'ONLINEWRIT', carepath: 'portal' }),
  medium: participationMode('ONLINEWRIT', 'online written'),
  rendering: {},
});
