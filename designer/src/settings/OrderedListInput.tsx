import { useEffect, useRef } from 'react';
import { FieldName } from './FieldName';
import type { SettingField } from './setting-fields';
import type { ControlAttributes } from './SettingInput';

interface OrderedListInputProps {
  field: SettingField;
  items: readonly string[];
  control: ControlAttributes;
  onChange: (items: string[]) => void;
}

type Direction = 'up' | 'down';

/** A list whose order is the setting (a channel order): items move, one place at a time. */
export function OrderedListInput({ field, items, control, onChange }: OrderedListInputProps) {
  const keys = itemKeys(items);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  // React may re-insert the moved item's node, which drops focus: put it back on the same button.
  const focusAfterMove = useRef<{ key: string; direction: Direction }>(undefined);

  useEffect(() => {
    const request = focusAfterMove.current;
    if (!request) return;
    focusAfterMove.current = undefined;
    const same = buttons.current.get(`${request.key}:${request.direction}`);
    const other = buttons.current.get(`${request.key}:${request.direction === 'up' ? 'down' : 'up'}`);
    (same && !same.disabled ? same : other)?.focus();
  }, [items]);

  function move(index: number, direction: Direction): void {
    const target = direction === 'up' ? index - 1 : index + 1;
    const next = [...items];
    [next[index], next[target]] = [next[target]!, next[index]!];
    focusAfterMove.current = { key: keys[index]!, direction };
    onChange(next);
  }

  return (
    <fieldset className="ordered-list-input" tabIndex={-1} {...control}>
      <legend>
        <FieldName field={field} />
      </legend>
      <ol>
        {items.map((item, index) => (
          <li key={keys[index]}>
            <span className="ordered-list-item">{item}</span>
            {(['up', 'down'] as const).map((direction) => (
              <button
                key={direction}
                type="button"
                className="button-secondary"
                ref={(button) => {
                  const key = `${keys[index]}:${direction}`;
                  if (button) buttons.current.set(key, button);
                  else buttons.current.delete(key);
                }}
                // The visible text starts the name, so speech users can say "Move up".
                aria-label={`Move ${direction}: ${item}`}
                disabled={direction === 'up' ? index === 0 : index === items.length - 1}
                onClick={() => move(index, direction)}
              >
                Move {direction}
              </button>
            ))}
          </li>
        ))}
      </ol>
    </fieldset>
  );
}

/** Stable keys that follow an item as it moves, even when the same item appears twice. */
function itemKeys(items: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const occurrence = seen.get(item) ?? 0;
    seen.set(item, occurrence + 1);
    return `${item}#${occurrence}`;
  });
}
