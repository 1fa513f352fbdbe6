import { ApplicationFailure } from '@temporalio/activity';
import { SegmentedMessage } from 'sms-segments-calculator';
import type { RenderedMessage } from '../channels/channel-adapter';
import type { DeliveryChannel } from '../../../contracts/delivery-channels';
import { buildEmail } from './email-body';
import {
  locateMessage,
  readTemplateFile,
  variantFile,
  type MessageLocation,
  type TemplateFile,
} from './template-files';
import { FALLBACK_LANGUAGE, variantsToTry, type TemplateVariant } from './template-variants';

export type ReadingLevel = 'plain' | 'standard';

export interface TemplateRequest {
  key: string;
  channel: DeliveryChannel;
  language: string;
  readingLevel: ReadingLevel;
  /** The journey's values; `unsubscribeUrl`, when present, closes an email with an unsubscribe line. */
  values: Record<string, string>;
}

export interface RenderedTemplate extends RenderedMessage {
  /** The file that was used, so the outreach log says which wording the patient got. */
  variant: { language: string; readingLevel: ReadingLevel; channel: DeliveryChannel | 'any'; file: string };
  /** SMS only: segments the text takes (GSM-7 or UCS-2). */
  segments?: number;
}

// Carriers join up to ~10 segments, but each is billed and long texts arrive out of order on
// some phones: past three, the wording belongs in another channel.
const MAX_SMS_SEGMENTS = 3;

/**
 * The patient's message from its wording file, with the closest variant there is: the language
 * (then its base, then English), the reading level (then plain), the channel's file (then `any`).
 * Failures are deployment errors (a missing file or value, an SMS too long): retrying cannot fix
 * them, so the step fails at once and loudly.
 */
export function renderTemplate(request: TemplateRequest): RenderedTemplate {
  const location = locateMessage(request.key);
  const chain = location ? variantsToTry(request.language, request.readingLevel, request.channel) : [];
  const chosen = firstFile(location, chain);
  if (!location || !chosen) {
    throw ApplicationFailure.nonRetryable(`No message template "${request.key}".`, 'UnknownTemplate');
  }
  try {
    return renderVariant(
      request,
      chosen.variant,
      chosen.template,
      subjectFile(location, chain, chosen.index),
    );
  } catch (error) {
    if (error instanceof ApplicationFailure) throw error;
    throw ApplicationFailure.nonRetryable(
      `Message template ${chosen.template.file} could not be rendered: ${(error as Error).message}`,
      'TemplateRenderFailed',
    );
  }
}

/** True when the key has its baseline wording (English, plain, any channel), so every request renders. */
export function hasTemplate(key: string): boolean {
  const location = locateMessage(key);
  const baseline: TemplateVariant = { language: FALLBACK_LANGUAGE, readingLevel: 'plain', channel: 'any' };
  return location !== undefined && readTemplateFile(variantFile(location, baseline)) !== undefined;
}

function renderVariant(
  request: TemplateRequest,
  variant: TemplateVariant,
  template: TemplateFile,
  subjectTemplate: TemplateFile | undefined,
): RenderedTemplate {
  const data = { language: variant.language };
  const text = template.render(request.values, data);
  const subject = subjectTemplate?.renderSubject?.(request.values, data);
  const rendered: RenderedTemplate = {
    text,
    ...(subject === undefined ? {} : { subject }),
    variant: { ...variant, file: template.file },
  };
  if (request.channel === 'email') {
    const { unsubscribeUrl } = request.values;
    return { ...rendered, ...buildEmail({ text, subject, language: variant.language, unsubscribeUrl }) };
  }
  if (request.channel === 'sms') return { ...rendered, segments: smsSegments(text, template.file) };
  return rendered;
}

function firstFile(location: MessageLocation | undefined, chain: TemplateVariant[]) {
  if (!location) return undefined;
  for (const [index, variant] of chain.entries()) {
    const template = readTemplateFile(variantFile(location, variant));
    if (template) return { index, variant, template };
  }
  return undefined;
}

/**
 * Short files (SMS) carry no subject; the portal title or email subject then comes from the next
 * file along the same fallback chain that has one, so it stays in the message's language.
 */
function subjectFile(location: MessageLocation, chain: TemplateVariant[], from: number) {
  return chain
    .slice(from)
    .map((variant) => readTemplateFile(variantFile(location, variant)))
    .find((template) => template?.renderSubject !== undefined);
}

function smsSegments(text: string, file: string): number {
  const segments = new SegmentedMessage(text).segmentsCount;
  if (segments > MAX_SMS_SEGMENTS) {
    throw ApplicationFailure.nonRetryable(
      `${file} renders an SMS of ${segments} segments (at most ${MAX_SMS_SEGMENTS}).`,
      'MessageTooLong',
    );
  }
  return segments;
}
