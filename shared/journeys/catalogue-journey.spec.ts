import { definitionBlueprint } from '../../contracts/journey-definitions/definition-blueprint';
import { DEFINITION_MEMO } from '../../contracts/journey-definitions/pinned-definition';
import {
  journeyDefinitionSchema,
  type JourneyDefinition,
} from '../../contracts/journey-definitions/definition-schema';
import example from '../../contracts/journey-definitions/examples/screening-booking.json';
import { DEFINITION_JOURNEY_WORKFLOW } from '../../workflows/definition-interpreter/definition-journey.workflow';
import { journeyModules } from '../../workflows/journeys';
import { mergeCatalogue } from './catalogue-journey';

const definition = (changes: Partial<JourneyDefinition> = {}): JourneyDefinition => ({
  ...journeyDefinitionSchema.parse(structuredClone(example)),
  ...changes,
});

describe(mergeCatalogue.name, () => {
  test('coded journeys first, in module order, then published definitions by id, each with its kind', () => {
    const catalogue = mergeCatalogue(journeyModules, [
      definition({ id: 'zz-screening', version: 3 }),
      definition({ id: 'aa-screening', version: 1 }),
    ]);
    expect(catalogue.map((journey) => [journey.id, journey.kind])).toEqual([
      ...journeyModules.map((module) => [module.id, 'coded']),
      ['aa-screening', 'definition'],
      ['zz-screening', 'definition'],
    ]);
    const coded = catalogue[0]!;
    expect(coded).toMatchObject({
      workflowType: journeyModules[0]!.workflowType,
      sources: journeyModules[0]!.sources,
    });
    expect(coded.definition).toBeUndefined();
    expect(coded.workflowParams).toBeUndefined();
  });

  test('a definition runs on the interpreter, pinned to its version, with its map and declared schemas', () => {
    const published = definition({ version: 2 });
    const [entry] = mergeCatalogue([], [published]);
    expect(entry).toMatchObject({
      kind: 'definition',
      id: 'screening-booking',
      title: 'Book a screening',
      workflowType: DEFINITION_JOURNEY_WORKFLOW,
      definition: { id: 'screening-booking', version: 2 },
      memo: { [DEFINITION_MEMO]: { id: 'screening-booking', version: 2 } },
      blueprint: definitionBlueprint(published),
    });
    // The workflow gets the enrolment's parameters and the definition itself, whole.
    expect(entry!.workflowParams!({ timeZone: 'Europe/Warsaw' })).toEqual({
      timeZone: 'Europe/Warsaw',
      definition: published,
    });
    // Settings: every declaration, its default filling in what is not given.
    expect(entry!.settingsSchema.parse({ callDueWithin: { amount: 1, unit: 'days' } })).toEqual({
      bookingWindow: { amount: 14, unit: 'days' },
      callDueWithin: { amount: 1, unit: 'days' },
    });
    expect(entry!.settingsSchema.safeParse({ unknown: 1 }).success).toBe(false);
    // Events: only the declared ones, with their declared field types.
    expect(
      entry!.eventSchema.safeParse({ type: 'appointment-booked', appointmentAt: '2027-01-04' }).success,
    ).toBe(true);
    expect(entry!.eventSchema.safeParse({ type: 'appointment-booked', appointmentAt: 'soon' }).success).toBe(
      false,
    );
    expect(entry!.eventSchema.safeParse({ type: 'lab-result' }).success).toBe(false);
    // Parameters: a real time zone, one of the definition's languages.
    expect(entry!.paramsSchema.safeParse({ timeZone: 'Europe/Warsaw', language: 'es' }).success).toBe(true);
    expect(entry!.paramsSchema.safeParse({ timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(entry!.paramsSchema.safeParse({ timeZone: 'UTC', language: 'fr' }).success).toBe(false);
  });

  test('a definition that takes a coded journey id is left out: the two would share workflow ids', () => {
    const codedId = journeyModules[0]!.id;
    const catalogue = mergeCatalogue(journeyModules, [definition({ id: codedId })]);
    expect(catalogue.filter((journey) => journey.id === codedId).map((journey) => journey.kind)).toEqual([
      'coded',
    ]);
  });
});
