import { flattenSettings, isPlainObject, rebuildSettings } from './flatten-settings';
import type { SettingsObject } from './settings-api';

/** One leaf that differs; `undefined` on a side means the leaf is absent there. */
export interface SettingChange {
  path: string;
  published: unknown;
  draft: unknown;
}

/** The leaves that differ between two settings objects, published order first, then new ones. */
export function diffSettings(published: SettingsObject, draft: SettingsObject): SettingChange[] {
  const before = new Map(flattenSettings(published).map((leaf) => [leaf.path, leaf.value]));
  const after = new Map(flattenSettings(draft).map((leaf) => [leaf.path, leaf.value]));
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths]
    .map((path) => ({ path, published: before.get(path), draft: after.get(path) }))
    .filter((change) => !sameSettingValue(change.published, change.draft));
}

/** Structural equality of JSON values; array order matters (a channel order is its order). */
export function sameSettingValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameSettingValue(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && sameSettingValue(a[key], b[key]))
    );
  }
  return false;
}

/**
 * A draft's changes carried onto newer settings (after someone else published meanwhile): each
 * changed leaf the newer settings still have takes the draft's value; every other leaf is theirs.
 */
export function applyChanges(settings: SettingsObject, changes: readonly SettingChange[]): SettingsObject {
  const edited = new Map(changes.map((change) => [change.path, change.draft]));
  return rebuildSettings(
    flattenSettings(settings).map((leaf) =>
      edited.has(leaf.path) ? { path: leaf.path, value: edited.get(leaf.path) } : leaf,
    ),
  );
}
