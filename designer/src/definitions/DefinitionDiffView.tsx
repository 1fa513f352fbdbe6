import type { DefinitionDiff, ItemChanges } from './definitions-api';

const show = (value: unknown) =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** `GET :id/diff` as a designer reads it: journey fields, then nodes, stages, events and settings. */
export function DefinitionDiffView({ diff }: { diff: DefinitionDiff }) {
  if (diff.identical)
    return (
      <p>
        Version {diff.from} and {diff.to === 'draft' ? 'the draft' : `version ${diff.to}`} are the same.
      </p>
    );
  const sections: [string, ItemChanges][] = [
    ['Nodes', diff.nodes],
    ['Stages', diff.stages],
    ['Events', diff.events],
    ['Settings', diff.settings],
  ];
  return (
    <table className="definition-diff" aria-label={`Differences from ${diff.from} to ${diff.to}`}>
      <thead>
        <tr>
          <th scope="col">What</th>
          <th scope="col">Change</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {diff.fields.map((change) => (
          <tr key={`field-${change.path}`}>
            <th scope="row">Journey</th>
            <td>{change.path}</td>
            <td>{show(change.before)}</td>
            <td>{show(change.after)}</td>
          </tr>
        ))}
        {sections.flatMap(([section, changes]) => [
          ...changes.added.map((item) => (
            <tr key={`${section}-added-${item.id}`}>
              <th scope="row">
                {section}: {item.label ?? item.id}
              </th>
              <td>added</td>
              <td>—</td>
              <td>{item.kind ?? item.id}</td>
            </tr>
          )),
          ...changes.removed.map((item) => (
            <tr key={`${section}-removed-${item.id}`}>
              <th scope="row">
                {section}: {item.label ?? item.id}
              </th>
              <td>removed</td>
              <td>{item.kind ?? item.id}</td>
              <td>—</td>
            </tr>
          )),
          ...changes.changed.flatMap((item) =>
            item.changes.map((change) => (
              <tr key={`${section}-${item.id}-${change.path}`}>
                <th scope="row">
                  {section}: {item.label ?? item.id}
                </th>
                <td>{change.path}</td>
                <td>{show(change.before)}</td>
                <td>{show(change.after)}</td>
              </tr>
            )),
          ),
        ])}
      </tbody>
    </table>
  );
}
