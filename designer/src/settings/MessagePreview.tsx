import { useId, useState } from 'react';
import { type ApiClient, messageOf } from '../api';
import type { components } from '../generated/openapi';
import { Notice } from '../Notice';
import { languageName } from './PerLanguageTextInput';
import { previewLanguages, wordingKeys } from './preview-choices';
import type { SettingsJourneyType, SettingsObject } from './settings-api';

type Preview = components['schemas']['SettingsPreviewView'];

const CHANNELS = ['sms', 'email', 'portal', 'letter'] as const;

interface MessagePreviewProps {
  client: ApiClient;
  journeyType: SettingsJourneyType;
  draft: SettingsObject;
}

/**
 * A message as a patient would read it with the draft: a wording, a language and a channel,
 * rendered by the API with the real wording files; where the default language stands in for the
 * chosen one, the preview says so.
 */
export function MessagePreview({ client, journeyType, draft }: MessagePreviewProps) {
  const wordings = wordingKeys(journeyType.settingsSchema, journeyType.id);
  const languages = previewLanguages(journeyType.settingsSchema);
  const [wording, setWording] = useState(wordings[0] ?? '');
  const [language, setLanguage] = useState(languages[0] ?? 'en');
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('sms');
  const [answer, setAnswer] = useState<{ preview?: Preview; failure?: string; busy?: boolean }>({});
  const id = useId();
  if (wordings.length === 0) return null;

  async function render(): Promise<void> {
    setAnswer({ busy: true });
    try {
      const preview = await client.post('/api/programs/{journeyType}/settings/preview', {
        params: { path: { journeyType: journeyType.id } },
        body: { settings: draft, wording, language, channel },
      });
      setAnswer({ preview });
    } catch (error) {
      setAnswer({ failure: messageOf(error) });
    }
  }

  const { preview, failure, busy } = answer;
  return (
    <section className="message-preview" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>Message preview</h4>
      <div className="message-preview-choices">
        <label htmlFor={`${id}-wording`}>Wording</label>
        <select id={`${id}-wording`} value={wording} onChange={(event) => setWording(event.target.value)}>
          {wordings.map((key) => (
            <option key={key} value={key}>
              {key.slice(journeyType.id.length + 1)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-language`}>Language</label>
        <select id={`${id}-language`} value={language} onChange={(event) => setLanguage(event.target.value)}>
          {languages.map((tag) => (
            <option key={tag} value={tag}>
              {languageName(tag)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-channel`}>Channel</label>
        <select
          id={`${id}-channel`}
          value={channel}
          onChange={(event) => setChannel(event.target.value as (typeof CHANNELS)[number])}
        >
          {CHANNELS.map((name) => (
            <option key={name} value={name}>
              {name === 'sms' ? 'SMS' : name.charAt(0).toUpperCase() + name.slice(1)}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button-secondary" disabled={busy} onClick={() => void render()}>
        {busy ? 'Rendering…' : 'Preview the message'}
      </button>
      <div role="status" className="message-preview-result">
        {failure && <Notice tone="error">{failure}</Notice>}
        {preview && (
          <figure lang={preview.language}>
            <figcaption>
              {languageName(preview.language)} · {channel === 'sms' ? 'SMS' : channel}
              {preview.segments !== undefined &&
                ` · ${preview.segments} segment${preview.segments === 1 ? '' : 's'}`}
            </figcaption>
            {preview.subject && channel !== 'sms' && (
              <p className="message-preview-subject">{preview.subject}</p>
            )}
            <p className="message-preview-text">{preview.text}</p>
            {preview.fallbacks.length > 0 && (
              <ul className="message-preview-fallbacks" lang="en">
                {preview.fallbacks.map((note, index) => (
                  <li key={index}>{note.message}</li>
                ))}
              </ul>
            )}
          </figure>
        )}
      </div>
    </section>
  );
}
