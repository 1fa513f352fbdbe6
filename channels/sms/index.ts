import { consentCodesOf, participationMode } from '../fhir-codes';
import { MAX_SMS_SEGMENTS } from '../../contracts/sms-limits';
import { defineChannel } from '../channel-module';
import { loadSmsSettings } from './sms-settings';
import { createTwilioSmsAdapter } from './twilio-sms-adapter';

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
