import { ApplicationFailure } from '@temporalio/common';
import { SegmentedMessage } from 'sms-segments-calculator';
import type { RenderedMessage } from '../../../channels/channel-adapter';
import type { RenderingHints } from '../../../channels/channel-module';
import { productChannel } from '../../../channels';
import { buildEmail } from './email-body';
import {
  InlineWordingError,
  renderInlineText,
  type InlineRendered,
  type InlineWording,
} from './inline-wording';
import {
  locateMessage,
  readTemplateFile,
  variantFile,
  type MessageLocation,
  type TemplateFile,
} from './template-files';
import {
  FALLBACK_LANGUAGE,
  variantsToTry,
  type ReadingLevel,
  type TemplateVariant,
} from './template-variants';
import { valuesInLanguage } from './values-in-language';

export interface TemplateRequest {
  key: string;
  /** The channel's name: its own wording files end in `.<channel>.hbs`. */
  channel: string;
  /**
   * What the channel's module asks of the text (an HTML email body, an SMS segment limit);
   * unset: the product channel's of that name. A channel registered at runtime passes its own.
   */
  rendering?: RenderingHints;
  language: string;
  readingLevel: ReadingLevel;
  /** The journey's values; `unsubscribeUrl`, when present, closes an email with an unsubscribe line. */
  values: Record<string, string>;
}

export interface RenderedTemplate extends RenderedMessage {
  /** The file that was used, so the outreach log says which wording the patient got. */
  variant: { language: string; readingLevel: ReadingLevel; channel: string; file: string };
  /** SMS only: segments the text takes (GSM-7 or UCS-2). */
  segments?: number;
}

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

export interface InlineTemplateRequest extends TemplateRequest {
  wording: InlineWording;
}

/**
 * A message whose wording came in the request (a journey definition's), rendered as a file's is
 * (inline-wording.ts: the closest variant, strict values, the same helpers), then given the email
 * layout or held to the SMS segment limit. The log names it `inline:<key>.<variant>`.
 */
export function renderInlineWording(request: InlineTemplateRequest): RenderedTemplate {
  let rendered: InlineRendered;
  try {
    rendered = renderInlineText(request);
  } catch (error) {
    if (error instanceof InlineWordingError) throw ApplicationFailure.nonRetryable(error.message, error.code);
    throw error;
  }
  const { unsubscribeUrl } = valuesInLanguage(request.values, rendered.variant.language).values;
  return forChannel(request, rendered, unsubscribeUrl);
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
  // Per-language values (a clinic's locations) follow the wording's language, not the request's:
  // an English fallback wording says the English locations.
  const { values } = valuesInLanguage(request.values, variant.language);
  const text = template.render(values, data);
  const subject = subjectTemplate?.renderSubject?.(values, data);
  const rendered: RenderedTemplate = {
    text,
    ...(subject === undefined ? {} : { subject }),
    variant: { ...variant, file: template.file },
  };
  return forChannel(request, rendered, values.unsubscribeUrl);
}

/** What the channel asks of the text: an HTML email around it, or an SMS within its segments. */
function forChannel(
  request: TemplateRequest,
  rendered: RenderedTemplate,
  unsubscribeUrl: string | undefined,
): RenderedTemplate {
  const { text, subject, variant } = rendered;
  const { html, maxSegments } = request.rendering ?? productChannel(request.channel)?.rendering ?? {};
  if (html) {
    return { ...rendered, ...buildEmail({ text, subject, language: variant.language, unsubscribeUrl }) };
  }
  if (maxSegments) return { ...rendered, segments: smsSegments(text, variant.file, maxSegments) };
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

function smsSegments(text: string, file: string, maxSegments: number): number {
  const segments = new SegmentedMessage(text).segmentsCount;
  if (segments > maxSegments) {
    throw ApplicationFailure.nonRetryable(
      `${file} renders an SMS of ${segments} segments (at most ${maxSegments}).`,
      'MessageTooLong',
    );
  }
  return segments;
}
