import type { JourneyType } from '../api';

interface JourneyKindBadgeProps {
  readonly type: Pick<JourneyType, 'kind' | 'definitionVersion'>;
}

/**
 * Tells a published journey definition from a coded journey in the catalogue, with the version
 * new enrolments get; coded journeys, the usual case so far, carry no badge.
 */
export function JourneyKindBadge({ type }: JourneyKindBadgeProps) {
  if (type.kind !== 'definition') return null;
  const version = type.definitionVersion ?? 0;
  return (
    <span
      className="badge badge-definition"
      title={`A published journey definition: new enrolments get version ${version}`}
    >
      definition v{version}
    </span>
  );
}
