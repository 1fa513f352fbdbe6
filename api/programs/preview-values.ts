import { localizedValues, type LocalizedText } from '../../workflows/outreach-escalation/localized-text';

/*
 * The values a preview fills a message with: what the program's settings say (an item's name,
 * its locations, the scheduling link), and an example for what only a running journey knows
 * (how overdue a patient is, an appointment's time). Examples are marked as such in the answer.
 */

export const EXAMPLE_VALUES: Readonly<Record<string, string>> = {
  monthsOverdue: '14',
  timeZone: 'America/New_York',
  appointmentAt: '2026-09-30T14:30:00.000Z',
  lastDayAt: '2026-09-30T21:59:59.999Z',
  by: '2026-09-30T21:59:59.999Z',
  coordinator: 'Samuel Okafor-Reid',
  session: '3',
  sessions: '16',
  windowHours: '48',
  test: 'HbA1c',
  goalMet: 'yes',
  item: 'screening',
  locations: 'our clinic',
  schedulingUrl: 'https://scheduling.example.org/book',
};

export interface PreviewValues {
  values: Record<string, string>;
  /** Value name -> the setting's title, for each value a program may give per language. */
  localizable: Record<string, string>;
}

type Settings = Record<string, unknown>;

const isObject = (value: unknown): value is Settings =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Preventive outreach words each screening item with the item's own settings: the item named in
 * the wording key ("preventive-outreach.flu-shot.call-to-action"), else the one asked for, else
 * the first.
 */
function preventiveOutreachValues(
  settings: Settings,
  wording: string,
  item: string | undefined,
): PreviewValues {
  const items = isObject(settings.items) ? settings.items : {};
  const named = Object.keys(items).find((key) => wording.startsWith(`preventive-outreach.${key}.`));
  const chosen = items[named ?? item ?? Object.keys(items)[0] ?? ''];
  if (!isObject(chosen)) return { values: {}, localizable: {} };
  return {
    values: {
      ...localizedValues('item', chosen.label as LocalizedText),
      ...localizedValues('locations', chosen.locations as LocalizedText),
      schedulingUrl: String(chosen.schedulingUrl),
    },
    localizable: { item: 'Name in messages', locations: 'Where to go' },
  };
}

/** The values of a preview: examples, overridden by what the draft settings say. */
export function previewValues(
  journeyType: string,
  settings: Settings,
  wording: string,
  item: string | undefined,
): PreviewValues {
  const fromSettings =
    journeyType === 'preventive-outreach'
      ? preventiveOutreachValues(settings, wording, item)
      : {
          values: typeof settings.schedulingUrl === 'string' ? { schedulingUrl: settings.schedulingUrl } : {},
          localizable: {},
        };
  return { values: { ...EXAMPLE_VALUES, ...fromSettings.values }, localizable: fromSettings.localizable };
}
