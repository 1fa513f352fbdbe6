import emergencyFollowUp from './examples/emergency-follow-up.json';
import screeningBooking from './examples/screening-booking.json';
import {
  journeyDefinitionJsonSchema,
  journeyDefinitionSchema,
  type DefinitionNode,
  type JourneyDefinition,
} from './definition-schema';
import { checkDefinition, validateDefinition } from './validate-definition';

const example = (): JourneyDefinition => journeyDefinitionSchema.parse(structuredClone(screeningBooking));

function withNode(definition: JourneyDefinition, id: string, change: (node: DefinitionNode) => void) {
  change(definition.nodes.find((node) => node.id === id)!);
  return definition;
}

describe('journey definitions: schema', () => {
  it('parses the example definition and finds no problem in it', () => {
    expect(checkDefinition(screeningBooking)).toMatchObject({ ok: true, problems: [] });
  });

  it('finds no problem in the emergency follow-up re-authored as a definition', () => {
    expect(checkDefinition(emergencyFollowUp).problems).toEqual([]);
  });

  it('publishes a JSON Schema naming every node kind', () => {
    const text = JSON.stringify(journeyDefinitionJsonSchema());
    for (const kind of ['message', 'wait', 'timer', 'decision', 'task', 'escalation', 'end']) {
      expect(text).toContain(`"const":"${kind}"`);
    }
    expect(journeyDefinitionJsonSchema()).toMatchObject({ title: 'Journey definition', type: 'object' });
  });

  it('says where a shape problem is, naming the node', () => {
    const broken = structuredClone(screeningBooking) as Record<string, unknown>;
    (broken.nodes as Record<string, unknown>[])[2]!.kind = 'sleep';
    const check = checkDefinition(broken);
    expect(check.ok).toBe(false);
    expect(check.problems[0]).toMatchObject({ code: 'shape', node: 'wait-booking' });
    expect(check.problems[0]!.message).toMatch(/^At nodes\[2\]\.kind: /);
  });

  it('refuses a node id that could not be a JSON Logic path segment or a stage', () => {
    const broken = structuredClone(screeningBooking);
    broken.nodes[0]!.id = 'Invite.Patient';
    expect(checkDefinition(broken).problems[0]!.message).toContain(
      'must be lower-case letters, digits and dashes, starting with a letter',
    );
  });
});

