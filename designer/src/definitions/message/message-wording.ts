import type {
  DefinitionReadingLevel,
  MessageContent,
  WordingChannel,
} from '../../../../contracts/journey-definitions/definition-schema';

/*
 * Edits to a message's wording grid (language x reading level x channel) that keep it as the
 * schema wants it: an emptied text is removed, not saved as "", and an emptied level or language
 * goes with it, so "no wording" is always absence and the fallback (`any`, plain) applies.
 */

export function withText(
  message: MessageContent,
  language: string,
  level: DefinitionReadingLevel,
  channel: WordingChannel,
  text: string,
): MessageContent {
  const levels = { ...message.wording[language] };
  const channels = { ...levels[level] };
  if (text === '') delete channels[channel];
  else channels[channel] = text;
  if (Object.keys(channels).length === 0) delete levels[level];
  else levels[level] = channels;
  const wording = { ...message.wording };
  if (Object.keys(levels).length === 0) delete wording[language];
  else wording[language] = levels;
  return { ...message, wording };
}

export function withSubject(message: MessageContent, language: string, subject: string): MessageContent {
  const subjects = { ...message.subject };
  if (subject === '') delete subjects[language];
  else subjects[language] = subject;
  const { subject: _old, ...rest } = message;
  return Object.keys(subjects).length === 0 ? rest : { ...rest, subject: subjects };
}

/** Languages the definition offers that the message has no text in at all. */
export function languagesWithoutWording(message: MessageContent, languages: readonly string[]): string[] {
  return languages.filter((language) => {
    const levels = message.wording[language] ?? {};
    return !Object.values(levels).some((channels) =>
      Object.values(channels ?? {}).some((text) => text?.trim()),
    );
  });
}
