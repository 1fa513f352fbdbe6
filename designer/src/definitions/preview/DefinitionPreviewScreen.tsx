import { useId, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import type { JourneyDefinition } from '../../../../contracts/journey-definitions/definition-schema';
import type { Scenario } from '../../../../contracts/journey-definitions/scenario-schema';
import { enrolmentInstant, runScenario } from '../../../../shared/journey-definitions/run-scenario';
import { type ApiClient, messageOf, type WritingApiClient } from '../../api';
import { Notice } from '../../Notice';
import { useApiResource } from '../../useApiResource';
import { PatientForm } from './PatientForm';
import { PreviewCalendar } from './PreviewCalendar';
import { PreviewTimeline } from './PreviewTimeline';
import { SavedScenarios } from './SavedScenarios';
import { defaultScenario, sampleValues, wordingValueNames } from './scenario-defaults';
import { ScriptForm } from './ScriptForm';
import { type PreviewSource, usePreviewedDefinition } from './usePreviewedDefinition';
import './definition-preview.css';

interface DefinitionPreviewScreenProps {
  readonly client: WritingApiClient;
  /** Today, for the first enrolment date (tests pass a fixed one). */
  readonly today?: Date;
}

/**
 * `/definitions/:id/preview`: what a synthetic patient would receive from the draft (or a
 * published version) over the coming months, run in the browser by the same reducer the
 * interpreter uses, again on every change.
 */
export function DefinitionPreviewScreen({ client, today = new Date() }: DefinitionPreviewScreenProps) {
  const { id = '' } = useParams();
  const [source, setSource] = useState<PreviewSource>('draft');
  const [generation, setGeneration] = useState(0);
  const { previewed, replace } = usePreviewedDefinition(client, id, source, generation);
  const { resource: versions } = useApiResource(client, '/api/journey-definitions/{id}/versions', {
    params: { path: { id } },
  });
  const versionNumbers = versions.status === 'ready' ? versions.data.map((version) => version.version) : [];

  return (
    <div className="page definition-preview">
      <h2>Preview as a patient{previewed.status === 'ready' ? `: ${previewed.definition.title}` : ''}</h2>
      <label htmlFor="preview-source">Definition</label>{' '}
      <select
        id="preview-source"
        value={String(source)}
        onChange={(event) => setSource(event.target.value === 'draft' ? 'draft' : Number(event.target.value))}
      >
        <option value="draft">Draft</option>
        {versionNumbers.map((version) => (
          <option key={version} value={version}>
            Version {version}
          </option>
        ))}
      </select>
      {previewed.status === 'loading' && <Notice tone="loading">Loading the definition…</Notice>}
      {previewed.status === 'error' && (
        <Notice tone="error" onRetry={() => setGeneration((n) => n + 1)}>
          {previewed.message}
        </Notice>
      )}
      {previewed.status === 'ready' && (
        <PreviewWorkspace
          key={`${id}-${String(source)}`}
          client={client}
          id={id}
          definition={previewed.definition}
          revision={source === 'draft' ? previewed.revision : undefined}
          today={today}
          onSaved={replace}
        />
      )}
    </div>
  );
}

interface PreviewWorkspaceProps {
  readonly client: WritingApiClient;
  readonly id: string;
  readonly definition: JourneyDefinition;
  /** Set for the draft: scenarios are saved with it. */
  readonly revision: number | undefined;
  readonly today: Date;
  readonly onSaved: (draft: { definition: unknown; revision: number }) => void;
}

function PreviewWorkspace({ client, id, definition, revision, today, onSaved }: PreviewWorkspaceProps) {
  const formId = useId();
  const [scenario, setScenario] = useState<Scenario>(() => defaultScenario(definition, today));
  const [name, setName] = useState('');
  const [saving, setSaving] = useState<{
    busy?: boolean;
    failure?: string;
    saved?: string;
    removed?: string;
  }>({});
  const valueNames = wordingValueNames(definition);
  const months = scenario.months ?? 6;

  const run = useMemo(() => {
    const began = performance.now();
    try {
      const values = sampleValues(definition, scenario.values ?? {});
      const result = runScenario(definition, { ...scenario, values });
      return { result, ms: performance.now() - began };
    } catch (error) {
      return { failure: (error as Error).message };
    }
  }, [definition, scenario]);

  async function save(): Promise<void> {
    if (revision === undefined) return;
    setSaving({ busy: true });
    try {
      const values = sampleValues(definition, scenario.values ?? {});
      const draft = await client.post('/api/journey-definitions/{id}/draft/scenarios', {
        params: { path: { id } },
        body: { scenario: { ...scenario, name: name.trim(), values }, basedOnRevision: revision },
      });
      setSaving({ saved: name.trim() });
      onSaved(draft);
    } catch (error) {
      setSaving({ failure: messageOf(error) });
    }
  }

  async function remove(saved: Scenario): Promise<void> {
    if (revision === undefined) return;
    setSaving({ busy: true });
    try {
      const draft = await client.delete('/api/journey-definitions/{id}/draft/scenarios/{name}', {
        params: { path: { id, name: saved.name }, query: { basedOnRevision: revision } },
      });
      setSaving({ removed: saved.name });
      onSaved(draft);
    } catch (error) {
      setSaving({ failure: messageOf(error) });
    }
  }

  return (
    <div className="preview-workspace">
      <div className="preview-inputs">
        <PatientForm
          patient={scenario.patient}
          languages={definition.languages}
          months={months}
          onChange={(patient) => setScenario((previous) => ({ ...previous, patient }))}
          onMonthsChange={(value) => setScenario((previous) => ({ ...previous, months: value }))}
        />
        {valueNames.length > 0 && (
          <fieldset className="preview-values">
            <legend>Values the wording names</legend>
            {valueNames.map((valueName) => (
              <span key={valueName}>
                <label htmlFor={`${formId}-value-${valueName}`}>{valueName}</label>
                <input
                  id={`${formId}-value-${valueName}`}
                  value={sampleValues(definition, scenario.values ?? {})[valueName] ?? ''}
                  onChange={(event) =>
                    setScenario((previous) => ({
                      ...previous,
                      values: { ...previous.values, [valueName]: event.target.value },
                    }))
                  }
                />
              </span>
            ))}
          </fieldset>
        )}
        <ScriptForm
          definition={definition}
          script={scenario.script}
          onChange={(script) => setScenario((previous) => ({ ...previous, script }))}
        />
        {revision !== undefined && (
          <fieldset className="preview-save">
            <legend>Save as scenario</legend>
            <label htmlFor={`${formId}-name`}>Scenario name</label>
            <input
              id={`${formId}-name`}
              value={name}
              maxLength={120}
              onChange={(event) => setName(event.target.value)}
            />
            <button type="button" disabled={!name.trim() || saving.busy} onClick={() => void save()}>
              Save as scenario
            </button>
            {saving.saved && <p role="status">Saved “{saving.saved}” with the draft.</p>}
            {saving.removed && <p role="status">Removed “{saving.removed}” from the draft.</p>}
            {saving.failure && <p role="alert">{saving.failure}</p>}
          </fieldset>
        )}
      </div>
      <div className="preview-results">
        {'failure' in run ? (
          <Notice tone="error">The preview could not run: {run.failure}</Notice>
        ) : (
          <>
            <p className="preview-speed">
              {months} months simulated in {run.ms! < 1 ? 'under 1' : Math.round(run.ms!)} ms, times in{' '}
              {scenario.patient.timeZone}.
            </p>
            <PreviewCalendar
              result={run.result!}
              startAt={enrolmentInstant(scenario.patient)}
              months={months}
              timeZone={scenario.patient.timeZone}
            />
            <PreviewTimeline result={run.result!} timeZone={scenario.patient.timeZone} />
          </>
        )}
        {revision !== undefined && (
          <ScenarioList
            key={revision}
            client={client}
            id={id}
            scenarios={definition.scenarios ?? []}
            onLoad={(saved) => {
              setScenario(saved);
              setName(saved.name);
            }}
            onRemove={(saved) => void remove(saved)}
          />
        )}
      </div>
    </div>
  );
}

/** Keyed by the draft's revision: a saved scenario (a new revision) runs them all again. */
function ScenarioList(props: {
  client: ApiClient;
  id: string;
  scenarios: readonly Scenario[];
  onLoad: (scenario: Scenario) => void;
  onRemove: (scenario: Scenario) => void;
}) {
  const { resource, reload } = useApiResource(
    props.client,
    '/api/journey-definitions/{id}/draft/scenario-changes',
    { params: { path: { id: props.id } } },
  );
  return (
    <SavedScenarios
      scenarios={props.scenarios}
      changes={resource.status === 'ready' ? { status: 'ready', data: resource.data } : resource}
      onLoad={props.onLoad}
      onRemove={props.onRemove}
      onRetry={reload}
    />
  );
}
