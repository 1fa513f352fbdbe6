import { blueprintStages } from '../blueprint';
import { definitionBlueprint } from './definition-blueprint';
import { journeyDefinitionSchema, nextNodesOf, type JourneyDefinition } from './definition-schema';
import example from './examples/screening-booking.json';

const screening = (): JourneyDefinition => journeyDefinitionSchema.parse(structuredClone(example));

describe(definitionBlueprint.name, () => {
  test('the example draws its stages, steps and ends with the kinds the map knows, in the flow order', () => {
    const blueprint = definitionBlueprint(screening());

    expect(blueprint.start).toBe('invited');
    expect(blueprint.nodes.map((node) => [node.id, node.kind])).toEqual([
      ['invited', 'stage'],
      ['calling', 'stage'],
      ['booked-already', 'branch'],
      ['invite', 'message'],
      ['wait-booking', 'wait'],
      ['booked-yet', 'branch'],
      ['call-patient', 'task'],
      ['booked', 'end'],
      ['declined', 'end'],
      ['unresponsive', 'end'],
      ['cancelled', 'end'],
    ]);
    expect(blueprint.edges).toEqual([
      { from: 'invited', to: 'booked-already' },
      // A booking the EHR sent before the enrolment ends it before any invitation (HZ-35).
      { from: 'booked-already', to: 'booked', label: 'Booked' },
      { from: 'booked-already', to: 'invite', label: 'otherwise' },
      { from: 'invite', to: 'wait-booking', label: 'sent' },
      { from: 'wait-booking', to: 'booked-yet', label: 'appointment-booked', event: 'appointment-booked' },
      { from: 'wait-booking', to: 'booked-yet', label: 'timeout' },
      { from: 'booked-yet', to: 'booked', label: 'Booked' },
      // The staff call is where the journey enters its second stage: the stage sits on the way in.
      { from: 'booked-yet', to: 'calling', label: 'otherwise' },
      { from: 'calling', to: 'call-patient' },
      { from: 'call-patient', to: 'booked', label: 'booked' },
      { from: 'call-patient', to: 'declined', label: 'declined' },
      { from: 'call-patient', to: 'unresponsive', label: 'other outcome' },
      { from: 'invited', to: 'cancelled', label: 'operator cancels' },
      { from: 'calling', to: 'cancelled', label: 'operator cancels' },
    ]);
  });

  test('every place a journey reports is on the map: the stages, the ends and cancelled', () => {
    const definition = screening();
    const places = blueprintStages(definitionBlueprint(definition));
    expect(places).toEqual(
      expect.arrayContaining([
        ...definition.stages.map((stage) => stage.id),
        ...definition.nodes.filter((node) => node.kind === 'end').map((node) => node.id),
        'cancelled',
      ]),
    );
  });

  test('ends keep their drop-off flag, steps their description and the setting that tunes them', () => {
    const nodes = new Map(definitionBlueprint(screening()).nodes.map((node) => [node.id, node]));
    expect(nodes.get('declined')).toMatchObject({ dropOff: true });
    expect(nodes.get('booked')).toMatchObject({ dropOff: false });
    expect(nodes.get('wait-booking')).toMatchObject({ setting: 'bookingWindow' });
    expect(nodes.get('call-patient')).toMatchObject({ setting: 'callDueWithin' });
  });

  test('every edge the definition has is drawn, labelled as nextNodesOf labels it', () => {
    const definition = screening();
    const blueprint = definitionBlueprint(definition);
    const stageIds = new Set(definition.stages.map((stage) => stage.id));
    for (const node of definition.nodes) {
      for (const { next, label } of nextNodesOf(node)) {
        const direct = blueprint.edges.some(
          (edge) => edge.from === node.id && edge.to === next && edge.label === label,
        );
        const throughStage = blueprint.edges.some(
          (edge) =>
            edge.from === node.id &&
            stageIds.has(edge.to) &&
            edge.label === label &&
            blueprint.edges.some((on) => on.from === edge.to && on.to === next),
        );
        expect({ from: node.id, to: next, label, drawn: direct || throughStage }).toMatchObject({
          drawn: true,
        });
      }
    }
  });

  test('a step that shares a stage id is renamed on the map; the stage keeps the id journeys report', () => {
    const definition = screening();
    const invite = definition.nodes.find((node) => node.id === 'invite')!;
    invite.id = 'calling';
    definition.start = 'calling';
    const blueprint = definitionBlueprint(definition);
    const ids = blueprint.nodes.map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(blueprint.nodes.find((node) => node.id === 'calling')?.kind).toBe('stage');
    expect(blueprint.nodes.find((node) => node.id === 'calling-step')?.kind).toBe('message');
    expect(blueprint.edges).toContainEqual({ from: 'calling-step', to: 'wait-booking', label: 'sent' });
  });

  test('an escalation plan is drawn as a wait that says its steps, left by its events', () => {
    const definition = screening();
    definition.nodes.push({
      id: 'chase',
      kind: 'escalation',
      label: 'Chase the booking',
      steps: [
        {
          after: { amount: 2, unit: 'days' },
          message: { key: 'chase', wording: { en: { plain: { any: 'Please book your screening.' } } } },
        },
        {
          after: { amount: 4, unit: 'days' },
          task: { kind: 'call', title: 'Call', priority: 'routine', dueWithin: { amount: 1, unit: 'days' } },
        },
      ],
      until: [{ event: 'appointment-booked', next: 'booked' }],
      closeAfter: { after: { amount: 7, unit: 'days' }, next: 'unresponsive' },
    });
    const waitNode = definition.nodes.find((node) => node.id === 'wait-booking');
    if (waitNode?.kind === 'wait') waitNode.timeout = { after: { amount: 1, unit: 'days' }, next: 'chase' };
    const blueprint = definitionBlueprint(definition);
    expect(blueprint.nodes.find((node) => node.id === 'chase')).toEqual({
      id: 'chase',
      kind: 'wait',
      label: 'Chase the booking',
      description: 'Escalation plan: a message, then a call task.',
    });
    expect(blueprint.edges).toContainEqual({
      from: 'chase',
      to: 'booked',
      label: 'appointment-booked',
      event: 'appointment-booked',
    });
    expect(blueprint.edges).toContainEqual({ from: 'chase', to: 'unresponsive', label: 'closed' });
  });
});
