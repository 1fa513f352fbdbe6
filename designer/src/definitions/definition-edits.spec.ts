import { describe, expect, test } from '@jest/globals';
import screeningBooking from '../../../contracts/journey-definitions/examples/screening-booking.json';
import {
  journeyDefinitionSchema,
  type JourneyDefinition,
  type NodeKind,
} from '../../../contracts/journey-definitions/definition-schema';
import { checkDefinition } from '../../../contracts/journey-definitions/validate-definition';
import {
  addNode,
  connect,
  deleteEdge,
  deleteNodes,
  edgeIdOf,
  edgeRefOf,
  edgesOf,
  moveNode,
  renameNode,
  sourceHandlesFor,
} from './definition-edits';

const example = (): JourneyDefinition => journeyDefinitionSchema.parse(structuredClone(screeningBooking));
const nodeOf = (definition: JourneyDefinition, id: string) =>
  definition.nodes.find((node) => node.id === id)!;
const kinds: NodeKind[] = ['message', 'wait', 'timer', 'decision', 'task', 'escalation', 'end'];

describe('definition edits', () => {
  test('a new node of every kind is well-formed, has a fresh id, and its gaps are what the validator names', () => {
    let definition = example();
    for (const kind of kinds) {
      const added = addNode(definition, kind, { x: 10, y: 20 });
      definition = added.definition;
      expect(added.id).toBe(`${kind}-1`);
      expect(nodeOf(definition, added.id)).toMatchObject({ kind, position: { x: 10, y: 20 } });
    }
    expect(addNode(definition, 'wait').id).toBe('wait-2');
    const check = checkDefinition(definition);
    expect(check.problems.filter((problem) => problem.code === 'shape')).toEqual([]);
    expect(check.problems.map((problem) => problem.code)).toEqual(
      expect.arrayContaining([
        'missing-language',
        'wait-without-timeout',
        'decision-without-default',
        'unreachable',
      ]),
    );
  });

  test('connecting from a handle sets the field that handle stands for', () => {
    let definition = example();
    for (const kind of kinds) definition = addNode(definition, kind).definition;
    definition = connect(definition, 'message-1', 'next', 'wait-1');
    definition = connect(definition, 'message-1', 'onUnreachable', 'task-1');
    definition = connect(definition, 'wait-1', 'events', 'decision-1');
    definition = connect(definition, 'wait-1', 'timeout', 'decision-1');
    definition = connect(definition, 'decision-1', 'branches', 'end-1');
    definition = connect(definition, 'decision-1', 'otherwise', 'task-1');
    definition = connect(definition, 'task-1', 'outcomes', 'end-1');
    definition = connect(definition, 'task-1', 'otherwise', 'end-1');
    definition = connect(definition, 'timer-1', 'next', 'end-1');
    definition = connect(definition, 'escalation-1', 'until', 'end-1');
    definition = connect(definition, 'escalation-1', 'closeAfter', 'end-1');

    expect(nodeOf(definition, 'message-1')).toMatchObject({ next: 'wait-1', onUnreachable: 'task-1' });
    // The wait waits for the journey's declared event, with a one-day timeout to start from.
    expect(nodeOf(definition, 'wait-1')).toMatchObject({
      events: [{ event: 'appointment-booked', next: 'decision-1' }],
      timeout: { after: { amount: 1, unit: 'days' }, next: 'decision-1' },
    });
    expect(nodeOf(definition, 'decision-1')).toMatchObject({
      branches: [{ label: 'Branch 1', next: 'end-1' }],
      otherwise: 'task-1',
    });
    expect(nodeOf(definition, 'task-1')).toMatchObject({
      outcomes: [{ outcome: 'outcome-1', next: 'end-1' }],
      otherwise: 'end-1',
    });
    expect(nodeOf(definition, 'escalation-1')).toMatchObject({
      until: [{ event: 'appointment-booked', next: 'end-1' }],
      closeAfter: { next: 'end-1' },
    });
    expect(journeyDefinitionSchema.safeParse(definition).success).toBe(true);

    // A second drag from a single handle moves the edge; from a list handle it adds one.
    definition = connect(definition, 'message-1', 'next', 'timer-1');
    definition = connect(definition, 'decision-1', 'branches', 'timer-1');
    expect(nodeOf(definition, 'message-1')).toMatchObject({ next: 'timer-1' });
    expect(edgesOf(nodeOf(definition, 'decision-1')).map((edge) => edge.target)).toEqual([
      'end-1',
      'timer-1',
      'task-1',
    ]);
    // An existing timeout keeps its duration when it is pointed elsewhere.
    const withSetting = connect(
      {
        ...definition,
        nodes: definition.nodes.map((node) =>
          node.id === 'wait-1' && node.kind === 'wait'
            ? { ...node, timeout: { after: { setting: 'bookingWindow' }, next: 'end-1' } }
            : node,
        ),
      },
      'wait-1',
      'timeout',
      'task-1',
    );
    expect(nodeOf(withSetting, 'wait-1')).toMatchObject({
      timeout: { after: { setting: 'bookingWindow' }, next: 'task-1' },
    });
  });

  test('deleting an edge clears its field, or removes its list item and nothing else', () => {
    const definition = example();
    const decision = nodeOf(definition, 'booked-yet');
    const [branch, otherwise] = edgesOf(decision);
    expect(edgeRefOf(edgeIdOf(branch!.ref))).toEqual({ source: 'booked-yet', field: 'branches', index: 0 });

    expect(nodeOf(deleteEdge(definition, branch!.ref), 'booked-yet')).toMatchObject({
      branches: [],
      otherwise: 'call-patient',
    });
    expect(nodeOf(deleteEdge(definition, otherwise!.ref), 'booked-yet')).not.toHaveProperty('otherwise');
    const wait = edgesOf(nodeOf(definition, 'wait-booking'));
    expect(nodeOf(deleteEdge(definition, wait[1]!.ref), 'wait-booking')).not.toHaveProperty('timeout');
  });

  test('deleting a node removes every reference to it, and the last node cannot be deleted', () => {
    const definition = deleteNodes(example(), ['booked']);
    expect(definition.nodes.map((node) => node.id)).not.toContain('booked');
    for (const node of definition.nodes) {
      expect(edgesOf(node).map((edge) => edge.target)).not.toContain('booked');
    }
    expect(nodeOf(definition, 'booked-yet')).toMatchObject({ branches: [], otherwise: 'call-patient' });
    expect(nodeOf(definition, 'call-patient')).toMatchObject({
      outcomes: [{ outcome: 'declined', next: 'declined' }],
    });
    expect(journeyDefinitionSchema.safeParse(definition).success).toBe(true);

    const lone = { ...example(), nodes: [nodeOf(example(), 'booked')], start: 'booked' };
    expect(deleteNodes(lone, ['booked'])).toBe(lone);
  });

  test('moving keeps a rounded position; renaming carries every edge and the start along', () => {
    expect(nodeOf(moveNode(example(), 'invite', { x: 10.4, y: 20.6 }), 'invite').position).toEqual({
      x: 10,
      y: 21,
    });
    const renamed = renameNode(example(), 'booked', 'screening-booked');
    expect(nodeOf(renamed, 'booked-yet')).toMatchObject({ branches: [{ next: 'screening-booked' }] });
    expect(renameNode(renamed, 'booked-already', 'already-booked').start).toBe('already-booked');
    // A taken id is refused: two nodes would share it.
    expect(renameNode(example(), 'booked', 'declined')).toEqual(example());
  });

  test('[HZ-54] a wait timed before a fact gets an "already passed" handle; connecting, renaming and deleting keep it inside the timeout', () => {
    const timedFromVisit = connect(
      {
        ...example(),
        nodes: example().nodes.map((node) =>
          node.id === 'wait-booking' && node.kind === 'wait'
            ? {
                ...node,
                timeout: {
                  at: { fact: 'appointmentAt', before: { amount: 24, unit: 'hours' } },
                  next: 'booked-yet',
                },
              }
            : node,
        ),
      },
      'wait-booking',
      'whenPassed',
      'call-patient',
    );
    const wait = nodeOf(timedFromVisit, 'wait-booking');
    expect(sourceHandlesFor(wait).map((handle) => handle.label)).toEqual([
      'event',
      'timeout',
      'already passed',
    ]);
    expect(sourceHandlesFor(nodeOf(example(), 'wait-booking')).map((handle) => handle.label)).toEqual([
      'event',
      'timeout',
    ]);
    expect(wait).toMatchObject({ timeout: { next: 'booked-yet', whenPassed: 'call-patient' } });
    expect(checkDefinition(timedFromVisit).problems).toEqual([]);

    const renamed = renameNode(timedFromVisit, 'call-patient', 'call-to-book');
    expect(nodeOf(renamed, 'wait-booking')).toMatchObject({ timeout: { whenPassed: 'call-to-book' } });

    const ref = edgesOf(wait).find((edge) => edge.label === 'already passed')!.ref;
    const cleared = nodeOf(deleteEdge(timedFromVisit, ref), 'wait-booking');
    expect(cleared).toMatchObject({ timeout: { next: 'booked-yet' } });
    expect(cleared.kind === 'wait' && cleared.timeout && 'whenPassed' in cleared.timeout).toBe(false);
  });
});
