import type {
  JourneyDefinition,
  MessageContent,
} from '../../../../contracts/journey-definitions/definition-schema';
import type { Scenario } from '../../../../contracts/journey-definitions/scenario-schema';

/*
 * What the preview starts from: a synthetic patient in the definition's default language, and a
 * sample for every value the wording names, so the first run already shows rendered messages.
 */

/** Zones designers pick from: the product's own patients' and the common ones. */
export const PREVIEW_TIME_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Mexico_City',
  'America/Puerto_Rico',
  'Europe/London',
  'Europe/Madrid',
  'Europe/Warsaw',
  'UTC',
] as const;

export function defaultScenario(definition: JourneyDefinition, today: Date): Scenario {
  return {
    name: '',
    patient: {
      language: definition.languages[0] ?? 'en',
      readingLevel: 'plain',
      timeZone: 'America/New_York',
      channels: [
        { channel: 'sms', consent: true },
        { channel: 'email', consent: true },
        { channel: 'portal', consent: false },
      ],
      enrolledAt: `${today.toISOString().slice(0, 10)}T09:00`,
    },
    script: [],
    months: 6,
    values: sampleValues(definition, {}),
  };
}

/** Every value the definition's messages name. */
export function wordingValueNames(definition: JourneyDefinition): string[] {
  return [...new Set(messagesOf(definition).flatMap(messageValueNames))].sort();
}

/** Every value a message's wording (text or subject) names, as `{{name}}` or a helper's argument. */
export function messageValueNames(message: MessageContent): string[] {
  const names = new Set<string>();
  const texts = [
    ...Object.values(message.wording).flatMap((levels) =>
      Object.values(levels ?? {}).flatMap((channels) => Object.values(channels ?? {})),
    ),
    ...Object.values(message.subject ?? {}),
  ];
  for (const text of texts) {
    for (const [, inside] of (text ?? '').matchAll(/\{\{[#/]?([^}]*)\}\}/g)) {
      const words = inside!.trim().replace(/[()]/g, ' ').split(/\s+/);
      words
        .filter((word) => /^[a-zA-Z_][\w]*$/.test(word) && !NOT_VALUES.has(word))
        .forEach((word) => names.add(word));
    }
  }
  // The patient's zone is always passed, by the journey as by the preview.
  names.delete('timeZone');
  return [...names].sort();
}

/** The values given so far, and a visible sample for each one the wording names that is not. */
export function sampleValues(
  definition: JourneyDefinition,
  given: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(
    wordingValueNames(definition).map((name) => [name, given[name] ?? sampleOf(name)]),
  );
}

// Helpers and block keywords the wording may use (shared/engagement/templates/template-helpers.ts).
const NOT_VALUES = new Set([
  'if',
  'unless',
  'else',
  'localDateTime',
  'localDate',
  'overdue',
  'isYes',
  'this',
]);

/** A visible sample: instants (`appointmentAt`) get a date a week ahead, so the date helpers can render them. */
export function sampleOf(name: string): string {
  if (/At$/.test(name)) return new Date(Date.now() + 7 * 86_400_000).toISOString();
  if (/url$/i.test(name)) return `https://example.org/${name}`;
  return `[${name}]`;
}

function messagesOf(definition: JourneyDefinition): MessageContent[] {
  return definition.nodes.flatMap((node) => {
    if (node.kind === 'message') return [node.message];
    if (node.kind === 'escalation')
      return node.steps.flatMap((step) => ('message' in step ? [step.message] : []));
    return [];
  });
}
