import screeningBooking from '../../contracts/journey-definitions/examples/screening-booking.json';
import {
  journeyDefinitionSchema,
  type JourneyDefinition,
} from '../../contracts/journey-definitions/definition-schema';
import type { Scenario } from '../../contracts/journey-definitions/scenario-schema';
import { scenarioOutcomes } from './scenario-outcomes';

const published = journeyDefinitionSchema.parse(screeningBooking);
const values = { schedulingUrl: 'https://book.example.org' };

const booksOnDay5: Scenario = {
  name: 'English SMS, books on day 5',
  patient: {
    language: 'en',
    readingLevel: 'plain',
    timeZone: 'Europe/Warsaw',
    channels: [{ channel: 'sms', consent: true }],
    enrolledAt: '2026-03-06T10:00',
  },
  script: [{ day: 5, event: { type: 'appointment-booked', appointmentAt: '2026-03-20T09:00:00Z' } }],
  values,
};
const neverBooks: Scenario = {
  name: 'Spanish email, never books',
  patient: {
    language: 'es',
    readingLevel: 'plain',
    timeZone: 'America/Mexico_City',
    channels: [{ channel: 'email', consent: true }],
    enrolledAt: '2026-03-06T10:00',
  },
  script: [],
  values,
};

/** The published example with the scenarios saved, and `change` made to the draft. */
function draftOf(change: (definition: JourneyDefinition) => JourneyDefinition = (same) => same) {
  return change({ ...structuredClone(published), version: 2, scenarios: [booksOnDay5, neverBooks] });
}

function withInvite(definition: JourneyDefinition, sms: string): JourneyDefinition {
  return {
    ...definition,
    nodes: definition.nodes.map((node) =>
      node.id === 'invite' && node.kind === 'message'
        ? {
            ...node,
            message: {
              ...node.message,
              wording: { ...node.message.wording, en: { plain: { ...node.message.wording.en!.plain, sms } } },
            },
          }
        : node,
    ),
  };
}

describe('saved scenarios run again on the published version and the draft', () => {
  test('a draft that changes only its scenarios or description leaves every outcome unchanged', () => {
    const outcomes = scenarioOutcomes(
      published,
      draftOf((draft) => ({ ...draft, description: 'Reworded' })),
    );
    expect(outcomes.map((outcome) => [outcome.name, outcome.verdict])).toEqual([
      ['English SMS, books on day 5', 'unchanged'],
      ['Spanish email, never books', 'unchanged'],
    ]);
  });

  test("reworded SMS: the English SMS patient's message changes text; the Spanish email patient's does not", () => {
    const [english, spanish] = scenarioOutcomes(
      published,
      draftOf((draft) => withInvite(draft, 'Time to book: {{schedulingUrl}}')),
    );
    expect(english).toMatchObject({
      verdict: 'changed',
      messages: {
        added: [],
        removed: [],
        changed: [
          {
            id: 'invite',
            label: 'screening-invitation',
            changes: [
              {
                field: 'text',
                before: 'Your screening is due. Book: https://book.example.org',
                after: 'Time to book: https://book.example.org',
              },
            ],
          },
        ],
      },
    });
    expect(english!.final).toBeUndefined();
    expect(spanish!.verdict).toBe('unchanged');
  });

  test('a shorter booking window moves the staff call and the end for the patient who never books', () => {
    const [english, spanish] = scenarioOutcomes(
      published,
      draftOf((draft) => ({
        ...draft,
        settings: {
          ...draft.settings,
          bookingWindow: { ...draft.settings.bookingWindow!, default: { amount: 7, unit: 'days' } },
        } as JourneyDefinition['settings'],
      })),
    );
    expect(english!.verdict).toBe('unchanged');
    expect(spanish!.verdict).toBe('changed');
    expect(spanish!.tasks.changed).toEqual([
      {
        id: 'call-patient',
        label: 'Call the patient: no screening booked',
        changes: [
          { field: 'at', before: '2026-03-20T16:00:00.000Z', after: '2026-03-13T16:00:00.000Z' },
          { field: 'dueAt', before: '2026-03-22T16:00:00.000Z', after: '2026-03-15T16:00:00.000Z' },
        ],
      },
    ]);
  });

  test('a message no longer sent is removed, and a different end is a changed final status', () => {
    const skipInvite = (draft: JourneyDefinition): JourneyDefinition => ({ ...draft, start: 'wait-booking' });
    const [english] = scenarioOutcomes(published, draftOf(skipInvite));
    expect(english!.messages.removed).toEqual([
      { id: 'invite', label: 'screening-invitation', at: '2026-03-06T09:00:00.000Z' },
    ]);

    const declineAtOnce = (draft: JourneyDefinition): JourneyDefinition => ({
      ...draft,
      nodes: draft.nodes.map((node) =>
        node.id === 'booked-yet' && node.kind === 'decision'
          ? { ...node, branches: [], otherwise: 'declined' }
          : node,
      ),
    });
    const [booked] = scenarioOutcomes(published, draftOf(declineAtOnce));
    expect(booked!.final).toEqual({
      before: 'completed at booked (2026-03-11T08:00:00.000Z)',
      after: 'completed at declined, dropped off (2026-03-11T08:00:00.000Z)',
    });
  });

  test('with nothing published yet every scenario is new; a run that throws is failed, not a crash', () => {
    expect(scenarioOutcomes(undefined, draftOf()).map((outcome) => outcome.verdict)).toEqual(['new', 'new']);
    // The schema refuses an unknown zone; a scenario that slipped past it still cannot crash the check.
    const lost = { ...neverBooks, patient: { ...neverBooks.patient, timeZone: 'Mars/Olympus_Mons' } };
    const [outcome] = scenarioOutcomes(published, { ...draftOf(), scenarios: [lost] });
    expect(outcome).toMatchObject({ name: 'Spanish email, never books', verdict: 'failed' });
    expect(outcome!.problem).toMatch(/time zone/i);
  });
});
