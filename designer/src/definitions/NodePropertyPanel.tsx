import { useEffect, useId, useState } from 'react';
import type {
  DefinitionNode,
  JourneyDefinition,
} from '../../../contracts/journey-definitions/definition-schema';
import { deleteNodes, kindTitles, renameNode, replaceNode } from './definition-edits';
import { nodeJsonSchema } from './schema-form/definition-schemas';
import { useFormContext } from './schema-form/form-context';
import { ObjectFields } from './schema-form/ObjectFields';

interface NodePropertyPanelProps {
  node: DefinitionNode;
  isStart: boolean;
  onEdit: (edit: (definition: JourneyDefinition) => JourneyDefinition) => void;
  onSelect: (id: string | undefined) => void;
}

/** The selected node's fields, generated from its kind's schema; its id renames it everywhere. */
export function NodePropertyPanel({ node, isStart, onEdit, onSelect }: NodePropertyPanelProps) {
  const title = `${kindTitles[node.kind]}: ${node.label}`;
  return (
    <section className="definition-panel" aria-label={`Properties of ${node.label}`}>
      <h3>{title}</h3>
      <div className="definition-panel-fields">
        <NodeIdField
          id={node.id}
          onRename={(to) => {
            onEdit((draft) => renameNode(draft, node.id, to));
            onSelect(to);
          }}
        />
        <ObjectFields
          schema={nodeJsonSchema(node.kind)}
          value={node}
          omit={['id']}
          onChange={(changed) => onEdit((draft) => replaceNode(draft, node.id, changed as DefinitionNode))}
        />
      </div>
      <div className="toolbar">
        {!isStart && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => onEdit((draft) => ({ ...draft, start: node.id }))}
          >
            Start the journey here
          </button>
        )}
        <button
          type="button"
          className="button-danger"
          onClick={() => {
            onEdit((draft) => deleteNodes(draft, [node.id]));
            onSelect(undefined);
          }}
        >
          Delete {node.label}
        </button>
      </div>
    </section>
  );
}

/** The id is kept as typed until it leaves the field: each keystroke would otherwise rename edges. */
function NodeIdField({ id, onRename }: { id: string; onRename: (to: string) => void }) {
  const fieldId = useId();
  const { nodes } = useFormContext();
  const [text, setText] = useState(id);
  useEffect(() => setText(id), [id]);
  const taken = text !== id && nodes.some((node) => node.id === text);
  const problem = !/^[a-z][a-z0-9-]{0,62}$/.test(text)
    ? 'Lower-case letters, digits and dashes, starting with a letter.'
    : taken
      ? 'Another node has this id.'
      : undefined;
  const valid = problem === undefined;
  return (
    <div className="schema-field">
      <label htmlFor={fieldId}>Id</label>
      <input
        id={fieldId}
        type="text"
        value={text}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : `${fieldId}-problem`}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => (valid && text !== id ? onRename(text) : setText(id))}
      />
      {!valid && (
        <p id={`${fieldId}-problem`} className="field-error">
          {problem}
        </p>
      )}
    </div>
  );
}
