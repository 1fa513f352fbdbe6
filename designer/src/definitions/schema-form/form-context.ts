import { createContext, useContext } from 'react';

/**
 * What the generated fields choose from: a "next" field offers the draft's nodes, a stage field
 * its stages, an event field its declared events, and a message's wording its languages.
 */
export interface DefinitionFormContext {
  nodes: readonly { id: string; label: string }[];
  stages: readonly { id: string; label: string }[];
  events: readonly { type: string; label: string }[];
  languages: readonly string[];
}

export const FormContext = createContext<DefinitionFormContext>({
  nodes: [],
  stages: [],
  events: [],
  languages: [],
});

export const useFormContext = () => useContext(FormContext);

/** Fields the forms never show: the node kind is chosen from the palette, positions by dragging. */
export const HIDDEN_FIELDS = new Set(['kind', 'position']);

/** Fields holding a node id: a choice of the draft's nodes. */
export const NODE_REF_FIELDS = new Set(['next', 'otherwise', 'onUnreachable', 'whenPassed', 'start']);

/** A field's label: its schema title, else its key; a bare "Node" title on a reference reads as where it goes. */
export function labelOf(key: string, title: string | undefined): string {
  if (NODE_REF_FIELDS.has(key) && (title === undefined || title === 'Node')) return 'Goes to';
  if (key === 'id' && title === 'Node') return 'Id';
  return title ?? key;
}