describe(validateDefinition.name, () => {
  const messagesOf = (definition: JourneyDefinition) =>
    validateDefinition(definition).map((problem) => `${problem.code}: ${problem.message}`);

  it('finds a wait without a timeout', () => {
    const definition = withNode(example(), 'wait-booking', (node) => {
      if (node.kind === 'wait') delete node.timeout;
    });
    expect(messagesOf(definition)).toEqual([
      'wait-without-timeout: "Wait for a booking" (wait-booking) has no timeout: a patient whose event never comes would wait forever. Add one.',
    ]);
  });

  it('finds a decision without a default branch', () => {
    const definition = withNode(example(), 'booked-yet', (node) => {
      if (node.kind === 'decision') delete node.otherwise;
    });
    // The call is reached only through the default branch: it becomes unreachable too.
    expect(messagesOf(definition)).toEqual([
      'decision-without-default: "Booked?" (booked-yet) has no "otherwise" branch: a patient no branch fits would be stuck. Add one.',
      'unreachable: "Call the patient to book" (call-patient) cannot be reached from the start: connect it or delete it.',
      'unreachable: "Declined" (declined) cannot be reached from the start: connect it or delete it.',
      'unreachable: "Not reached" (unresponsive) cannot be reached from the start: connect it or delete it.',
    ]);
  });

  it('finds a message missing a language the journey offers', () => {
    const definition = withNode(example(), 'invite', (node) => {
      if (node.kind === 'message') delete node.message.wording.es;
    });
    expect(messagesOf(definition)).toEqual([
      'missing-language: "Invitation to book" (invite): the message screening-invitation has no plain-language text for every channel ("any") in es, which the journey offers.',
    ]);
  });

  it('[HZ-100] finds a message only email or SMS can carry, with no way on for a patient who has not consented', () => {
    const smsOnly = (node: DefinitionNode) => {
      if (node.kind !== 'message') return;
      node.message.wording = {
        en: { plain: { sms: 'Book: {{schedulingUrl}}' } },
        es: { plain: { sms: 'Reserve' } },
      };
      delete node.onUnreachable;
    };
    const problems = validateDefinition(withNode(example(), 'invite', smsOnly));
    expect(problems.filter((problem) => problem.code === 'no-consent-path')).toEqual([
      {
        code: 'no-consent-path',
        node: 'invite',
        message:
          '"Invitation to book" (invite): the message screening-invitation can go only by sms, which need the patient\'s recorded consent: add text for every channel ("any") or the portal, or say where to go when no channel reaches the patient.',
      },
    ]);
  });

  it('accepts an opt-in-only message with a way on when no channel reaches the patient, or a portal text', () => {
    const withFallback = withNode(example(), 'invite', (node) => {
      if (node.kind !== 'message') return;
      node.message.wording = { en: { plain: { email: 'Book' } }, es: { plain: { email: 'Reserve' } } };
      node.onUnreachable = 'call-patient';
    });
    const withPortal = withNode(example(), 'invite', (node) => {
      if (node.kind !== 'message') return;
      node.message.wording = { en: { plain: { sms: 'Book', portal: 'Book online' } } };
      delete node.onUnreachable;
    });
    for (const definition of [withFallback, withPortal]) {
      expect(validateDefinition(definition).map((problem) => problem.code)).not.toContain('no-consent-path');
    }
  });

  it('[HZ-54] finds a time before a fact that does not say where a patient goes when it has already passed', () => {
    const reminderBeforeVisit = (whenPassed?: string) =>
      withNode(example(), 'wait-booking', (node) => {
        if (node.kind !== 'wait') return;
        node.timeout = {
          at: { fact: 'appointmentAt', before: { amount: 24, unit: 'hours' } },
          next: 'booked-yet',
          ...(whenPassed ? { whenPassed } : {}),
        };
      });
    expect(messagesOf(reminderBeforeVisit())).toEqual([
      'time-may-have-passed: "Wait for a booking" (wait-booking) is timed before appointmentAt: when that is booked late, or reported after it, the time has already passed. Say where the patient goes then ("When that time has already passed on arrival"), or the step would go on at once.',
    ]);
    expect(messagesOf(reminderBeforeVisit('call-patient'))).toEqual([]);
    expect(messagesOf(reminderBeforeVisit('nowhere'))).toContain(
      'unknown-node: "Wait for a booking" (wait-booking) goes on (already passed) to nowhere, which is not a node.',
    );
  });

  it('[HZ-54] finds "when passed" on a timer not timed from a fact, where it could never apply', () => {
    const definition = journeyDefinitionSchema.parse({
      ...example(),
      nodes: [
        ...example().nodes.map((node) => (node.id === 'invite' ? { ...node, next: 'pause' } : node)),
        {
          id: 'pause',
          kind: 'timer',
          label: 'A day to read it',
          clock: { after: { amount: 1, unit: 'days' } },
          next: 'wait-booking',
          whenPassed: 'wait-booking',
        },
      ],
    });
    expect(messagesOf(definition)).toEqual([
      'time-may-have-passed: "A day to read it" (pause) says where to go when its time has already passed, but only a time from a fact can have passed on arrival: remove it or time the node from a fact.',
    ]);
  });

  it('finds a reference to a node that does not exist, and the dead end it leaves', () => {
    const definition = withNode(example(), 'invite', (node) => {
      if (node.kind === 'message') node.next = 'wait-for-booking';
    });
    expect(messagesOf(definition)).toEqual([
      'unknown-node: "Invitation to book" (invite) goes on (sent) to wait-for-booking, which is not a node.',
      'unreachable: "Wait for a booking" (wait-booking) cannot be reached from the start: connect it or delete it.',
      'unreachable: "Booked?" (booked-yet) cannot be reached from the start: connect it or delete it.',
      'unreachable: "Call the patient to book" (call-patient) cannot be reached from the start: connect it or delete it.',
      'unreachable: "Declined" (declined) cannot be reached from the start: connect it or delete it.',
      'unreachable: "Not reached" (unresponsive) cannot be reached from the start: connect it or delete it.',
      'no-way-to-end: No path leads from "Invitation to book" (invite) to an end: the journey could never finish.',
    ]);
  });

  it('finds a node with nowhere to go', () => {
    const definition = withNode(example(), 'invite', (node) => {
      if (node.kind === 'message') delete node.next;
    });
    expect(messagesOf(definition)[0]).toBe(
      'dead-end: "Invitation to book" (invite) does not say where to go once the message is sent.',
    );
  });

  it('finds events, settings and stages that are not declared, and settings of the wrong type', () => {
    const definition = example();
    withNode(definition, 'wait-booking', (node) => {
      if (node.kind !== 'wait') return;
      node.events.push({ event: 'appointment-cancelled', next: 'booked-yet' });
      node.timeout = {
        deadline: { label: 'Book in time', within: { setting: 'bookingWindow' }, count: 'working' },
        next: 'booked-yet',
      };
      node.stage = 'waiting';
    });
    withNode(definition, 'call-patient', (node) => {
      if (node.kind === 'task') node.task.dueWithin = { setting: 'callWithin' };
    });
    expect(messagesOf(definition)).toEqual([
      'unknown-stage: "Wait for a booking" (wait-booking) reports the stage waiting, which is not declared.',
      'unknown-event: "Wait for a booking" (wait-booking) waits for the event appointment-cancelled, which the journey does not declare.',
      'setting-type: "Wait for a booking" (wait-booking) reads the setting bookingWindow as a number of days, but it is a duration setting.',
      'unknown-setting: "Call the patient to book" (call-patient) reads the setting callWithin, which is not declared.',
    ]);
  });

  it('refuses operations outside the documented subset and paths outside the decision data', () => {
    const definition = withNode(example(), 'booked-yet', (node) => {
      if (node.kind !== 'decision') return;
      node.branches.push(
        { label: 'Logs', when: { log: { var: 'facts.appointmentAt' } }, next: 'booked' },
        { label: 'Wrong root', when: { '>': [{ var: 'appointmentAt' }, 3] }, next: 'booked' },
        {
          label: 'In a list',
          when: { some: [{ var: 'facts.codes' }, { '==': [{ var: '' }, 'x'] }] },
          next: 'booked',
        },
      );
    });
    expect(messagesOf(definition)).toEqual([
      'invalid-condition: "Booked?" (booked-yet), branch 2 ("Logs"): "log" is not an operation decisions may use.',
      'invalid-condition: "Booked?" (booked-yet), branch 3 ("Wrong root"): "appointmentAt" reads nothing: a path starts with facts, settings, outcomes, journey.',
    ]);
  });

  it('finds a loop of decisions that would spin without waiting', () => {
    const definition = withNode(example(), 'booked-yet', (node) => {
      if (node.kind === 'decision') node.branches.push({ label: 'Again', when: true, next: 'booked-yet' });
    });
    expect(messagesOf(definition)).toEqual([
      'instant-loop: "Booked?" (booked-yet) leads back to itself through decisions only: put a wait or timer in the loop.',
    ]);
  });

  it('finds a loop with no way out to an end', () => {
    const definition = withNode(example(), 'call-patient', (node) => {
      if (node.kind !== 'task') return;
      node.outcomes = [];
      node.otherwise = 'wait-booking';
    });
    const codes = validateDefinition(definition).map((problem) => problem.code);
    expect(codes).toEqual(['unreachable', 'unreachable']);
    // Booked is still reachable from the wait: every loop here has an exit.
    withNode(definition, 'booked-yet', (node) => {
      if (node.kind === 'decision') node.branches = [];
    });
    expect(messagesOf(definition)).toContain(
      'no-way-to-end: No path leads from "Wait for a booking" (wait-booking) to an end: the journey could never finish.',
    );
  });
});
