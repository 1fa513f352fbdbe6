import { useId } from 'react';
import {
  durationUnits,
  readingLevels,
  wordingChannels,
  WORDING_KEY,
  type DurationRef,
  type DurationUnit,
  type MessageContent,
} from '../../../../contracts/journey-definitions/definition-schema';
import { deliveryChannels } from '../../../../contracts/delivery-channels';
import { languageName } from '../../settings/PerLanguageTextInput';
import { languagesWithoutWording, withSubject, withText } from './message-wording';
import { RenderedMessages } from './RenderedMessages';
import './message-editor.css';

interface MessageEditorProps {
  readonly value: MessageContent;
  /** The languages the definition offers, its default first. */
  readonly languages: string[];
  readonly onChange: (value: MessageContent) => void;
}

const channelTitles: Record<string, string> = {
  any: 'Any channel',
  email: 'Email',
  sms: 'SMS',
  portal: 'Portal',
  letter: 'Letter',
  call: 'Call',
};

/**
 * A message of a journey definition: its key, first-choice channel, urgency and response window,
 * the wording grid (language x reading level x channel, `any` the fallback), an email subject per
 * language, and the message rendered as the patient would get it.
 */
export function MessageEditor({ value, languages, onChange }: MessageEditorProps) {
  const id = useId();
  const missing = languagesWithoutWording(value, languages);
  const set = (change: Partial<MessageContent>) => onChange({ ...value, ...change });
  return (
    <div className="message-editor">
      <div className="message-editor-fields">
        <label htmlFor={`${id}-key`}>Wording key</label>
        <input
          id={`${id}-key`}
          value={value.key}
          aria-invalid={!WORDING_KEY.test(value.key)}
          onChange={(event) => set({ key: event.target.value })}
        />
        {!WORDING_KEY.test(value.key) && (
          <p role="alert">The key must be lower-case letters, digits and dashes, in dot-separated parts.</p>
        )}
        <label htmlFor={`${id}-channel`}>First-choice channel</label>
        <select
          id={`${id}-channel`}
          value={value.channel ?? ''}
          onChange={(event) => {
            const { channel: _old, ...rest } = value;
            const channel = event.target.value as MessageContent['channel'];
            onChange(channel ? { ...rest, channel } : rest);
          }}
        >
          <option value="">The patient’s own order</option>
          {deliveryChannels.map((channel) => (
            <option key={channel} value={channel}>
              {channelTitles[channel]}
            </option>
          ))}
        </select>
        <label>
          <input
            type="checkbox"
            checked={value.urgent ?? false}
            onChange={(event) => {
              const { urgent: _old, ...rest } = value;
              onChange(event.target.checked ? { ...rest, urgent: true } : rest);
            }}
          />{' '}
          Urgent (clinical: not held back by the daily message cap)
        </label>
        <RespondWithinInput
          id={`${id}-respond`}
          value={value.respondWithin}
          onChange={(respondWithin) => {
            const { respondWithin: _old, ...rest } = value;
            onChange(respondWithin ? { ...rest, respondWithin } : rest);
          }}
        />
      </div>
      {missing.map((language) => (
        <p key={language} role="alert" className="message-editor-warning">
          No wording in {languageName(language)} ({language}): patients who read it get{' '}
          {languageName(languages.find((other) => !missing.includes(other)) ?? languages[0] ?? 'en')} instead.
        </p>
      ))}
      {languages.map((language) => (
        <fieldset key={language} className="wording-language">
          <legend>
            {languageName(language)} ({language})
          </legend>
          <label htmlFor={`${id}-${language}-subject`}>Email subject ({languageName(language)})</label>
          <input
            id={`${id}-${language}-subject`}
            value={value.subject?.[language] ?? ''}
            onChange={(event) => onChange(withSubject(value, language, event.target.value))}
          />
          <table className="wording-grid" aria-label={`Wording in ${languageName(language)}`}>
            <thead>
              <tr>
                <th scope="col">Channel</th>
                {readingLevels.map((level) => (
                  <th key={level} scope="col">
                    {level === 'plain' ? 'Plain' : 'Standard'}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {wordingChannels.map((channel) => (
                <tr key={channel}>
                  <th scope="row">{channelTitles[channel]}</th>
                  {readingLevels.map((level) => (
                    <td key={level}>
                      <textarea
                        aria-label={`${languageName(language)}, ${level}, ${channelTitles[channel]}`}
                        value={value.wording[language]?.[level]?.[channel] ?? ''}
                        placeholder={channel === 'any' ? undefined : 'Uses “Any channel”'}
                        rows={channel === 'any' ? 3 : 2}
                        onChange={(event) =>
                          onChange(withText(value, language, level, channel, event.target.value))
                        }
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
      ))}
      <RenderedMessages message={value} languages={languages} />
    </div>
  );
}

interface RespondWithinInputProps {
  readonly id: string;
  readonly value: DurationRef | undefined;
  readonly onChange: (value: DurationRef | undefined) => void;
}

/** No wait, a duration, or a program setting that holds one. */
function RespondWithinInput({ id, value, onChange }: RespondWithinInputProps) {
  const mode = value === undefined ? 'none' : 'setting' in value ? 'setting' : 'duration';
  return (
    <fieldset className="respond-within">
      <legend>Wait for a response before the next channel</legend>
      <select
        aria-label="Response window"
        value={mode}
        onChange={(event) => {
          const next = event.target.value;
          if (next === 'none') onChange(undefined);
          else if (next === 'duration') onChange({ amount: 2, unit: 'days' });
          else onChange({ setting: 'responseWindow' });
        }}
      >
        <option value="none">Do not wait</option>
        <option value="duration">A duration</option>
        <option value="setting">A program setting</option>
      </select>
      {value && 'amount' in value && (
        <>
          <input
            id={`${id}-amount`}
            aria-label="Response window amount"
            type="number"
            min={1}
            value={value.amount}
            onChange={(event) => {
              const amount = Number(event.target.value);
              if (amount > 0) onChange({ ...value, amount });
            }}
          />
          <select
            aria-label="Response window unit"
            value={value.unit}
            onChange={(event) => onChange({ ...value, unit: event.target.value as DurationUnit })}
          >
            {durationUnits.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </>
      )}
      {value && 'setting' in value && (
        <input
          aria-label="Response window setting"
          value={value.setting}
          onChange={(event) => onChange({ setting: event.target.value })}
        />
      )}
    </fieldset>
  );
}
