import { compileWording } from './compile-wording';
import {
  FALLBACK_LANGUAGE,
  languageFallbacks,
  variantsToTry,
  type ReadingLevel,
  type TemplateVariant,
} from './template-variants';
import { valuesInLanguage } from './values-in-language';

/*
 * Wording written inside a journey definition, chosen and rendered as a send renders it. No file
 * system and no Temporal: the delivery activity (render-template.ts), the simulator and the
 * designer's message editor all use this one renderer, so a preview shows what the patient gets.
 */

/**
 * `texts[language][readingLevel][channel]`, `any` being the text of every channel without its
 * own; `subjects[language]` the email subject (and portal title) in that language. The
 * definition's languages (its default first) follow the patient's language and its base.
 */
export interface InlineWording {
  texts: Readonly<Record<string, Partial<Record<ReadingLevel, Partial<Record<string, string>>>>>>;
  languages: readonly string[];
  subjects?: Readonly<Record<string, string>>;
}

export interface InlineRenderRequest {
  key: string;
  channel: string;
  language: string;
  readingLevel: ReadingLevel;
  values: Record<string, string>;
  wording: InlineWording;
}

export interface InlineRendered {
  text: string;
  subject?: string;
  /** The variant used: `file` is `inline:<key>.<language>.<level>.<channel>`, as the outreach log names it. */
  variant: TemplateVariant & { file: string };
}

/** Why wording could not be rendered: none fits, or a value or helper is missing. Retrying cannot fix either. */
export class InlineWordingError extends Error {
  constructor(
    message: string,
    readonly code: 'UnknownTemplate' | 'TemplateRenderFailed',
  ) {
    super(message);
    this.name = 'InlineWordingError';
  }
}

/** The closest variant with text: the language (then its base, then the definition's), the reading level (then plain), the channel (then `any`). */
export function chooseInlineVariant(
  request: Pick<InlineRenderRequest, 'channel' | 'language' | 'readingLevel' | 'wording'>,
): { variant: TemplateVariant; source: string } | undefined {
  for (const variant of inlineVariantsToTry(request)) {
    const source = request.wording.texts[variant.language]?.[variant.readingLevel]?.[variant.channel];
    if (typeof source === 'string' && source.trim().length > 0) return { variant, source };
  }
  return undefined;
}

/** The message text (and subject) with strict values and the wording helpers; throws InlineWordingError. */
export function renderInlineText(request: InlineRenderRequest): InlineRendered {
  const chosen = chooseInlineVariant(request);
  if (!chosen)
    throw new InlineWordingError(`The message "${request.key}" has no wording.`, 'UnknownTemplate');
  const { variant, source } = chosen;
  const file = `inline:${request.key}.${variant.language}.${variant.readingLevel}.${variant.channel}`;
  try {
    const data = { language: variant.language };
    // Per-language values follow the wording's language, as a file's do.
    const { values } = valuesInLanguage(request.values, variant.language);
    const text = compileWording(source)(values, data);
    const subjectSource = request.wording.subjects?.[variant.language];
    const subject = subjectSource?.trim() ? compileWording(subjectSource)(values, data) : undefined;
    return { text, ...(subject === undefined ? {} : { subject }), variant: { ...variant, file } };
  } catch (error) {
    throw new InlineWordingError(
      `The wording of "${request.key}" (${file}) could not be rendered: ${(error as Error).message}`,
      'TemplateRenderFailed',
    );
  }
}

function inlineVariantsToTry(
  request: Pick<InlineRenderRequest, 'channel' | 'language' | 'readingLevel' | 'wording'>,
): TemplateVariant[] {
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
