import { consentCodesOf, participationMode } from '../fhir-codes';
import { defineChannel } from '../channel-module';
import { loadSmsSettings } from './sms-settings';
import { createTwilioSmsAdapter } from './twilio-sms-adapter';

// Carriers join up to ~10 segments, but each is billed and long texts arrive out of order on
// some phones: past three, the wording belongs in another channel.
const MAX_SMS_SEGMENTS = 3;

/**
 * SMS through Twilio's API (or the local sink that speaks it): opt-in, on when TWILIO_ACCOUNT_SID
 * is set. Its webhooks (inbound STOP/START and replies, status callbacks) are the API's
 * `SmsWebhooksController`, verified with `./twilio-webhook-signature`: a Nest controller needs the
 * API's guards and services, which this folder may not import.
 */
export const smsChannel = defineChannel({
  name: 'sms',
  settings: { enabledBy: 'TWILIO_ACCOUNT_SID', parse: loadSmsSettings },
  addressOf: (contact) => contact?.phone ?? null,
  createAdapter: ({ settings }) => createTwilioSmsAdapter(settings),
  consentCodes: consentCodesOf({ contactPoint: 'sms', participationMode: 'SMSWRIT', carepath: 'sms' }),
  medium: participationMode('SMSWRIT', 'SMS'),
  rendering: { maxSegments: MAX_SMS_SEGMENTS, statusCallback: true },
});
