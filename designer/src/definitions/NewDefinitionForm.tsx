import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, messageOf, type WritingApiClient } from '../api';

/** As the definition schema has it: `es`, `es-MX`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/**
 * A journey from scratch: id, title and languages. The API creates it with a stage and an end to
 * build on; the languages go into its first draft.
 */
export function NewDefinitionForm({ client }: { client: WritingApiClient }) {
  const fieldId = useId();
  const navigate = useNavigate();
  const [id, setId] = useState('');
  const [title, setTitle] = useState('');
  const [languages, setLanguages] = useState('en');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent) {
    event.preventDefault();
    const chosen = languages.split(/[\s,]+/).filter(Boolean);
    // Checked before anything is created: a refused draft would leave a journey without them.
    const unusable = chosen.filter((language) => !LANGUAGE_TAG.test(language));
    if (chosen.length === 0 || unusable.length > 0) {
      setProblem(
        `Languages are codes such as en, es or es-MX, separated by commas${unusable.length > 0 ? `: ${unusable.join(', ')} is not one` : ''}.`,
      );
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const created = await client.post('/api/journey-definitions', {
        body: { title: title.trim(), ...(id.trim() ? { id: id.trim() } : {}) },
      });
      const draft = await client.get('/api/journey-definitions/{id}/draft', {
        params: { path: { id: created.id } },
      });
      if (chosen.join() !== 'en') {
        await client.put('/api/journey-definitions/{id}/draft', {
          params: { path: { id: created.id } },
          body: { definition: { ...draft.definition, languages: chosen }, basedOnRevision: draft.revision },
        });
      }
      void navigate(`/definitions/${created.id}`);
    } catch (error) {
      const fields =
        error instanceof ApiError ? error.errors.map((e) => `${e.field ?? ''} ${e.message}`.trim()) : [];
      setProblem([messageOf(error), ...fields].join(' '));
      setBusy(false);
    }
  }

  return (
    <form className="definition-new" aria-label="New journey" onSubmit={(event) => void create(event)}>
      <h3>New journey</h3>
      <div className="schema-field">
        <label htmlFor={`${fieldId}-title`}>Title</label>
        <input
          id={`${fieldId}-title`}
          required
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="schema-field">
        <label htmlFor={`${fieldId}-id`}>Id (optional: made from the title)</label>
        <input
          id={`${fieldId}-id`}
          value={id}
          pattern="[a-z][a-z0-9-]{0,62}"
          onChange={(event) => setId(event.target.value)}
        />
      </div>
      <div className="schema-field">
        <label htmlFor={`${fieldId}-languages`}>Languages (the first is the default)</label>
        <input
          id={`${fieldId}-languages`}
          value={languages}
          onChange={(event) => setLanguages(event.target.value)}
        />
      </div>
      <button type="submit" disabled={busy || title.trim() === ''}>
        {busy ? 'Creating…' : 'Create the journey'}
      </button>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
    </form>
  );
}
