import type { JourneyDefinition } from '../../../contracts/journey-definitions/definition-schema';
import { journeyJsonSchema } from './schema-form/definition-schemas';
import { ObjectFields } from './schema-form/ObjectFields';

interface JourneyPropertiesPanelProps {
  definition: JourneyDefinition;
  onEdit: (edit: (definition: JourneyDefinition) => JourneyDefinition) => void;
}

/** What is the journey's own and not a node's: title, languages, stages, events, settings, start. */
export function JourneyPropertiesPanel({ definition, onEdit }: JourneyPropertiesPanelProps) {
  const { nodes: _nodes, id: _id, version: _version, ...own } = definition;
  return (
    <section className="definition-panel" aria-label="Journey properties">
      <h3>Journey: {definition.title}</h3>
      <p className="muted">Select a node on the map to edit it.</p>
      <div className="definition-panel-fields">
        <ObjectFields
          schema={journeyJsonSchema()}
          value={own}
          onChange={(changed) => onEdit((draft) => ({ ...draft, ...changed }) as JourneyDefinition)}
        />
      </div>
    </section>
  );
}
