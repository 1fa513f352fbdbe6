import type { FieldError } from '../api';
import { humanizeKey } from './setting-fields';

/** Problems the API reported, placed on the field they concern; the rest concern the draft as a whole. */
export interface PlacedProblems {
  byPath: ReadonlyMap<string, readonly string[]>;
  general: readonly string[];
}

export const NO_PROBLEMS: PlacedProblems = { byPath: new Map(), general: [] };

/** "1.afterDays" → "item 2 › after days": where inside a list or object leaf the problem is. */
function describeInside(rest: string): string {
  return rest
    .split('.')
    .map((key) => (/^\d+$/.test(key) ? `item ${Number(key) + 1}` : humanizeKey(key).toLowerCase()))
    .join(' › ');
}

/**
 * The API names fields as "settings.<path>" (zod issue paths); a problem deep inside an array
 * leaf ("settings.escalation.steps.1.afterDays") belongs to that leaf, and says where inside it.
 */
export function placeProblems(errors: readonly FieldError[], paths: readonly string[]): PlacedProblems {
  const byPath = new Map<string, string[]>();
  const general: string[] = [];
  for (const { field, message } of errors) {
    const target = field?.replace(/^settings(\.|$)/, '') ?? '';
    const path = target
      ? paths
          .filter((candidate) => target === candidate || target.startsWith(`${candidate}.`))
          .sort((a, b) => b.length - a.length)[0]
      : undefined;
    if (path === undefined) {
      general.push(target ? `${target}: ${message}` : message);
      continue;
    }
    const inside = target.slice(path.length + 1);
    byPath.set(path, [
      ...(byPath.get(path) ?? []),
      inside ? `${describeInside(inside)}: ${message}` : message,
    ]);
  }
  return { byPath, general };
}

/** Problems once a field was edited: its own are out of date, the others still stand. */
export function withoutProblemsOf(problems: PlacedProblems, path: string): PlacedProblems {
  if (!problems.byPath.has(path)) return problems;
  const byPath = new Map(problems.byPath);
  byPath.delete(path);
  return { byPath, general: problems.general };
}

export function problemCount(problems: PlacedProblems): number {
  let count = problems.general.length;
  for (const messages of problems.byPath.values()) count += messages.length;
  return count;
}
