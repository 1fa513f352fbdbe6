/*
 * Decisions are JSON Logic (jsonlogic.com) rules, interpreted by json-logic-js: data, never code,
 * never `eval`. Only the operations below may appear (json-logic-js also has `log`, which writes
 * to the console: not in a workflow), and `var` reads only the four roots a decision is given.
 */

export const allowedOperations = [
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'or',
  'and',
  '>',
  '>=',
  '<',
  '<=',
  'max',
  'min',
  '+',
  '-',
  '*',
  '/',
  '%',
  'in',
  'cat',
  'substr',
  'some',
  'all',
  'none',
  'map',
  'filter',
  'reduce',
  'merge',
] as const;

/**
 * What a decision reads: `facts.<name>` (set by events), `settings.<name>` (the program's
 * settings), `outcomes.<node>` (what a wait, task or message node ended with: an event type,
 * `timeout`, a staff outcome, `sent` or `unreachable`), `journey.daysSinceStart`.
 */
export const decisionRoots = ['facts', 'settings', 'outcomes', 'journey'] as const;

/** What an event's refusal rule reads: the event itself (`event.<field>`) besides a decision's data. */
export const refusalRoots = ['event', ...decisionRoots] as const;

const allowed = new Set<string>(allowedOperations);
/** Operations whose `var` reads an array element (`some`, `map`, ...): their paths are relative. */
const scoped = new Set(['some', 'all', 'none', 'map', 'filter', 'reduce']);

/** Readable problems with a rule: unknown operations and `var` paths outside the decision's data. */
export function ruleProblems(rule: unknown, roots: readonly string[] = decisionRoots): string[] {
  const problems: string[] = [];
  visit(rule, false);
  return [...new Set(problems)];

  function visit(value: unknown, insideScope: boolean): void {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, insideScope);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const keys = Object.keys(value);
    if (keys.length !== 1) {
      problems.push(`an operation is written as an object with exactly one key, not ${keys.length}`);
      return;
    }
    const operation = keys[0]!;
    const argument = (value as Record<string, unknown>)[operation];
    if (!allowed.has(operation)) {
      problems.push(`"${operation}" is not an operation decisions may use`);
      return;
    }
    if (operation === 'var' && !insideScope) checkPath(argument);
    if (scoped.has(operation) && Array.isArray(argument)) {
      visit(argument[0], insideScope);
      for (const rest of argument.slice(1)) visit(rest, true);
      return;
    }
    visit(argument, insideScope);
  }

  function checkPath(argument: unknown): void {
    const path = Array.isArray(argument) ? argument[0] : argument;
    if (typeof path !== 'string') return;
    const root = path.split('.')[0]!;
    if (!roots.includes(root)) {
      problems.push(`"${path}" reads nothing: a path starts with ${roots.join(', ')}`);
    }
  }
}
