import { type FormEvent, useId, useState } from 'react';
import { NO_PATIENT_SEARCH, type PatientSearch } from '../api';

interface PatientSearchFormProps {
  readonly search: PatientSearch;
  readonly onSearch: (search: PatientSearch) => void;
}

/**
 * One patient's journeys, by EHR patient id and optionally a card, appointment or screening item
 * id. Journey ids are keyed hashes of the patient and the card, so a card is found only within
 * its patient. The search lives in this screen's memory, never in the address.
 */
export function PatientSearchForm({ search, onSearch }: PatientSearchFormProps) {
  const id = useId();
  const [draft, setDraft] = useState(search);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ patientId: draft.patientId.trim(), instance: draft.instance.trim() });
  };
  return (
    <form className="filters" role="search" aria-label="Find a patient" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-patient`}>Patient id</label>
        <input
          id={`${id}-patient`}
          value={draft.patientId}
          autoComplete="off"
          onChange={(event) => setDraft({ ...draft, patientId: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-instance`}>Card or encounter id</label>
        <input
          id={`${id}-instance`}
          value={draft.instance}
          autoComplete="off"
          disabled={!draft.patientId.trim()}
          title={
            draft.patientId.trim() ? undefined : 'Enter the patient id first: cards belong to a patient.'
          }
          onChange={(event) => setDraft({ ...draft, instance: event.target.value })}
        />
      </div>
      <div className="field field-actions">
        <button type="submit">Search</button>
        {search.patientId && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setDraft(NO_PATIENT_SEARCH);
              onSearch(NO_PATIENT_SEARCH);
            }}
          >
            Clear search
          </button>
        )}
      </div>
    </form>
  );
}
