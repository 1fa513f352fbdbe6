/*
 * The difference between two versions of a journey definition, as a designer reads it: nodes,
 * stages, events and program settings added, removed or changed (matched by id, not by their
 * place in the list), saved scenarios apart, each change a path with the value before and after. Pure and
 * dependency-free, so the designer can diff a draft in the browser the same way.
 */

/** One changed value, at a path inside the item (`message.wording.es.plain.sms`, `branches[0].next`). */
export interface ValueChange {
  path: string;
  /** Absent when the value was added. */
  before?: unknown;
  /** Absent when the value was removed. */
  after?: unknown;
}

export interface DiffItem {
  id: string;
  label?: string;
  /** A node's kind; a setting's type. */
  kind?: string;
}

export interface ChangedItem extends DiffItem {
  changes: ValueChange[];
}

export interface ItemChanges {
  added: DiffItem[];
  removed: DiffItem[];
  changed: ChangedItem[];
}

export interface DefinitionDiff {
  /** Nothing differs but the version number. */
  identical: boolean;
  /**
   * Something a patient or staff could notice differs: anything but the saved scenarios (which
   * only test the definition; the interpreter never reads them) and the version number.
   */
  behaviourChanged: boolean;
  /** Top-level fields: title, description, languages, start. */
  fields: ValueChange[];
  nodes: ItemChanges;
  stages: ItemChanges;
  events: ItemChanges;
  settings: ItemChanges;
  /** Saved scenarios, by name: shown apart, as they change no patient's journey. */
  scenarios: ItemChanges;
}

type Json = unknown;
type Item = Record<string, Json>;

const keyedLists = new Set(['nodes', 'stages', 'events', 'scenarios']);

/** What changed from `before` to `after`. Both are definitions as stored (a draft may be unfinished). */
export function diffDefinitions(before: Json, after: Json): DefinitionDiff {
  // Moving a node on the map changes no patient's journey: positions are not differences.
  const from = asObject(withoutLayout(before));
  const to = asObject(withoutLayout(after));
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])]
    .filter((key) => key !== 'version' && key !== 'settings' && !keyedLists.has(key))
    .sort(fieldOrder)
    .flatMap((key) => valueChanges(from[key], to[key], key));
  const nodes = diffKeyed(listOf(from.nodes), listOf(to.nodes), 'id');
  const stages = diffKeyed(listOf(from.stages), listOf(to.stages), 'id');
  const events = diffKeyed(listOf(from.events), listOf(to.events), 'type');
  const settings = diffKeyed(settingsList(from.settings), settingsList(to.settings), 'name');
  const scenarios = diffKeyed(listOf(from.scenarios), listOf(to.scenarios), 'name');
  const behaviourChanged = fields.length > 0 || [nodes, stages, events, settings].some(hasChanges);
  return {
    identical: !behaviourChanged && !hasChanges(scenarios),
    behaviourChanged,
    fields,
    nodes,
    stages,
    events,
    settings,
    scenarios,
  };
}

function hasChanges(list: ItemChanges): boolean {
  return list.added.length + list.removed.length + list.changed.length > 0;
}

/** The definition without where its nodes were drawn: what diffs and publish-equality compare. */
export function withoutLayout<T>(definition: T): T {
  if (typeof definition !== 'object' || definition === null) return definition;
  const nodes = (definition as { nodes?: unknown }).nodes;
  if (!Array.isArray(nodes)) return definition;
  return {
    ...definition,
    nodes: nodes.map((node: unknown) => {
      if (typeof node !== 'object' || node === null || !('position' in node)) return node;
      const { position: _position, ...rest } = node as Record<string, unknown>;
      return rest;
    }),
  };
}

/** Whether two JSON values are the same, whatever the order of their object keys. */
export function sameJson(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((value, index) => sameJson(value, b[index]))
    );
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a).filter((key) => a[key] !== undefined);
  const otherKeys = Object.keys(b).filter((key) => b[key] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => key in b && sameJson(a[key], b[key]));
}

/**
 * The leaf-level changes between two values under `path`: objects are compared key by key,
 * arrays of the same length item by item; anything else (an array that grew or shrank, a value
 * whose type changed) is one change of the whole value.
 */
export function valueChanges(before: Json, after: Json, path: string): ValueChange[] {
  if (sameJson(before, after)) return [];
  if (before === undefined) return [{ path, after }];
  if (after === undefined) return [{ path, before }];
  if (isObject(before) && isObject(after)) {
    return [...new Set([...Object.keys(before), ...Object.keys(after)])].flatMap((key) =>
      valueChanges(before[key], after[key], `${path}.${key}`),
    );
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((value, index) => valueChanges(value, after[index], `${path}[${index}]`));
  }
  return [{ path, before, after }];
}

function diffKeyed(before: Item[], after: Item[], key: string): ItemChanges {
  const byKey = (items: Item[]) => {
    const map = new Map<string, Item>();
    // A draft may hold an id twice (the validator says so): the first one counts here.
    for (const item of items) {
      const id = item[key];
      if (typeof id === 'string' && !map.has(id)) map.set(id, item);
    }
    return map;
  };
  const old = byKey(before);
  const now = byKey(after);
  const changes: ItemChanges = { added: [], removed: [], changed: [] };
  for (const [id, item] of now) {
    const previous = old.get(id);
    if (!previous) {
      changes.added.push(describe(id, item, key));
      continue;
    }
    const { [key]: _oldKey, ...oldRest } = previous;
    const { [key]: _newKey, ...newRest } = item;
    const itemChanges = [...new Set([...Object.keys(oldRest), ...Object.keys(newRest)])].flatMap((field) =>
      valueChanges(oldRest[field], newRest[field], field),
    );
    if (itemChanges.length > 0) changes.changed.push({ ...describe(id, item, key), changes: itemChanges });
  }
  for (const [id, item] of old) {
    if (!now.has(id)) changes.removed.push(describe(id, item, key));
  }
  return changes;
}

/** An item by its id, label (or title) and kind (or type, unless that is its id, as an event's). */
function describe(id: string, item: Item, key: string): DiffItem {
  const text = (field: string) =>
    field !== key && typeof item[field] === 'string' ? item[field] : undefined;
  const label = text('label') ?? text('title');
  const kind = text('kind') ?? text('type');
  return { id, ...(label === undefined ? {} : { label }), ...(kind === undefined ? {} : { kind }) };
}

/** Settings are a map by name: as a list of items keyed by `name`, like the others. */
function settingsList(settings: Json): Item[] {
  return Object.entries(asObject(settings)).map(([name, declaration]) => ({
    ...asObject(declaration),
    name,
  }));
}

const topFieldOrder = ['id', 'title', 'description', 'languages', 'start'];
function fieldOrder(a: string, b: string): number {
  const rank = (key: string) => {
    const index = topFieldOrder.indexOf(key);
    return index === -1 ? topFieldOrder.length : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

function listOf(value: Json): Item[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function asObject(value: Json): Item {
  return isObject(value) ? value : {};
}

function isObject(value: Json): value is Item {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
