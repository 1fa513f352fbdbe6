import { useId } from 'react';
import {
  type JourneyFilters,
  type JourneySort,
  type JourneyType,
  STATUS_FILTERS,
  type StatusFilter,
} from '../api';
import { isStageNode } from '../map/blueprint-types';

interface JourneyFiltersBarProps {
  types: JourneyType[];
  filters: JourneyFilters;
  onChange: (filters: JourneyFilters) => void;
}

/** Journey, stage (of that journey's map), status, overdue and the order: each change lists afresh. */
export function JourneyFiltersBar({ types, filters, onChange }: JourneyFiltersBarProps) {
  const id = useId();
  const stages = types.find((type) => type.id === filters.journey)?.blueprint.nodes.filter(isStageNode) ?? [];
  return (
    <div className="filters" role="group" aria-label="Filters">
      <div className="field">
        <label htmlFor={`${id}-journey`}>Journey</label>
        <select
          id={`${id}-journey`}
          value={filters.journey}
          onChange={(event) => onChange({ ...filters, journey: event.target.value, stage: '' })}
        >
          <option value="">All journeys</option>
          {types.map((type) => (
            <option key={type.id} value={type.id}>
              {type.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-stage`}>Stage</label>
        <select
          id={`${id}-stage`}
          value={filters.stage}
          disabled={!filters.journey}
          title={filters.journey ? undefined : 'Choose a journey first: stages belong to its map.'}
          onChange={(event) => onChange({ ...filters, stage: event.target.value })}
        >
          <option value="">Any stage</option>
          {stages.map((node) => (
            <option key={node.id} value={node.id}>
              {node.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={filters.status}
          onChange={(event) => onChange({ ...filters, status: event.target.value as StatusFilter | '' })}
        >
          <option value="">Any status</option>
          {STATUS_FILTERS.map((value) => (
            <option key={value} value={value}>
              {value[0]?.toUpperCase()}
              {value.slice(1)}
            </option>
          ))}
        </select>
      </div>
      <div className="field checkbox-field">
        <input
          id={`${id}-overdue`}
          type="checkbox"
          checked={filters.overdue}
          onChange={(event) => onChange({ ...filters, overdue: event.target.checked })}
        />
        <label htmlFor={`${id}-overdue`}>Overdue only</label>
      </div>
      <div className="field">
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <select
          id={`${id}-sort`}
          value={filters.sort}
          onChange={(event) => onChange({ ...filters, sort: event.target.value as JourneySort })}
        >
          <option value="started">Started, newest first</option>
          <option value="next-deadline">Next deadline, most overdue first</option>
        </select>
      </div>
    </div>
  );
}
