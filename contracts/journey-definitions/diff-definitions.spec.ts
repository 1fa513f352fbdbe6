import example from './examples/screening-booking.json';
import { diffDefinitions, sameJson, valueChanges, withoutLayout } from './diff-definitions';

type Definition = typeof example & Record<string, unknown>;
const copy = (): Definition => JSON.parse(JSON.stringify(example)) as Definition;
const empty = { added: [], removed: [], changed: [] };

describe('diffDefinitions', () => {
  test('the same definition under another version number is identical', () => {
    const next = { ...copy(), version: 2 };
    expect(diffDefinitions(example, next)).toEqual({
      identical: true,
      behaviourChanged: false,
      fields: [],
      nodes: empty,
      stages: empty,
      events: empty,
      settings: empty,
      scenarios: empty,
    });
  });

  test('saved scenarios are a section of their own: a change to them alone is a change, but not of behaviour', () => {
    const scenario = {
      name: 'English SMS',
      patient: {
        language: 'en',
        readingLevel: 'plain',
        timeZone: 'UTC',
        channels: [],
        enrolledAt: '2026-03-02T09:00',
      },
      script: [],
    };
    const withScenario = { ...copy(), scenarios: [scenario] };
    const added = diffDefinitions(example, withScenario);
    expect(added).toMatchObject({ identical: false, behaviourChanged: false, fields: [] });
    expect(added.scenarios.added).toEqual([{ id: 'English SMS' }]);

    const longer = { ...copy(), scenarios: [{ ...scenario, months: 12 }] };
    expect(diffDefinitions(withScenario, longer).scenarios.changed).toEqual([
      { id: 'English SMS', changes: [{ path: 'months', after: 12 }] },
    ]);
    expect(diffDefinitions(withScenario, { ...longer, title: 'Renamed' }).behaviourChanged).toBe(true);
  });

  test('key order and node order do not count as changes', () => {
    const next = copy();
    next.nodes = [...next.nodes].reverse();
    const reordered = Object.fromEntries(Object.entries(next).reverse());
    expect(diffDefinitions(example, reordered).identical).toBe(true);
  });

  test('nodes added, removed and changed, by id, with the paths that changed', () => {
    const next = copy();
    const invite = next.nodes.find((node) => node.id === 'invite')!;
    (invite as { label: string }).label = 'Invitation';
    (
      invite as unknown as { message: { wording: { es: { plain: { sms: string } } } } }
    ).message.wording.es.plain.sms = 'Reserve: {{schedulingUrl}}';
    const removed = next.nodes.find((node) => node.kind === 'task')!;
    next.nodes = next.nodes.filter((node) => node !== removed);
    next.nodes.push({
      id: 'thanks',
      kind: 'end',
      label: 'Thanked',
      summary: 'Done.',
      dropOff: false,
    } as never);

    const diff = diffDefinitions(example, next);
    expect(diff.identical).toBe(false);
    expect(diff.nodes.added).toEqual([{ id: 'thanks', label: 'Thanked', kind: 'end' }]);
    expect(diff.nodes.removed).toEqual([{ id: removed.id, label: removed.label, kind: 'task' }]);
    expect(diff.nodes.changed).toEqual([
      {
        id: 'invite',
        label: 'Invitation',
        kind: 'message',
        changes: [
          { path: 'label', before: 'Invitation to book', after: 'Invitation' },
          {
            path: 'message.wording.es.plain.sms',
            before: 'Su prueba está pendiente. Reserve: {{schedulingUrl}}',
            after: 'Reserve: {{schedulingUrl}}',
          },
        ],
      },
    ]);
  });

  test('a node whose kind changed is one changed node, its other fields listed too', () => {
    const before = {
      nodes: [{ id: 'a', kind: 'timer', label: 'Wait', clock: { after: { amount: 1, unit: 'days' } } }],
    };
    const after = { nodes: [{ id: 'a', kind: 'end', label: 'Wait', summary: 'Done.', dropOff: false }] };
    expect(diffDefinitions(before, after).nodes.changed).toEqual([
      {
        id: 'a',
        label: 'Wait',
        kind: 'end',
        changes: [
          { path: 'kind', before: 'timer', after: 'end' },
          { path: 'clock', before: { after: { amount: 1, unit: 'days' } } },
          { path: 'summary', after: 'Done.' },
          { path: 'dropOff', after: false },
        ],
      },
    ]);
  });

  test('settings by name: a default changed, one added, one removed', () => {
    const next = copy();
    const settings = next.settings as Record<string, unknown>;
    settings.bookingWindow = { ...next.settings.bookingWindow, default: { amount: 21, unit: 'days' } };
    delete settings.callDueWithin;
    settings.maxReminders = { type: 'number', title: 'Reminders at most', default: 2 };

    const diff = diffDefinitions(example, next);
    expect(diff.settings).toEqual({
      added: [{ id: 'maxReminders', label: 'Reminders at most', kind: 'number' }],
      removed: [{ id: 'callDueWithin', label: 'Time staff have to make the call', kind: 'duration' }],
      changed: [
        {
          id: 'bookingWindow',
          label: 'Time to book before a staff call',
          kind: 'duration',
          changes: [{ path: 'default.amount', before: 14, after: 21 }],
        },
      ],
    });
    expect(diff.nodes).toEqual(empty);
  });

  test('top-level fields, stages and events', () => {
    const next = copy();
    next.title = 'Book your screening';
    next.languages = ['en', 'es', 'fr'];
    next.stages = [...next.stages, { id: 'booked', label: 'Booked' }];
    next.events = [{ ...next.events[0]!, label: 'Booked an appointment' }];

    const diff = diffDefinitions(example, next);
    expect(diff.fields).toEqual([
      { path: 'title', before: 'Book a screening', after: 'Book your screening' },
      { path: 'languages', before: ['en', 'es'], after: ['en', 'es', 'fr'] },
    ]);
    expect(diff.stages.added).toEqual([{ id: 'booked', label: 'Booked' }]);
    expect(diff.events.changed).toEqual([
      {
        id: 'appointment-booked',
        label: 'Booked an appointment',
        changes: [{ path: 'label', before: 'Appointment booked', after: 'Booked an appointment' }],
      },
    ]);
  });

  test('an unfinished draft (missing lists, an id twice) is diffed without throwing', () => {
    const draft = {
      id: 'x',
      nodes: [
        { id: 'a', kind: 'end' },
        { id: 'a', kind: 'timer' },
      ],
    };
    const diff = diffDefinitions({}, draft);
    expect(diff.fields).toEqual([{ path: 'id', after: 'x' }]);
    expect(diff.nodes.added).toEqual([{ id: 'a', kind: 'end' }]);
  });
});

describe('withoutLayout', () => {
  test('a definition whose nodes only moved on the map is identical: positions are layout', () => {
    const moved = copy();
    (moved.nodes as Record<string, unknown>[])[0]!.position = { x: 120, y: 40 };
    expect(diffDefinitions(example, moved).identical).toBe(true);
    expect(sameJson(withoutLayout(moved), withoutLayout(example))).toBe(true);
    expect(sameJson(moved, example)).toBe(false);
  });
});

describe('valueChanges and sameJson', () => {
  test('arrays of the same length are compared item by item, others as a whole', () => {
    expect(valueChanges([1, 2, 3], [1, 5, 3], 'list')).toEqual([{ path: 'list[1]', before: 2, after: 5 }]);
    expect(valueChanges([1, 2], [1, 2, 3], 'list')).toEqual([
      { path: 'list', before: [1, 2], after: [1, 2, 3] },
    ]);
  });

  test('undefined keys count as absent; null does not', () => {
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: null }, {})).toBe(false);
    expect(sameJson([1, { x: [2] }], [1, { x: [2] }])).toBe(true);
  });
});
