/*
 * Text that stands for a non-text setting while it is typed. A value that cannot be read yet is
 * kept as typed, so the draft never silently differs from the screen: validation then names it.
 */

/** An empty number input means "no value"; the API says the number is required. */
export function parseNumberInput(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

export function formatListText(items: readonly unknown[]): string {
  return items.map(String).join(', ');
}

export function parseListText(text: string, itemType: 'number' | 'string'): unknown[] {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (itemType === 'string') return items;
  return items.map((item) => (Number.isFinite(Number(item)) ? Number(item) : item));
}

export function formatStructuredText(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

export type StructuredText = { readable: true; value: unknown } | { readable: false; value: string };

export function parseStructuredText(text: string): StructuredText {
  try {
    return { readable: true, value: JSON.parse(text) as unknown };
  } catch {
    return { readable: false, value: text };
  }
}
