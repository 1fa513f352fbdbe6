import type { WorkListFilters as Filters, WorkListSort } from './work-list-query';

interface WorkListFiltersProps {
  filters: Filters;
  journeyTypes: ReadonlyArray<{ id: string; title: string }>;
  onChange: (filters: Filters) => void;
}

const SORTS: Record<WorkListSort, string> = {
  priority: 'Urgent first',
  due: 'Most overdue first',
  created: 'Oldest first',
};

const TOGGLES = [
  ['mine', 'Mine'],
  ['unclaimed', 'Unclaimed'],
  ['urgent', 'Urgent'],
  ['overdue', 'Overdue'],
] as const;

/** Which tasks the work list shows and in what order. */
export function WorkListFilters({ filters, journeyTypes, onChange }: Readonly<WorkListFiltersProps>) {
  return (
    <fieldset className="work-list-filters">
      <legend>Filter and sort</legend>
      {TOGGLES.map(([key, label]) => (
        <label key={key}>
          <input
            type="checkbox"
            checked={filters[key]}
            onChange={(event) => onChange({ ...filters, [key]: event.target.checked })}
          />{' '}
          {label}
        </label>
      ))}
      <label>
        Journey{' '}
        <select
          value={filters.journeyType}
          onChange={(event) => onChange({ ...filters, journeyType: event.target.value })}
        >
          <option value="">All journeys</option>
          {journeyTypes.map((type) => (
            <option key={type.id} value={type.id}>
              {type.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Sort{' '}
        <select
          value={filters.sort}
          onChange={(event) => onChange({ ...filters, sort: event.target.value as WorkListSort })}
        >
          {Object.entries(SORTS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
