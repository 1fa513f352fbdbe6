import {
  journeyDefinitionSchema,
  type JourneyDefinition,
} from '../contracts/journey-definitions/definition-schema';
import { validateDefinition } from '../contracts/journey-definitions/validate-definition';
import { simulateJourney, type ScriptLine } from '../shared/journey-definitions/simulate';
import { summarize, type LatencySummary } from './percentiles';

/*
 * The designer's preview (issue 22): a 12-month definition run for one synthetic patient with 50
 * scripted events, in the simulator, entirely in this process. The target is well under a second.
 * A weekly check-in: a reminder, a wait for the week's reading (timeout a week), a decision on the
 * reading, a staff review for a high one, until the year is over.
 */

export interface DefinitionSimulation {
  months: number;
  scriptedEvents: number;
  /** Reducer inputs one run takes (events, timers, message results, task outcomes). */
  inputsPerRun: number;
  messagesPerRun: number;
  tasksPerRun: number;
  outcome: string;
  /** The first run: module and JIT warm-up included. */
  firstRunMs: number;
  runs: number;
  runMs: LatencySummary;
}

const RUNS = 50;

export function measureDefinitionSimulator(): DefinitionSimulation {
  const definition = weeklyCheckIn();
  const problems = validateDefinition(definition);
  if (problems.length > 0) throw new Error(`The bench definition is not valid: ${problems[0]!.message}`);
  const request = {
    definition,
    patient: {
      language: 'es-MX',
      readingLevel: 'plain' as const,
      timeZone: 'America/Mexico_City',
      channels: [
        { channel: 'sms' as const, consent: true },
        { channel: 'email' as const, consent: true },
      ],
    },
    script: script(),
    startAt: Date.parse('2026-01-05T15:00:00Z'),
    months: 12,
  };
  const firstBegan = performance.now();
  const first = simulateJourney(request);
  const firstRunMs = performance.now() - firstBegan;
  const latencies: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const began = performance.now();
    simulateJourney(request);
    latencies.push(performance.now() - began);
  }
  return {
    months: 12,
    scriptedEvents: request.script.length,
    inputsPerRun: first.inputs,
    messagesPerRun: first.messages.length,
    tasksPerRun: first.tasks.length,
    outcome: `${first.final.status} / ${first.final.stage}`,
    firstRunMs: Math.round(firstRunMs * 100) / 100,
    runs: RUNS,
    runMs: summarize(latencies),
  };
}

/** 50 lines: readings most weeks (every sixth high), the reviews' outcomes, and a pause. */
function script(): ScriptLine[] {
  const lines: ScriptLine[] = [];
  for (let week = 0; lines.length < 48; week++) {
    if (week % 9 === 8) continue; // a missed week: the wait times out
    // A high reading brings a staff review and its outcome: two lines, if both still fit.
    const high = week % 6 === 5 && lines.length <= 46;
    lines.push({ day: week * 7 + 2, event: { type: 'reading-logged', value: high ? 190 : 110 } });
    if (high) lines.push({ day: week * 7 + 3, taskOutcome: { node: 'review', outcome: 'reviewed' } });
  }
  return [...lines, { day: 100, pause: 'Travelling' }, { day: 110, resume: 'Back home' }];
}

function weeklyCheckIn(): JourneyDefinition {
  const wording = (en: string, es: string) => ({ en: { plain: { any: en } }, es: { plain: { any: es } } });
  return journeyDefinitionSchema.parse({
    id: 'weekly-check-in',
    version: 1,
    title: 'Weekly check-in (bench)',
    languages: ['en', 'es'],
    settings: {
      checkInEvery: { type: 'duration', title: 'Check-in window', default: { amount: 7, unit: 'days' } },
      highReading: { type: 'number', title: 'High reading (mg/dL)', default: 180 },
      // Within the 12 simulated months, ten days of them paused.
      programDays: { type: 'number', title: 'Program length (days)', default: 340 },
    },
    events: [
      {
        type: 'reading-logged',
        label: 'Reading logged',
        fields: { value: 'number' },
        facts: { lastReading: 'value' },
      },
    ],
    stages: [{ id: 'checking-in', label: 'Checking in' }],
    start: 'remind',
    nodes: [
      {
        id: 'remind',
        kind: 'message',
        label: 'Weekly reminder',
        stage: 'checking-in',
        message: {
          key: 'weekly-reminder',
          wording: wording('Please log this week’s reading.', 'Registre su lectura de esta semana.'),
        },
        next: 'wait-reading',
      },
      {
        id: 'wait-reading',
        kind: 'wait',
        label: 'Wait for the reading',
        events: [{ event: 'reading-logged', next: 'high' }],
        timeout: { after: { setting: 'checkInEvery' }, next: 'year-over' },
      },
      {
        id: 'high',
        kind: 'decision',
        label: 'High reading?',
        branches: [
          {
            label: 'High',
            when: { '>=': [{ var: 'facts.lastReading' }, { var: 'settings.highReading' }] },
            next: 'review',
          },
        ],
        otherwise: 'week',
      },
      {
        id: 'review',
        kind: 'task',
        label: 'Review a high reading',
        task: {
          kind: 'review',
          title: 'Review a high reading',
          priority: 'urgent',
          dueWithin: { amount: 1, unit: 'days' },
        },
        outcomes: [{ outcome: 'reviewed', next: 'week' }],
        otherwise: 'week',
      },
      {
        id: 'week',
        kind: 'timer',
        label: 'Rest of the week',
        clock: { after: { amount: 4, unit: 'days' } },
        next: 'year-over',
      },
      {
        id: 'year-over',
        kind: 'decision',
        label: 'Year over?',
        branches: [
          {
            label: 'Over',
            when: { '>=': [{ var: 'journey.daysSinceStart' }, { var: 'settings.programDays' }] },
            next: 'done',
          },
        ],
        otherwise: 'remind',
      },
      { id: 'done', kind: 'end', label: 'Done', summary: 'Journey ended: the year is over', dropOff: false },
    ],
  });
}
