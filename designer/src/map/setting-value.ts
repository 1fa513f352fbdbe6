/*
 * What a node's program setting is set to, in a few words under the node's label. Program
 * settings carry their unit in the key (`coreIntervalDays: 7`, `reminderLeadHours: 48`), so the
 * key decides how a number reads.
 */

const TIME_UNIT = /(minute|hour|day|week|month|year)s(?=[A-Z]|$)/i;
const MG_PER_DL = /MgDl$/;
const SHORT_LIST_LENGTH = 3;

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

type Primitive = string | number | boolean;

/**
 * `settings` are the resolved program settings; without them, or when the value is a structure
 * (an escalation plan, deadline profiles), the map can only say which setting tunes the node.
 */
export function describeSetting(path: string, settings: Record<string, unknown> | undefined): string {
  const value = settings === undefined ? undefined : valueAt(settings, path);
  const key = path.split('.').at(-1) ?? path;
  if (isPrimitive(value)) return describeValue(key, value);
  if (isShortList(value)) return `${spokenKey(key)}: ${value.map(formatPrimitive).join(', ')}`;
  return `Setting: ${path}`;
}

export function valueAt(settings: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined,
      settings,
    );
}

function describeValue(key: string, value: Primitive): string {
  if (typeof value === 'number') {
    const unit = TIME_UNIT.exec(key)?.[1]?.toLowerCase();
    // A duration says enough by itself under "Until the next core session".
    if (unit) return `${numberFormat.format(value)} ${value === 1 ? unit : `${unit}s`}`;
    if (MG_PER_DL.test(key))
      return `${spokenKey(key.replace(MG_PER_DL, ''))}: ${numberFormat.format(value)} mg/dL`;
  }
  return `${spokenKey(key)}: ${formatPrimitive(value)}`;
}

function formatPrimitive(value: Primitive): string {
  if (typeof value === 'number') return numberFormat.format(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

/** `coreSessions` → `core sessions`. */
function spokenKey(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function isPrimitive(value: unknown): value is Primitive {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isShortList(value: unknown): value is Primitive[] {
  return (
    Array.isArray(value) && value.length > 0 && value.length <= SHORT_LIST_LENGTH && value.every(isPrimitive)
  );
}
