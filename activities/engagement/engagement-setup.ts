import type { DataSource } from 'typeorm';
import type { ChannelAdapter } from './channels/channel-adapter';
import type { DeliveryChannel } from '../../contracts/delivery-channels';
import { loadEmailSettings } from './channels/email/email-settings';
import { createSmtpEmailAdapter } from './channels/email/smtp-email-adapter';
import { createPortalInboxAdapter } from './channels/portal/portal-inbox-adapter';
import { loadSmsSettings } from './channels/sms/sms-settings';
import { createTwilioSmsAdapter } from './channels/sms/twilio-sms-adapter';
import { createStaffWorkAdapter } from './channels/staff/staff-work-adapter';
import type { EngagementDependencies } from './deliver-message';
import { createDeliveryLinks } from '../../shared/engagement/delivery-links';
import { loadEngagementPolicy } from '../../shared/engagement/engagement-policy';

export interface EngagementSetupOptions {
  dataSource: DataSource;
  /** Where links in messages and provider callbacks reach the API. */
  publicBaseUrl: string;
  linkSigningKey: string;
  /** ORGANISATION_TIME_ZONE: quiet hours of a patient whose zone nobody recorded. */
  organisationTimeZone?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The channels this deployment can use, from its environment: the portal inbox and the staff
 * queue always; email when `SMTP_URL` is set; SMS when `TWILIO_ACCOUNT_SID` is set. Each
 * adapter's settings are validated here, at process start, so a typo stops the worker at once
 * instead of failing the first patient message.
 */
export function createEngagement(
  options: EngagementSetupOptions,
): EngagementDependencies & { close(): void } {
  const env = options.env ?? process.env;
  const email = env.SMTP_URL ? createSmtpEmailAdapter(loadEmailSettings(env)) : undefined;
  const sms = env.TWILIO_ACCOUNT_SID ? createTwilioSmsAdapter(loadSmsSettings(env)) : undefined;
  const policy = loadEngagementPolicy(env, options.organisationTimeZone);
  const adapters: Partial<Record<DeliveryChannel, ChannelAdapter>> = {
    portal: createPortalInboxAdapter(),
    call: createStaffWorkAdapter(options.dataSource, 'call', policy),
    letter: createStaffWorkAdapter(options.dataSource, 'letter', policy),
    ...(email ? { email } : {}),
    ...(sms ? { sms } : {}),
  };
  return {
    dataSource: options.dataSource,
    policy,
    adapters,
    links: createDeliveryLinks(options.publicBaseUrl, options.linkSigningKey),
    close: () => email?.close(),
  };
}
