import type { DataSource } from 'typeorm';
import type { ConfiguredChannel } from '../../channels/channel-module';
import type { EngagementDependencies } from './deliver-message';
import { createDeliveryLinks } from '../../shared/engagement/delivery-links';
import type { EngagementPolicy } from '../../shared/engagement/engagement-policy';
import { useTemplatesDir } from '../../shared/engagement/templates/template-files';

export interface EngagementSetupOptions {
  dataSource: DataSource;
  /** Where links in messages and provider callbacks reach the API. */
  publicBaseUrl: string;
  linkSigningKey: string;
  /** ENGAGEMENT_POLICY, its default zone the organisation's (AppConfig.engagementPolicy). */
  policy: EngagementPolicy;
  /**
   * The channels this deployment turned on, settings parsed (AppConfig.channels): the portal inbox
   * and the staff queue always; email when `SMTP_URL` is set; SMS when `TWILIO_ACCOUNT_SID` is set.
   */
  channels: readonly ConfiguredChannel[];
  /** CAREPATH_TEMPLATES_DIR (AppConfig.templatesDir); unset: the repository's wording. */
  templatesDir?: string;
}

/** Each enabled channel's adapter, built once at process start from its already-validated settings. */
export function createEngagement(
  options: EngagementSetupOptions,
): EngagementDependencies & { close(): void } {
  const { dataSource, policy } = options;
  if (options.templatesDir) useTemplatesDir(options.templatesDir);
  const channels = options.channels.map(({ module, settings }) => ({
    module,
    adapter: module.createAdapter({ settings, dataSource, policy }),
  }));
  return {
    dataSource,
    policy,
    channels,
    links: createDeliveryLinks(options.publicBaseUrl, options.linkSigningKey),
    close: () => channels.forEach(({ adapter }) => adapter.close?.()),
  };
}
