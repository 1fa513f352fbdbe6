import type { FieldError } from '../api';
import { humanizeKey } from './setting-fields';

/** Problems the API reported, placed on the field they concern; the rest concern the draft as a whole. */
export interface PlacedProblems {
  byPath: ReadonlyMap<string, readonly string[]>;
  /** The same problems by the exact path the API named, so a row's field can show its own. */
  atPath: ReadonlyMap<string, readonly string[]>;
  general: readonly string[];
}

export const NO_PROBLEMS: PlacedProblems = { byPath: new Map(), atPath: new Map(), general: [] };

/**
 * "1.afterDays" → "row 2": where inside a list leaf the problem is. The API's sentence names the
 * field by its title already; without a row, the keys say where inside an object leaf it is.
 */
function describeInside(rest: string): string {
  const keys = rest.split('.');
  const rows = keys.filter((key) => /^\d+$/.test(key));
  if (rows.length > 0) return rows.map((key) => `row ${Number(key) + 1}`).join(' › ');
  return keys.map((key) => humanizeKey(key).toLowerCase()).join(' › ');
}

/**
 * The API names fields as "settings.<path>" (zod issue paths); a problem deep inside an array
 * leaf ("settings.escalation.steps.1.afterDays") belongs to that leaf, and says where inside it.
 */
export function placeProblems(errors: readonly FieldError[], paths: readonly string[]): PlacedProblems {
  const byPath = new Map<string, string[]>();
  const atPath = new Map<string, string[]>();
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
    atPath.set(target, [...(atPath.get(target) ?? []), message]);
    const inside = target.slice(path.length + 1);
    byPath.set(path, [
      ...(byPath.get(path) ?? []),
      inside ? `${describeInside(inside)}: ${message}` : message,
    ]);
  }
  return { byPath, atPath, general };
}

/** Problems once a field was edited: its own are out of date, the others still stand. */
export function withoutProblemsOf(problems: PlacedProblems, path: string): PlacedProblems {
  if (!problems.byPath.has(path)) return problems;
  const byPath = new Map(problems.byPath);
  byPath.delete(path);
  const atPath = new Map(
    [...problems.atPath].filter(([target]) => target !== path && !target.startsWith(`${path}.`)),
  );
  return { byPath, atPath, general: problems.general };
}

export function problemCount(problems: PlacedProblems): number {
  let count = problems.general.length;
  for (const messages of problems.byPath.values()) count += messages.length;
  return count;
}
