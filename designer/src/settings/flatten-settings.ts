import type { SettingsObject } from './settings-api';

/**
 * Settings as a flat list of leaves with dotted paths ("escalation.closeAfterDays"), so each
 * leaf can get one input and one row in a diff. Arrays are leaves as a whole: their items are
 * edited together (a channel order is one setting, not one per position). Settings keys never
 * contain dots (they are zod object keys in camel or kebab case), so a dotted path is unambiguous.
 */
export interface SettingsLeaf {
  path: string;
  value: unknown;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function flattenSettings(settings: SettingsObject): SettingsLeaf[] {
  return Object.entries(settings).flatMap(([key, value]) => leavesOf(key, value));
}

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** `{ en: '...', es: '...' }`: one patient-facing text given per language, so one setting. */
export function isPerLanguageText(value: unknown): value is Record<string, string> {
  if (!isPlainObject(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length > 0 && entries.every(([key, text]) => LANGUAGE_TAG.test(key) && typeof text === 'string')
  );
}

function leavesOf(path: string, value: unknown): SettingsLeaf[] {
  // An empty object stays a leaf: flattening it would lose it, and rebuilding would drop the key.
  if (!isPlainObject(value) || Object.keys(value).length === 0 || isPerLanguageText(value)) {
    return [{ path, value }];
  }
  return Object.entries(value).flatMap(([key, child]) => leavesOf(`${path}.${key}`, child));
}

/** The inverse of flattenSettings: nested objects rebuilt from dotted paths, in leaf order. */
export function rebuildSettings(leaves: Iterable<SettingsLeaf>): SettingsObject {
  const root: SettingsObject = {};
  for (const { path, value } of leaves) {
    const keys = path.split('.');
    const last = keys.pop()!;
    let node = root;
    for (const key of keys) {
      const child = node[key];
      node = isPlainObject(child) ? child : (node[key] = {});
    }
    node[last] = value;
  }
  return root;
}

export function leavesToMap(leaves: readonly SettingsLeaf[]): Map<string, unknown> {
  return new Map(leaves.map((leaf) => [leaf.path, leaf.value]));
}

export function mapToLeaves(values: ReadonlyMap<string, unknown>): SettingsLeaf[] {
  return [...values].map(([path, value]) => ({ path, value }));
}
