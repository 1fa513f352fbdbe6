import type { DataSource } from 'typeorm';
import type { ConsentStatus } from '../../persistence/entities/channel-consent.entity';
import type { DeliveryChannel } from '../../contracts/delivery-channels';
import type { EngagementDependencies } from '../../activities/engagement/deliver-message';
import { createEngagement } from '../../activities/engagement/engagement-setup';
import { productChannels } from '../../channels';
import { configureChannels, type ChannelModule } from '../../channels/channel-module';
import { loadEngagementPolicy } from '../../shared/engagement/engagement-policy';
import { PatientContactStore, type ContactDetails } from '../../persistence/patient-contact-store';
import { startSmsSink, type SmsSink } from '../../scripts/dev-stack/sms-sink';
import { startSmtpCapture, type SmtpCapture } from '../../scripts/dev-stack/smtp-capture';

export const SINK_ACCOUNT_SID = `AC${'0'.repeat(31)}1`;
export const SINK_AUTH_TOKEN = 'sink-auth-token-for-tests';
export const SINK_FROM = '+15005550006';
/** The pseudonym key of tests' API stacks: unsubscribe links the sandbox signs are verified with it. */
export const TEST_PSEUDONYM_KEY = 'test-only-pseudonym-key';
/** What every test API or worker configuration starts from: development mode, the test key. */
export const TEST_MODE_ENV = { CAREPATH_MODE: 'development', PSEUDONYM_KEY: TEST_PSEUDONYM_KEY } as const;

/** Real local providers for tests: an SMTP server that captures mail and a Twilio-speaking SMS endpoint. */
export interface ProviderSandbox {
  smtp: SmtpCapture;
  sms: SmsSink;
  /** The environment that points the channel adapters at these servers. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startProviderSandbox(
  options: { inboundWebhookUrl?: string } = {},
): Promise<ProviderSandbox> {
  const [smtp, sms] = await Promise.all([
    startSmtpCapture({ port: 0 }),
    startSmsSink({
      port: 0,
      accountSid: SINK_ACCOUNT_SID,
      authToken: SINK_AUTH_TOKEN,
      ...(options.inboundWebhookUrl ? { inboundWebhookUrl: options.inboundWebhookUrl } : {}),
    }),
  ]);
  return {
    smtp,
    sms,
    env: {
      SMTP_URL: smtp.url,
      EMAIL_FROM: 'Carepath <care@carepath.test>',
      TWILIO_ACCOUNT_SID: SINK_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: SINK_AUTH_TOKEN,
      TWILIO_FROM: SINK_FROM,
      TWILIO_API_BASE_URL: sms.baseUrl,
    },
    async close() {
      await Promise.all([smtp.stop(), sms.stop()]);
    },
  };
}

/**
 * The engagement layer wired to the sandbox. Journey tests that are not about quiet hours or the
 * cap run without them (`relaxedPolicy`), so their timing stays the journey's own.
 */
/** The channels a test worker may turn on (default: the product's) and their settings beyond the sandbox's. */
export interface SandboxChannels {
  modules?: readonly ChannelModule[];
  env?: Record<string, string>;
}

export function sandboxEngagement(
  dataSource: DataSource,
  sandbox: ProviderSandbox,
  policy: Record<string, unknown> = relaxedPolicy,
  publicBaseUrl = 'http://127.0.0.1:9',
  channels: SandboxChannels = {},
): EngagementDependencies & { close(): void } {
  return createEngagement({
    dataSource,
    publicBaseUrl,
    linkSigningKey: TEST_PSEUDONYM_KEY,
    policy: loadEngagementPolicy({ ENGAGEMENT_POLICY: JSON.stringify(policy) }),
    channels: configureChannels({ ...sandbox.env, ...channels.env }, channels.modules ?? productChannels),
  });
}

export const relaxedPolicy = {
  dailyMessageCap: 50,
  quietHours: { email: null, sms: null, portal: null },
};

/** A patient reachable on every channel, consenting to all of them, in UTC. */
export const reachableContact: ContactDetails = {
  givenName: 'Alex',
  email: 'alex@patients.test',
  phone: '+15555550100',
  portalEnabled: true,
  language: 'en',
  readingLevel: 'plain',
  timeZone: 'UTC',
  channelOrder: ['portal', 'email', 'sms'],
  quietHours: null,
};

export async function seedContact(
  dataSource: DataSource,
  patientRef: string,
  contact: Partial<ContactDetails> = {},
  // By name: a channel a test registers at runtime has consent rows like any other.
  consents: Partial<Record<string, ConsentStatus>> = { email: 'granted', sms: 'granted' },
): Promise<void> {
  const store = new PatientContactStore(dataSource);
  await store.save(patientRef, { ...reachableContact, ...contact });
  for (const [channel, status] of Object.entries(consents)) {
    await store.setConsent(patientRef, {
      channel: channel as DeliveryChannel,
      status: status!,
      source: 'test',
    });
  }
}
