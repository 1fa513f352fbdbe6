import { useId } from 'react';
import type { SyntheticPatientSpec } from '../../../../contracts/journey-definitions/scenario-schema';
import { languageName } from '../../settings/PerLanguageTextInput';
import { PREVIEW_TIME_ZONES } from './scenario-defaults';

interface PatientFormProps {
  readonly patient: SyntheticPatientSpec;
  readonly languages: readonly string[];
  readonly months: number;
  readonly onChange: (patient: SyntheticPatientSpec) => void;
  readonly onMonthsChange: (months: number) => void;
}

const channelNames = { sms: 'SMS', email: 'Email', portal: 'Portal' } as const;

/** The synthetic patient: language, reading level, channels in order with consent, zone, enrolment. */
export function PatientForm({ patient, languages, months, onChange, onMonthsChange }: PatientFormProps) {
  const id = useId();
  const set = (change: Partial<SyntheticPatientSpec>) => onChange({ ...patient, ...change });
  const moveUp = (index: number) => {
    const channels = [...patient.channels];
    [channels[index - 1], channels[index]] = [channels[index]!, channels[index - 1]!];
    set({ channels });
  };
  const zones = PREVIEW_TIME_ZONES.includes(patient.timeZone as never)
    ? PREVIEW_TIME_ZONES
    : [patient.timeZone, ...PREVIEW_TIME_ZONES];
  return (
    <fieldset className="preview-patient">
      <legend>Synthetic patient</legend>
      <label htmlFor={`${id}-language`}>Language</label>
      <select
        id={`${id}-language`}
        value={patient.language}
        onChange={(event) => set({ language: event.target.value })}
      >
        {languages.map((tag) => (
          <option key={tag} value={tag}>
            {languageName(tag)} ({tag})
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-level`}>Reading level</label>
      <select
        id={`${id}-level`}
        value={patient.readingLevel}
        onChange={(event) =>
          set({ readingLevel: event.target.value as SyntheticPatientSpec['readingLevel'] })
        }
      >
        <option value="plain">Plain</option>
        <option value="standard">Standard</option>
      </select>
      <label htmlFor={`${id}-zone`}>Time zone</label>
      <select
        id={`${id}-zone`}
        value={patient.timeZone}
        onChange={(event) => set({ timeZone: event.target.value })}
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-enrolled`}>Enrolled at (patient’s local time)</label>
      <input
        id={`${id}-enrolled`}
        type="datetime-local"
        value={patient.enrolledAt}
        onChange={(event) => event.target.value && set({ enrolledAt: event.target.value.slice(0, 16) })}
      />
      <label htmlFor={`${id}-months`}>Months to run</label>
      <input
        id={`${id}-months`}
        type="number"
        min={1}
        max={24}
        value={months}
        onChange={(event) => {
          const value = Number(event.target.value);
          if (Number.isInteger(value) && value >= 1 && value <= 24) onMonthsChange(value);
        }}
      />
      <fieldset className="preview-channels">
        <legend>Channels, in order of preference</legend>
        <ol>
          {patient.channels.map((entry, index) => (
            <li key={entry.channel}>
              <label>
                <input
                  type="checkbox"
                  checked={entry.consent}
                  onChange={(event) =>
                    set({
                      channels: patient.channels.map((other) =>
                        other === entry ? { ...other, consent: event.target.checked } : other,
                      ),
                    })
                  }
                />{' '}
                Consents to {channelNames[entry.channel]}
              </label>
              <button
                type="button"
                className="button-secondary"
                disabled={index === 0}
                aria-label={`Prefer ${channelNames[entry.channel]}`}
                onClick={() => moveUp(index)}
              >
                ↑
              </button>
            </li>
          ))}
        </ol>
      </fieldset>
    </fieldset>
  );
}
