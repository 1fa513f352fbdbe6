/**
 * A channel is one module: everything Carepath knows about one way of reaching a patient, declared
 * once. The delivery activity, the channel choice, consent from the EHR, the Communication written
 * back, the outreach views and the configuration all read the list of modules (channels/index.ts),
 * so adding a channel is a folder here plus its name in `deliveryChannels`; every map keyed by
 * that union then fails to compile until the new channel has its entry.
 *
 * Why `name` is a plain string here while the product's names are the `DeliveryChannel` union:
 * the union is persisted and public (outreach rows, consent rows, the API's enums, journey
 * contracts), so it lists only channels the product ships. The runtime, though, is composed from
 * a list of modules (the worker's `createEngagement`, `loadConfig`), and everything it stores
 * holds channel names as text; a module registered at runtime (a test fixture, see
 * test/architecture/add-a-channel.test.ts) therefore works end to end without widening the
 * public union, and reaches journeys only as an opaque name they pass back in `exclude`.
 */
import type { Coding } from '@medplum/fhirtypes';
import type { DataSource } from 'typeorm';
import type { CodeMatch } from '../contracts/ehr/code-systems';
import type { EngagementPolicy } from '../shared/engagement/engagement-policy';
import type { PatientContact } from '../persistence/entities/patient-contact.entity';
import type { DeliveryChannel } from '../contracts/delivery-channels';
import type { ChannelAdapter } from './channel-adapter';

/** The environment variables of a channel's provider, parsed once by `loadConfig` at process start. */
export interface ChannelSettings<Settings> {
  /** The variable whose presence turns the channel on (`SMTP_URL`); unset: the channel is off. */
  enabledBy: string;
  /** Throws a ConfigError naming each bad variable, never echoing its value. */
  parse(env: Readonly<Record<string, string | undefined>>): Settings;
}

/** What the adapter factory gets: its parsed settings and what the staff channels need. */
export interface AdapterContext<Settings> {
  settings: Settings;
  dataSource: DataSource;
  policy: EngagementPolicy;
}

export interface ChannelModule<Settings = unknown, Name extends string = string> {
  readonly name: Name;
  /** Absent: nothing to configure, the channel is always on (the portal inbox, staff work). */
  readonly settings?: ChannelSettings<Settings>;
  /** Where a message goes for this patient; null when they cannot be reached on this channel. */
  addressOf(contact: PatientContact | null, patientRef: string): string | null;
  createAdapter(context: AdapterContext<Settings>): ChannelAdapter & { close?(): void };
  /** Codes in an EHR Consent (provision.code or .action) that name this channel. */
  readonly consentCodes: readonly CodeMatch[];
  /** How the EHR's Communication says the patient was reached (Communication.medium, v3 ParticipationMode). */
  readonly medium: Coding;
  /** What the message needs beyond its text: `html` (an email body and its unsubscribe footer),
   * `maxSegments` (an SMS fails to render past that many), the links its provider needs. */
  readonly rendering: RenderingHints;
}

export interface RenderingHints {
  html?: boolean;
  maxSegments?: number;
  /** A one-click unsubscribe link (List-Unsubscribe, RFC 8058) goes with every message. */
  unsubscribeLink?: boolean;
  /** The provider posts delivery status changes to a callback URL per message. */
  statusCallback?: boolean;
}

/** A module of a channel the product ships: its name is one of the public `DeliveryChannel`s. */
export type ProductChannel<Settings = unknown> = ChannelModule<Settings, DeliveryChannel>;

/** Declares a channel; the identity function keeps its settings type tied to its adapter factory. */
export function defineChannel<Settings = undefined, const Name extends string = DeliveryChannel>(
  module: ChannelModule<Settings, Name>,
): ChannelModule<Settings, Name> {
  return module;
}

/** A channel this deployment turned on, with its parsed settings (undefined when it has none). */
export interface ConfiguredChannel {
  module: ChannelModule;
  settings: unknown;
}

/**
 * The channels of `modules` that the environment turns on, each one's settings validated now, at
 * process start, so a typo stops the process at once instead of failing the first patient message.
 */
export function configureChannels(
  env: Readonly<Record<string, string | undefined>>,
  modules: readonly ChannelModule[],
): ConfiguredChannel[] {
  return modules
    .filter(({ settings }) => !settings || env[settings.enabledBy])
    .map((module) => ({ module, settings: module.settings?.parse(env) }));
}
