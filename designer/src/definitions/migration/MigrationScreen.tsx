import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import type { ApiClient } from '../../api';
import { Notice } from '../../Notice';
import {
  filterRows,
  landingNodes,
  NO_ROW_FILTERS,
  parseMapping,
  type MigrationApplied,
  type MigrationDryRun,
  type MigrationRow,
  type RowFilters,
} from './migration-rows';

interface MigrationScreenProps {
  client: ApiClient;
  /** Designers apply; operators may only look at the dry run. */
  canApply: boolean;
}

type Request = { fromVersion: number; toVersion: number; mapping?: Record<string, string> };

/**
 * Moving running journeys of a definition to a newer version: a dry run per journey (where it
 * lands, which timers move, which messages would be sent, skipped or repeated, or why it is
 * refused), filtered and chosen from, then applied with a note. Rows name journeys by workflow id
 * and stage only.
 */
export function MigrationScreen({ client, canApply }: MigrationScreenProps) {
  const { id = '' } = useParams();
  const [request, setRequest] = useState<Request>();
  const [dryRun, setDryRun] = useState<MigrationDryRun>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [filters, setFilters] = useState<RowFilters>(NO_ROW_FILTERS);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState('');
  const [applied, setApplied] = useState<MigrationApplied>();

  async function run(next: Request) {
    setBusy(true);
    setProblem(undefined);
    setApplied(undefined);
    try {
      const answer = await client.post('/api/journey-definitions/{id}/migrations/dry-run', {
        params: { path: { id } },
        body: next,
      });
      setRequest(next);
      setDryRun(answer);
      setChosen(new Set());
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  async function apply() {
    if (!request) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await client.post('/api/journey-definitions/{id}/migrations', {
        params: { path: { id } },
        body: { ...request, journeyIds: [...chosen], batchSize: 10, note },
      });
      setApplied(answer);
      await run(request);
      setApplied(answer);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  const rows = dryRun ? filterRows(dryRun.journeys, filters) : [];
  return (
    <div className="stack page">
      <section className="panel" aria-labelledby="migration-heading">
        <div className="panel-header">
          <h2 id="migration-heading">Move running journeys of {id} to a newer version</h2>
        </div>
        <VersionsForm busy={busy} onProblem={setProblem} onDryRun={(next) => void run(next)} />
        {problem && <Notice tone="error">{problem}</Notice>}
        {applied && (
          <Notice tone="empty">
            Moved {applied.applied}; refused {applied.refused}; failed {applied.failed}.
          </Notice>
        )}
      </section>
      {dryRun && (
        <section className="panel" aria-labelledby="dry-run-heading">
          <div className="panel-header">
            <h2 id="dry-run-heading">
              Dry run: version {dryRun.fromVersion} to {dryRun.toVersion}
            </h2>
          </div>
          <p>
            {dryRun.counts.journeys} running journeys: {dryRun.counts.migrate} would move,{' '}
            {dryRun.counts.refused} refused ({dryRun.counts.stranded} stranded by the mapping),{' '}
            {dryRun.counts.sendingMessages} would be sent a message.
          </p>
          <RowFiltersForm filters={filters} nodes={landingNodes(dryRun.journeys)} onChange={setFilters} />
          {rows.length === 0 ? (
            <Notice tone="empty">No journeys match these filters.</Notice>
          ) : (
            <MigrationTable
              rows={rows}
              chosen={chosen}
              canChoose={canApply}
              onToggle={(journeyId) => {
                const next = new Set(chosen);
                if (next.has(journeyId)) next.delete(journeyId);
                else next.add(journeyId);
                setChosen(next);
              }}
            />
          )}
          {canApply && (
            <form
              className="stack"
              onSubmit={(event) => {
                event.preventDefault();
                void apply();
              }}
            >
              <label>
                Note (on each journey&apos;s timeline)
                <input value={note} onChange={(event) => setNote(event.target.value)} />
              </label>
              <button type="submit" disabled={busy || chosen.size === 0 || note.trim() === ''}>
                Move {chosen.size} chosen {chosen.size === 1 ? 'journey' : 'journeys'}
              </button>
            </form>
          )}
        </section>
      )}
    </div>
  );
}

function VersionsForm({
  busy,
  onDryRun,
  onProblem,
}: Readonly<{ busy: boolean; onDryRun: (request: Request) => void; onProblem: (problem: string) => void }>) {
  const [fromVersion, setFromVersion] = useState('1');
  const [toVersion, setToVersion] = useState('2');
  const [mappingText, setMappingText] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseMapping(mappingText);
    if ('problem' in parsed) return onProblem(parsed.problem);
    onDryRun({
      fromVersion: Number(fromVersion),
      toVersion: Number(toVersion),
      ...(Object.keys(parsed.mapping).length > 0 ? { mapping: parsed.mapping } : {}),
    });
  }
  return (
    <form className="stack" onSubmit={submit}>
      <label>
        From version
        <input
          type="number"
          min={1}
          value={fromVersion}
          onChange={(event) => setFromVersion(event.target.value)}
        />
      </label>
      <label>
        To version
        <input
          type="number"
          min={1}
          value={toVersion}
          onChange={(event) => setToVersion(event.target.value)}
        />
      </label>
      <label>
        Node mapping (old-node -&gt; new-node, one a line)
        <textarea value={mappingText} onChange={(event) => setMappingText(event.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        Dry run
      </button>
    </form>
  );
}

function RowFiltersForm({
  filters,
  nodes,
  onChange,
}: Readonly<{ filters: RowFilters; nodes: string[]; onChange: (filters: RowFilters) => void }>) {
  return (
    <fieldset>
      <legend>Show</legend>
      <label>
        Lands at
        <select
          value={filters.landsAt}
          onChange={(event) => onChange({ ...filters, landsAt: event.target.value })}
        >
          <option value="">any node</option>
          {nodes.map((node) => (
            <option key={node} value={node}>
              {node}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={filters.sendsMessages}
          onChange={(event) => onChange({ ...filters, sendsMessages: event.target.checked })}
        />
        Messages would be sent
      </label>
      <label>
        <input
          type="checkbox"
          checked={filters.refusedOnly}
          onChange={(event) => onChange({ ...filters, refusedOnly: event.target.checked })}
        />
        Refused
      </label>
    </fieldset>
  );
}

function MigrationTable({
  rows,
  chosen,
  canChoose,
  onToggle,
}: Readonly<{
  rows: MigrationRow[];
  chosen: ReadonlySet<string>;
  canChoose: boolean;
  onToggle: (journeyId: string) => void;
}>) {
  return (
    <table aria-label="Where each running journey would land">
      <thead>
        <tr>
          {canChoose && <th scope="col">Move</th>}
          <th scope="col">Journey</th>
          <th scope="col">Lands at</th>
          <th scope="col">Timers</th>
          <th scope="col">Messages</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.journeyId}>
            {canChoose && (
              <td>
                <input
                  type="checkbox"
                  aria-label={`Move ${row.journeyId}`}
                  disabled={row.outcome !== 'migrate'}
                  checked={chosen.has(row.journeyId)}
                  onChange={() => onToggle(row.journeyId)}
                />
              </td>
            )}
            <td className="wrap-anywhere">{row.label}</td>
            {row.refusal ? (
              <td colSpan={3}>Refused: {row.refusal.reason}</td>
            ) : (
              <>
                <td>
                  {row.landsAt?.node} ({row.landsAt?.stage})
                </td>
                <td>
                  <ul>
                    {(row.timers ?? []).map((timer) => (
                      <li key={timer.id}>
                        {timer.label}: {timer.change}
                        {timer.change === 'moved' && ` ${timer.dueBefore ?? ''} → ${timer.dueAfter ?? ''}`}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <ul>
                    {(row.messages ?? []).map((message) => (
                      <li key={message.step}>
                        {message.key}: {message.action}
                      </li>
                    ))}
                  </ul>
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
