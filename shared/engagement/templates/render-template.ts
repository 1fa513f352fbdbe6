import { ApplicationFailure } from '@temporalio/common';
import { SegmentedMessage } from 'sms-segments-calculator';
import type { RenderedMessage } from '../../../channels/channel-adapter';
import type { RenderingHints } from '../../../channels/channel-module';
import { productChannel } from '../../../channels';
import { buildEmail } from './email-body';
import {
  compileWording,
  locateMessage,
  readTemplateFile,
  variantFile,
  type MessageLocation,
  type TemplateFile,
} from './template-files';
import {
  FALLBACK_LANGUAGE,
  languageFallbacks,
  variantsToTry,
  type TemplateVariant,
} from './template-variants';
import { valuesInLanguage } from './values-in-language';

export type ReadingLevel = 'plain' | 'standard';

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

/**
 * Wording written inside a journey definition: `texts[language][readingLevel][channel]`, `any`
 * being the text of every channel without its own. The definition's languages (its default first)
 * follow the patient's language and its base, where the files fall back to English.
 */
export interface InlineWording {
  texts: Readonly<Record<string, Partial<Record<ReadingLevel, Partial<Record<string, string>>>>>>;
  languages: readonly string[];
}

export interface InlineTemplateRequest extends TemplateRequest {
  wording: InlineWording;
}

/**
 * A message whose wording came in the request (a journey definition's), rendered as a file's is:
 * the closest variant (language, then reading level, then channel), strict values, the same
 * helpers, the email layout and the SMS segment limit. The log names it `inline:<key>.<variant>`.
 */
export function renderInlineWording(request: InlineTemplateRequest): RenderedTemplate {
  const chain = inlineVariantsToTry(request);
  const chosen = chain
    .map((variant) => ({
      variant,
      source: request.wording.texts[variant.language]?.[variant.readingLevel]?.[variant.channel],
    }))
    .find((candidate) => typeof candidate.source === 'string' && candidate.source.trim().length > 0);
  if (!chosen) {
    throw ApplicationFailure.nonRetryable(`The message "${request.key}" has no wording.`, 'UnknownTemplate');
  }
  const { variant } = chosen;
  const file = `inline:${request.key}.${variant.language}.${variant.readingLevel}.${variant.channel}`;
  try {
    return renderVariant(request, variant, { file, render: compileWording(chosen.source!) }, undefined);
  } catch (error) {
    if (error instanceof ApplicationFailure) throw error;
    throw ApplicationFailure.nonRetryable(
      `The wording of "${request.key}" (${file}) could not be rendered: ${(error as Error).message}`,
      'TemplateRenderFailed',
    );
  }
}

function inlineVariantsToTry(request: InlineTemplateRequest): TemplateVariant[] {
  const offered = Object.keys(request.wording.texts);
  // The files' last resort (English) is not the patient's own unless they speak it: the definition's default comes first.
  const speaksFallback = request.language.split(/[-_]/)[0]?.toLowerCase() === FALLBACK_LANGUAGE;
  const patient = languageFallbacks(request.language).filter(
    (language) => language !== FALLBACK_LANGUAGE || speaksFallback,
  );
  const languages = [...new Set([...patient, ...request.wording.languages, ...offered])];
  return languages.flatMap((language) =>
    variantsToTry(language, request.readingLevel, request.channel).filter(
      (variant) => variant.language === language,
    ),
  );
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
  const { html, maxSegments } = request.rendering ?? productChannel(request.channel)?.rendering ?? {};
  if (html) {
    const { unsubscribeUrl } = values;
    return { ...rendered, ...buildEmail({ text, subject, language: variant.language, unsubscribeUrl }) };
  }
  if (maxSegments) return { ...rendered, segments: smsSegments(text, template.file, maxSegments) };
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
