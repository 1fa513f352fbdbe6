import { consentCodesOf, participationMode } from '../fhir-codes';
import { defineChannel } from '../channel-module';
import { loadEmailSettings } from './email-settings';
import { createSmtpEmailAdapter } from './smtp-email-adapter';

/** Email over SMTP: opt-in, an HTML body with a one-click unsubscribe link. On when SMTP_URL is set. */
export const emailChannel = defineChannel({
  name: 'email',
  settings: { enabledBy: 'SMTP_URL', parse: loadEmailSettings },
  addressOf: (contact) => contact?.email ?? null,
  createAdapter: ({ settings }) => createSmtpEmailAdapter(settings),
  consentCodes: consentCodesOf({ contactPoint: 'email', participationMode: 'EMAILWRIT', carepath: 'email' }),
  medium: participationMode('EMAILWRIT', 'email'),
  rendering: { html: true, unsubscribeLink: true },
});
