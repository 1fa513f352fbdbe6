import emergencyFollowUp from '../../contracts/journey-definitions/examples/emergency-follow-up.json';
import screeningBooking from '../../contracts/journey-definitions/examples/screening-booking.json';
import { journeyDefinitionSchema } from '../../contracts/journey-definitions/definition-schema';
import { afterQuietHours, simulateJourney, type SyntheticPatient } from './simulate';

const definition = journeyDefinitionSchema.parse(screeningBooking);
const startAt = Date.parse('2026-03-06T09:00:00Z'); // 10:00 in Warsaw, 03:00 in Mexico City
const values = { schedulingUrl: 'https://book.example.org' };

const englishSms: SyntheticPatient = {
  language: 'en',
  readingLevel: 'plain',
  timeZone: 'Europe/Warsaw',
  channels: [
    { channel: 'sms', consent: true },
    { channel: 'email', consent: true },
  ],
};
const spanishEmail: SyntheticPatient = {
  language: 'es-MX',
  readingLevel: 'standard',
  timeZone: 'America/Mexico_City',
  channels: [
    { channel: 'email', consent: true },
    { channel: 'sms', consent: false },
  ],
};

describe(simulateJourney.name, () => {
  it('shows an English SMS patient who books on day 5 one message and a booked end', () => {
    const run = simulateJourney({
      definition,
      patient: englishSms,
      startAt,
      values,
      script: [{ day: 5, event: { type: 'appointment-booked', appointmentAt: '2026-03-20T09:00:00Z' } }],
    });
    expect(run.messages).toEqual([
      {
        at: '2026-03-06T09:00:00.000Z',
        step: 'invite',
        node: 'invite',
        key: 'screening-invitation',
        language: 'en',
        readingLevel: 'plain',
        channel: 'sms',
        text: 'Your screening is due. Book: https://book.example.org',
      },
    ]);
    expect(run.tasks).toEqual([]);
    expect(run.final).toEqual({
      status: 'completed',
      stage: 'booked',
      dropOff: false,
      endedAt: '2026-03-11T09:00:00.000Z',
    });
    expect(run.timeline.map((entry) => `${entry.at.slice(0, 10)} ${entry.kind}: ${entry.summary}`)).toEqual([
      '2026-03-06 stage: Enrolled: Book a screening',
      '2026-03-06 message: Sent "screening-invitation" (sms, en)',
      '2026-03-11 event: Appointment booked',
      '2026-03-11 stage: Journey ended: screening booked',
    ]);
  });

  it('holds a Spanish email patient’s message for the quiet hours, then calls when nothing is booked', () => {
    const run = simulateJourney({
      definition,
      patient: spanishEmail,
      startAt,
      values,
      script: [{ day: 16, taskOutcome: { node: 'call-patient', outcome: 'no-answer' } }],
    });
    expect(run.messages).toEqual([
      {
        at: '2026-03-06T14:00:00.000Z', // 08:00 in Mexico City
        heldSince: '2026-03-06T09:00:00.000Z',
        step: 'invite',
        node: 'invite',
        key: 'screening-invitation',
        // No es-MX wording, no standard reading level, no email text: es, plain, any.
        language: 'es',
        readingLevel: 'plain',
        channel: 'email',
        text: 'Es hora de su prueba de detección. Reserve en https://book.example.org o llámenos.',
      },
    ]);
    // The 14-day window starts once the message went out.
    expect(run.tasks).toEqual([
      {
        at: '2026-03-20T14:00:00.000Z',
        step: 'call-patient',
        node: 'call-patient',
        kind: 'call',
        title: 'Call the patient: no screening booked',
        priority: 'routine',
        dueAt: '2026-03-22T14:00:00.000Z',
        completedAt: '2026-03-22T09:00:00.000Z',
        outcome: 'no-answer',
      },
    ]);
    expect(run.final).toMatchObject({ status: 'completed', stage: 'unresponsive', dropOff: true });
  });

  it('renders the wording as a send does: a subject for email, and a value it lacks shown as the problem a send would hit', () => {
    const invite = definition.nodes.find((node) => node.id === 'invite')!;
    const withSubject = {
      ...definition,
      nodes: definition.nodes.map((node) =>
        node === invite && node.kind === 'message'
          ? { ...node, message: { ...node.message, subject: { es: 'Su prueba de detección' } } }
          : node,
      ),
    };
    const [email] = simulateJourney({
      definition: withSubject,
      patient: spanishEmail,
      startAt,
      values,
      script: [],
    }).messages;
    expect(email).toMatchObject({ channel: 'email', subject: 'Su prueba de detección' });

    const [unrendered] = simulateJourney({ definition, patient: englishSms, startAt, script: [] }).messages;
    expect(unrendered).toMatchObject({ text: '', language: 'en', channel: 'sms' });
    expect(unrendered!.renderProblem).toMatch(/"schedulingUrl" not defined/);
  });

  it('raises a staff call for a patient no channel may reach, and goes on', () => {
    const run = simulateJourney({
      definition,
      patient: { ...englishSms, channels: [{ channel: 'sms', consent: false }] },
      startAt,
      script: [],
    });
    expect(run.messages).toEqual([]);
    expect(run.tasks.map((task) => `${task.at.slice(0, 10)} ${task.step}: ${task.title}`)).toEqual([
      '2026-03-06 invite/unreachable: Call the patient: no message channel could reach them',
      '2026-03-20 call-patient: Call the patient: no screening booked',
    ]);
    // Nobody completes the call in the script: the journey is still waiting on it at the horizon.
    expect(run.final).toEqual({ status: 'active', stage: 'calling' });
  });

  it('stops the booking window while the journey is paused', () => {
    const run = simulateJourney({
      definition,
      patient: englishSms,
      startAt,
      script: [
        { day: 3, pause: 'In hospital' },
        { day: 7, resume: 'Home' },
      ],
      months: 1,
    });
    expect(run.tasks[0]?.at).toBe('2026-03-24T09:00:00.000Z'); // day 14 + 4 days paused
  });

  it('previews a journey timed from the enrolment facts, and notes the events it refuses', () => {
    const dischargedAt = new Date(startAt - 2 * 3_600_000).toISOString();
    const run = simulateJourney({
      definition: journeyDefinitionSchema.parse(emergencyFollowUp),
      patient: englishSms,
      startAt,
      facts: { dischargedAt, disposition: 'home', encounterId: 'enc-1' },
      script: [
        { day: 1, event: { type: 'appointment-attended' } },
        { day: 20, event: { type: 'declined' } },
      ],
    });
    // The nudge 48 h after the discharge, the booking prompt two days later; the window closes at 16 days.
    expect(run.messages.map((message) => [message.key, message.at])).toEqual([
      ['emergency-follow-up.nudge', '2026-03-08T07:00:00.000Z'],
      ['emergency-follow-up.booking-prompt', '2026-03-10T07:00:00.000Z'],
    ]);
    expect(run.notes).toEqual([
      'Day 1: appointment-attended refused: No appointment is booked, so appointment-attended does not apply.',
    ]);
    expect(run.final).toMatchObject({ status: 'completed', stage: 'unresponsive' });
  });

  it('[HZ-55] previews a later emergency visit with no disposition as a staff check, not as the first visit\'s "went home"', () => {
    const run = simulateJourney({
      definition: journeyDefinitionSchema.parse(emergencyFollowUp),
      patient: englishSms,
      startAt,
      facts: {
        dischargedAt: new Date(startAt - 2 * 3_600_000).toISOString(),
        disposition: 'home',
        encounterId: 'enc-1',
      },
      script: [
        {
          day: 1,
          event: {
            type: 'emergency-visit',
            encounterId: 'enc-2',
            dischargedAt: new Date(startAt + 20 * 3_600_000).toISOString(),
          },
        },
      ],
      months: 1,
    });
    // Nothing reaches the patient: staff are asked how they left the later visit, and the window closes.
    expect(run.messages).toEqual([]);
    expect(run.tasks.map((task) => task.kind)).toEqual(['disposition-check']);
    expect(run.final).toMatchObject({ status: 'completed', stage: 'unresponsive' });
  });

  it('notes a script line that finds nothing to act on', () => {
    const run = simulateJourney({
      definition,
      patient: englishSms,
      startAt,
      script: [{ day: 2, taskOutcome: { node: 'call-patient', outcome: 'booked' } }],
      months: 1,
    });
    expect(run.notes).toEqual(['Day 2: no open task at call-patient for the outcome "booked"']);
  });
});

describe(afterQuietHours.name, () => {
  it('keeps a daytime send and moves a night one to 08:00 local, across a DST change', () => {
    expect(afterQuietHours(Date.parse('2026-03-06T12:00:00Z'), 'Europe/Warsaw')).toBe(
      Date.parse('2026-03-06T12:00:00Z'),
    );
    // 22:30 on the Saturday before summer time in Warsaw: 08:00 CEST on Sunday is 06:00 UTC.
    expect(afterQuietHours(Date.parse('2026-03-28T21:30:00Z'), 'Europe/Warsaw')).toBe(
      Date.parse('2026-03-29T06:00:00Z'),
    );
  });
});
