import './definitions.css';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { JourneyDefinition } from '../../../contracts/journey-definitions/definition-schema';
import type { WritingApiClient } from '../api';
import { freePosition } from './auto-layout';
import { addNode } from './definition-edits';
import { DefinitionCanvas } from './DefinitionCanvas';
import { JourneyPropertiesPanel } from './JourneyPropertiesPanel';
import { NodePalette } from './NodePalette';
import { NodePropertyPanel } from './NodePropertyPanel';
import { ProblemsPanel } from './ProblemsPanel';
import { PublishPanel } from './PublishPanel';
import { ScenarioCheck } from './ScenarioCheck';
import { SettingsFitCheck } from './SettingsFitCheck';
import { SaveStatus } from './SaveStatus';
import { FormContext } from './schema-form/form-context';
import { type DraftStart, useDraftSync } from './useDraftSync';
import { VersionsPanel } from './VersionsPanel';

interface DefinitionEditorProps {
  client: WritingApiClient;
  id: string;
  start: DraftStart;
  /** Reads the draft (or the latest version) again from the server. */
  load: () => Promise<DraftStart>;
  hasDraft: boolean;
  /** The latest published version when the editor opened; 0 when there is none. */
  latestVersion: number;
  /** Discards the draft on the server (offered when there is a published version to go back to). */
  onDiscard: (revision: number) => Promise<DraftStart>;
}

/**
 * Authoring one journey definition: the map (add, connect, move, delete), the selected node's
 * properties or the journey's, problems as you type, autosave, publish with a note, versions.
 */
export function DefinitionEditor({
  client,
  id,
  start,
  load,
  hasDraft,
  latestVersion,
  onDiscard,
}: DefinitionEditorProps) {
  const draft = useDraftSync(client, id, start);
  const { definition, problems, edit } = draft;
  const [selected, setSelected] = useState<string>();
  const [published, setPublished] = useState(0);
  const [draftExists, setDraftExists] = useState(hasDraft);
  const selectedNode = definition.nodes.find((node) => node.id === selected);
  const context = useMemo(
    () => ({
      nodes: definition.nodes.map((node) => ({ id: node.id, label: node.label })),
      stages: definition.stages,
      events: definition.events,
      languages: definition.languages,
    }),
    [definition.nodes, definition.stages, definition.events, definition.languages],
  );

  const onEdit = (change: (current: JourneyDefinition) => JourneyDefinition) => {
    setDraftExists(true);
    edit(change);
  };

  async function publish(note: string): Promise<number> {
    const revision = (await draft.flush()) ?? draft.revision();
    const version = await client.post('/api/journey-definitions/{id}/publish', {
      params: { path: { id } },
      body: { note, basedOnRevision: revision },
    });
    const summary = await client.get('/api/journey-definitions/{id}', { params: { path: { id } } });
    draft.reset({
      definition: version.definition as unknown as JourneyDefinition,
      revision: summary.revision,
    });
    setPublished((count) => count + 1);
    setDraftExists(false);
    return version.version;
  }

  return (
    <FormContext.Provider value={context}>
      <div className="definition-editor">
        <div className="definition-editor-bar toolbar">
          <NodePalette
            onAdd={(kind) => {
              const added = addNode(definition, kind, freePosition(definition, new Map()));
              onEdit(() => added.definition);
              setSelected(added.id);
            }}
          />
          <SaveStatus save={draft.save} onReload={() => void load().then(draft.reset)} />
          <Link to={`/definitions/${id}/preview`}>Preview as a patient</Link>
          {Math.max(latestVersion, published) > 1 && (
            <Link to={`/definitions/${id}/migrate`}>Move running journeys to a newer version</Link>
          )}
          {draftExists && (latestVersion > 0 || published > 0) && (
            <button
              type="button"
              className="button-secondary"
              onClick={() =>
                void onDiscard(draft.revision()).then((next) => {
                  draft.reset(next);
                  setDraftExists(false);
                })
              }
            >
              Discard the draft
            </button>
          )}
        </div>
        <div className="definition-editor-body">
          <DefinitionCanvas
            definition={definition}
            problems={problems}
            selected={selected}
            onSelect={setSelected}
            onEdit={onEdit}
          />
          <aside className="definition-editor-side">
            {selectedNode ? (
              <NodePropertyPanel
                key={selectedNode.id}
                node={selectedNode}
                isStart={selectedNode.id === definition.start}
                onEdit={onEdit}
                onSelect={setSelected}
              />
            ) : (
              <JourneyPropertiesPanel definition={definition} onEdit={onEdit} />
            )}
          </aside>
        </div>
        <div className="definition-editor-foot">
          <ProblemsPanel problems={problems} onSelect={setSelected} />
          <div>
            <PublishPanel problemCount={problems.length} onPublish={publish} />
            {draft.save.status === 'saved' && (
              <>
                <SettingsFitCheck
                  key={`settings-${draft.save.at?.getTime() ?? 'loaded'}`}
                  client={client}
                  id={id}
                />
                <ScenarioCheck key={draft.save.at?.getTime() ?? 'loaded'} client={client} id={id} />
              </>
            )}
          </div>
          <VersionsPanel client={client} id={id} publishedCount={published} hasDraft={draftExists} />
        </div>
      </div>
    </FormContext.Provider>
  );
}
