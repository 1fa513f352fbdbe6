import { useId, useState } from 'react';
import { SegmentedMessage } from 'sms-segments-calculator';
import type {
  DefinitionReadingLevel,
  MessageContent,
} from '../../../../contracts/journey-definitions/definition-schema';
import { MAX_SMS_SEGMENTS } from '../../../../contracts/sms-limits';
import { renderInlineText } from '../../../../shared/engagement/templates/inline-wording';
import { languageName } from '../../settings/PerLanguageTextInput';
import { messageValueNames, sampleOf } from '../preview/scenario-defaults';

const PREVIEW_CHANNELS = ['sms', 'email', 'portal', 'letter'] as const;
const channelNames = { sms: 'SMS', email: 'Email', portal: 'Portal', letter: 'Letter' } as const;

interface RenderedMessagesProps {
  readonly message: MessageContent;
  readonly languages: readonly string[];
}

/**
 * The message per language and channel exactly as a send renders it: the same renderer
 * (shared/engagement/templates/inline-wording.ts), the same fallbacks, with a sample for each
 * value it names. SMS shows its segments; past the limit a send would fail.
 */
export function RenderedMessages({ message, languages }: RenderedMessagesProps) {
  const id = useId();
  const [readingLevel, setReadingLevel] = useState<DefinitionReadingLevel>('plain');
  const values = {
    ...Object.fromEntries(messageValueNames(message).map((name) => [name, sampleOf(name)])),
    timeZone: 'America/New_York',
  };
  return (
    <section className="rendered-messages" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>Rendered message</h4>
      <label htmlFor={`${id}-level`}>For a patient reading at</label>{' '}
      <select
        id={`${id}-level`}
        value={readingLevel}
        onChange={(event) => setReadingLevel(event.target.value as DefinitionReadingLevel)}
      >
        <option value="plain">Plain level</option>
        <option value="standard">Standard level</option>
      </select>
      {languages.map((language) => (
        <div key={language} className="rendered-language">
          <h5>{languageName(language)}</h5>
          <ul aria-label={`Rendered in ${languageName(language)}`}>
            {PREVIEW_CHANNELS.map((channel) => {
              const label = `${languageName(language)} ${channelNames[channel]}`;
              try {
                const rendered = renderInlineText({
                  key: message.key || 'message',
                  channel,
                  language,
                  readingLevel,
                  values,
                  wording: {
                    texts: message.wording,
                    languages,
                    ...(message.subject ? { subjects: message.subject } : {}),
                  },
                });
                const { variant } = rendered;
                const segments =
                  channel === 'sms' ? new SegmentedMessage(rendered.text).segmentsCount : undefined;
                const fallback =
                  variant.language !== language ||
                  variant.readingLevel !== readingLevel ||
                  variant.channel !== channel;
                return (
                  <li key={channel} aria-label={label}>
                    <strong>{channelNames[channel]}</strong>
                    {fallback && (
                      <span className="rendered-fallback">
                        {' '}
                        (uses the {languageName(variant.language)} {variant.readingLevel} {variant.channel}{' '}
                        text)
                      </span>
                    )}
                    {channel === 'email' && rendered.subject && <p>Subject: {rendered.subject}</p>}
                    <blockquote>{rendered.text}</blockquote>
                    {segments !== undefined && (
                      <p className={segments > MAX_SMS_SEGMENTS ? 'rendered-warning' : undefined}>
                        {segments} SMS segment{segments === 1 ? '' : 's'}
                        {segments > MAX_SMS_SEGMENTS
                          ? `: more than ${MAX_SMS_SEGMENTS}, so it would not be sent`
                          : ''}
                      </p>
                    )}
                  </li>
                );
              } catch (error) {
                return (
                  <li key={channel} aria-label={label}>
                    <strong>{channelNames[channel]}</strong>
                    <p role="alert">{(error as Error).message}</p>
                  </li>
                );
              }
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
