import { type FormEvent, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ApiClient, ApiInit } from '../api';
import { DateTime } from '../DateTime';
import { Notice } from '../Notice';
import { useApiResource } from '../useApiResource';
import { NARROW_SCREEN, useMediaQuery } from '../useMediaQuery';
import {
  type AuditFilters,
  auditFiltersOf,
  auditSearchOf,
  fromLocalInput,
  NO_AUDIT_FILTERS,
  toLocalInput,
} from './audit-filters';

type AuditQuery = NonNullable<NonNullable<ApiInit<'get', '/api/audit-events'>['params']>['query']>;

interface AuditScreenProps {
  client: ApiClient;
}

/**
 * The audit trail for auditors: who read or changed what, when, about which journey and patient.
 * Filters by patient, journey, actor, action and time; all but the patient stay in the address.
 */
export function AuditScreen({ client }: AuditScreenProps) {
  const [params, setParams] = useSearchParams();
  const filters = auditFiltersOf(params);
  const pageToken = params.get('pageToken') ?? undefined;
  const [patientId, setPatientId] = useState('');
  const query: AuditQuery = {
    ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value)),
    ...(patientId ? { patientId } : {}),
    ...(pageToken ? { pageToken } : {}),
    pageSize: 50,
  };
  const { resource, reload } = useApiResource(client, '/api/audit-events', { params: { query } });
  const narrow = useMediaQuery(NARROW_SCREEN);

  return (
    <div className="stack page">
      <section className="panel" aria-labelledby="audit-heading">
        <div className="panel-header">
          <h2 id="audit-heading">Audit trail</h2>
          <button type="button" className="button-secondary" onClick={reload}>
            Refresh
          </button>
        </div>
        <AuditFiltersForm
          filters={filters}
          patientId={patientId}
          onApply={(next, nextPatient) => {
            setPatientId(nextPatient);
            setParams(auditSearchOf(next));
          }}
        />
        {resource.status === 'loading' && <Notice tone="loading">Loading the audit trail…</Notice>}
        {resource.status === 'error' && (
          <Notice tone="error" onRetry={reload}>
            {resource.message}
          </Notice>
        )}
        {resource.status === 'ready' && resource.data.items.length === 0 && (
          <Notice tone="empty">No audit events match these filters.</Notice>
        )}
        {resource.status === 'ready' && resource.data.items.length > 0 && (
          <>
            {narrow ? (
              <ul className="cards" aria-label="Audit events, newest first">
                {resource.data.items.map((event) => (
                  <li key={event.id} className="card">
                    <strong>{event.action}</strong> <DateTime value={event.occurredAt} />
                    <dl className="card-facts">
                      <dt>Actor</dt>
                      <dd>
                        {event.actor.name} ({event.actor.role})
                      </dd>
                      <dt>Journey</dt>
                      <dd className="wrap-anywhere">{event.journeyId ?? '—'}</dd>
                      <dt>Patient</dt>
                      <dd className="wrap-anywhere">{event.patientId ?? event.patientRef ?? '—'}</dd>
                      <dt>Outcome</dt>
                      <dd>{event.outcomeStatus ?? 'unfinished'}</dd>
                    </dl>
                  </li>
                ))}
              </ul>
            ) : (
              <div className="table-scroll">
                <table>
                  <caption className="visually-hidden">Audit events, newest first.</caption>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Actor</th>
                      <th scope="col">Action</th>
                      <th scope="col">Journey</th>
                      <th scope="col">Patient</th>
                      <th scope="col">Outcome</th>
                    </tr>
                  </thead>
                  <tbody>
                    {resource.data.items.map((event) => (
                      <tr key={event.id}>
                        <td>
                          <DateTime value={event.occurredAt} />
                        </td>
                        <td>
                          {event.actor.name} ({event.actor.role})
                        </td>
                        <td>
                          <code>{event.action}</code> <span className="muted">{event.route}</span>
                        </td>
                        <td className="wrap-anywhere">{event.journeyId ?? '—'}</td>
                        <td className="wrap-anywhere">
                          {event.patientId ?? (event.patientRef ? `ref ${event.patientRef}` : '—')}
                        </td>
                        <td>{event.outcomeStatus ?? 'unfinished'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <div className="table-footer">
              {pageToken && <Link to={{ search: auditSearchOf(filters).toString() }}>Newest events</Link>}
              {resource.data.nextPageToken && (
                <Link to={{ search: auditSearchOf(filters, resource.data.nextPageToken).toString() }}>
                  Older events
                </Link>
              )}
            </div>
          </>
        )}
      </section>
    </div>
  );
}

interface AuditFiltersFormProps {
  filters: AuditFilters;
  patientId: string;
  onApply: (filters: AuditFilters, patientId: string) => void;
}

function AuditFiltersForm({ filters, patientId, onApply }: AuditFiltersFormProps) {
  const id = useId();
  // The form is edited freely and applied at once, so a half-typed id asks the API nothing.
  const [draft, setDraft] = useState({ ...filters, patientId });
  const field = (key: keyof typeof draft, label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        value={draft[key]}
        spellCheck={false}
        autoComplete="off"
        title={hint}
        onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
      />
    </div>
  );
  const time = (key: 'since' | 'until', label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="datetime-local"
        value={toLocalInput(draft[key])}
        onChange={(event) => setDraft({ ...draft, [key]: fromLocalInput(event.target.value) })}
      />
    </div>
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { patientId: patient, ...rest } = draft;
    onApply(trimmed(rest), patient.trim());
  }
  return (
    <form className="filters" aria-label="Audit filters" onSubmit={submit}>
      {field('patientId', 'Patient id', 'The EHR patient id; kept out of the address.')}
      {field('journeyId', 'Journey id')}
      {field('actor', 'Actor', 'The key holder name, e.g. alice')}
      {field('action', 'Action', 'e.g. journey.read')}
      {time('since', 'From')}
      {time('until', 'Until')}
      <div className="field filter-actions">
        <button type="submit">Apply filters</button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            setDraft({ ...NO_AUDIT_FILTERS, patientId: '' });
            onApply(NO_AUDIT_FILTERS, '');
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}

function trimmed(filters: AuditFilters): AuditFilters {
  return Object.fromEntries(
    Object.entries(filters).map(([key, value]) => [key, value.trim()]),
  ) as unknown as AuditFilters;
}
