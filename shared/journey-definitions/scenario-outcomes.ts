import type { JourneyDefinition } from '../../contracts/journey-definitions/definition-schema';
import type { Scenario } from '../../contracts/journey-definitions/scenario-schema';
import { runScenario } from './run-scenario';
import type { SimulationResult } from './simulate';

/*
 * Every saved scenario, run on two definitions (the latest published version and the draft): did
 * what the synthetic patient would experience change, and how? Messages, tasks and deadlines are
 * matched by their step (or deadline id), so a reworded message is "changed", not "removed and
 * added". Pure: the publish check in the API and the designer's preview page run the same code.
 */

export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
}

export interface ItemChange {
  /** The step (`invite`, `remind-2`) or deadline id it is matched by. */
  id: string;
  /** What a designer reads: a message's key, a task's title, a deadline's label. */
  label: string;
  changes: FieldChange[];
}

export interface OutcomeItem {
  id: string;
  label: string;
  at: string;
}

export interface ListChanges {
  added: OutcomeItem[];
  removed: OutcomeItem[];
  changed: ItemChange[];
}

export interface ScenarioOutcome {
  name: string;
  /** `new`: there is no published version to compare with; `failed`: a run threw (the reason in `problem`). */
  verdict: 'unchanged' | 'changed' | 'new' | 'failed';
  messages: ListChanges;
  tasks: ListChanges;
  deadlines: ListChanges;
  final?: { before: string; after: string };
  problem?: string;
}

/** Fields compared per kind: what the patient or staff would notice. */
const messageFields = ['at', 'channel', 'language', 'text', 'subject', 'heldSince', 'renderProblem'] as const;
const taskFields = ['at', 'title', 'priority', 'dueAt', 'outcome'] as const;
const deadlineFields = ['label', 'dueAt', 'status', 'warnedAt', 'breachedAt', 'metAt'] as const;

/** The draft's scenarios, each run on `published` (none yet: `new`) and on `draft`. */
export function scenarioOutcomes(
  published: JourneyDefinition | undefined,
  draft: JourneyDefinition,
): ScenarioOutcome[] {
  return (draft.scenarios ?? []).map((scenario) => scenarioOutcome(published, draft, scenario));
}

export function scenarioOutcome(
  published: JourneyDefinition | undefined,
  draft: JourneyDefinition,
  scenario: Scenario,
): ScenarioOutcome {
  const none: ListChanges = { added: [], removed: [], changed: [] };
  const empty = { name: scenario.name, messages: none, tasks: none, deadlines: none };
  let before: SimulationResult | undefined;
  let after: SimulationResult;
  try {
    before = published && runScenario(published, scenario);
    after = runScenario(draft, scenario);
  } catch (error) {
    return { ...empty, verdict: 'failed', problem: (error as Error).message };
  }
  if (!before) return { ...empty, verdict: 'new' };
  return compareRuns(scenario.name, before, after);
}

/** What differs between two runs of the same scenario. */
export function compareRuns(
  name: string,
  before: SimulationResult,
  after: SimulationResult,
): ScenarioOutcome {
  const messages = compareLists(
    before.messages,
    after.messages,
    (message) => message.step,
    (message) => message.key,
    messageFields,
  );
  const tasks = compareLists(
    before.tasks,
    after.tasks,
    (task) => task.step,
    (task) => task.title,
    taskFields,
  );
  const deadlines = compareLists(
    before.deadlines,
    after.deadlines,
    (deadline) => deadline.id,
    (deadline) => deadline.label,
    deadlineFields,
  );
  const finalBefore = finalText(before.final);
  const finalAfter = finalText(after.final);
  const final = finalBefore === finalAfter ? undefined : { before: finalBefore, after: finalAfter };
  const changed =
    final !== undefined ||
    [messages, tasks, deadlines].some(
      (list) => list.added.length + list.removed.length + list.changed.length > 0,
    );
  return {
    name,
    verdict: changed ? 'changed' : 'unchanged',
    messages,
    tasks,
    deadlines,
    ...(final ? { final } : {}),
  };
}

function compareLists<T extends { at?: string; dueAt?: string }>(
  before: readonly T[],
  after: readonly T[],
  idOf: (item: T) => string,
  labelOf: (item: T) => string,
  fields: readonly (keyof T & string)[],
): ListChanges {
  const item = (entry: T): OutcomeItem => ({
    id: idOf(entry),
    label: labelOf(entry),
    at: entry.at ?? entry.dueAt ?? '',
  });
  const old = new Map(before.map((entry) => [idOf(entry), entry]));
  const now = new Map(after.map((entry) => [idOf(entry), entry]));
  const changes: ListChanges = { added: [], removed: [], changed: [] };
  for (const [id, entry] of now) {
    const previous = old.get(id);
    if (!previous) {
      changes.added.push(item(entry));
      continue;
    }
    const fieldChanges = fields.flatMap((field): FieldChange[] => {
      const was = textOf(previous[field]);
      const is = textOf(entry[field]);
      if (was === is) return [];
      return [
        { field, ...(was === undefined ? {} : { before: was }), ...(is === undefined ? {} : { after: is }) },
      ];
    });
    if (fieldChanges.length > 0) changes.changed.push({ id, label: labelOf(entry), changes: fieldChanges });
  }
  for (const [id, entry] of old) if (!now.has(id)) changes.removed.push(item(entry));
  return changes;
}

function textOf(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

function finalText(final: SimulationResult['final']): string {
  const dropOff = final.dropOff ? ', dropped off' : '';
  return `${final.status} at ${final.stage}${dropOff}${final.endedAt ? ` (${final.endedAt})` : ''}`;
}
