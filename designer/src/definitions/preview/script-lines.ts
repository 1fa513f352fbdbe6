import type { JourneyDefinition } from '../../../../contracts/journey-definitions/definition-schema';
import type { ScenarioLine } from '../../../../contracts/journey-definitions/scenario-schema';

/*
 * The script as a designer writes and reads it: "Day 5, 14:00: Appointment booked (appointmentAt
 * 2026-03-20)". Nothing happening is no line at all, so "no reading for 3 days" needs none.
 */

export type LineKind = 'event' | 'taskOutcome' | 'pause' | 'resume' | 'cancel';

export interface LineDraft {
  kind: LineKind;
  day: number;
  hour: number;
  eventType: string;
  fields: Record<string, string>;
  taskNode: string;
  outcome: string;
  reason: string;
}

/** Task nodes and the outcomes staff may choose there ("no-answer" is always one). */
export function taskChoices(
  definition: JourneyDefinition,
): { node: string; label: string; outcomes: string[] }[] {
  return definition.nodes.flatMap((node) =>
    node.kind === 'task'
      ? [
          {
            node: node.id,
            label: node.label,
            outcomes: [...new Set([...node.outcomes.map((edge) => edge.outcome), 'no-answer'])],
          },
        ]
      : [],
  );
}

export function emptyLine(definition: JourneyDefinition): LineDraft {
  const task = taskChoices(definition)[0];
  return {
    kind: definition.events.length > 0 ? 'event' : 'pause',
    day: 1,
    hour: 9,
    eventType: definition.events[0]?.type ?? '',
    fields: {},
    taskNode: task?.node ?? '',
    outcome: task?.outcomes[0] ?? '',
    reason: '',
  };
}

/** The line the draft describes, or why it is not one yet. */
export function lineOf(draft: LineDraft, definition: JourneyDefinition): ScenarioLine | { problem: string } {
  const when = { day: draft.day, hour: draft.hour };
  switch (draft.kind) {
    case 'event': {
      const declared = definition.events.find((event) => event.type === draft.eventType);
      if (!declared) return { problem: 'Choose an event the journey hears.' };
      const fields: Record<string, string | number | boolean> = {};
      for (const [name, type] of Object.entries(declared.fields ?? {})) {
        const text = (draft.fields[name] ?? '').trim();
        if (!text) continue;
        if (type === 'number') {
          const value = Number(text);
          if (!Number.isFinite(value)) return { problem: `${name} must be a number.` };
          fields[name] = value;
        } else if (type === 'boolean') fields[name] = text === 'true';
        else if (type === 'date') {
          if (Number.isNaN(Date.parse(text))) return { problem: `${name} must be a date.` };
          fields[name] = new Date(text).toISOString();
        } else fields[name] = text;
      }
      return { ...when, event: { type: declared.type, ...fields } };
    }
    case 'taskOutcome':
      if (!draft.taskNode || !draft.outcome) return { problem: 'Choose a staff task and its outcome.' };
      return { ...when, taskOutcome: { node: draft.taskNode, outcome: draft.outcome } };
    default:
      if (!draft.reason.trim()) return { problem: 'Give a reason.' };
      return { ...when, [draft.kind]: draft.reason.trim() } as ScenarioLine;
  }
}

/** "Day 5, 14:00: Appointment booked (appointmentAt 2026-03-20T09:00:00.000Z)". */
export function describeLine(line: ScenarioLine, definition: JourneyDefinition): string {
  const when = `Day ${line.day}, ${String(line.hour ?? 9).padStart(2, '0')}:00`;
  if ('event' in line) {
    const { type, ...fields } = line.event;
    const label = definition.events.find((event) => event.type === type)?.label ?? type;
    const detail = Object.entries(fields).map(([name, value]) => `${name} ${String(value)}`);
    return `${when}: ${label}${detail.length > 0 ? ` (${detail.join(', ')})` : ''}`;
  }
  if ('taskOutcome' in line) {
    const task = definition.nodes.find((node) => node.id === line.taskOutcome.node);
    return `${when}: staff finish “${task?.label ?? line.taskOutcome.node}” with ${line.taskOutcome.outcome}`;
  }
  if ('pause' in line) return `${when}: paused (${line.pause})`;
  if ('resume' in line) return `${when}: resumed (${line.resume})`;
  return `${when}: cancelled (${line.cancel})`;
}
