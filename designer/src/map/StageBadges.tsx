import { countBadges, type StageCounts } from './stage-counts';

interface StageBadgesProps {
  readonly counts: StageCounts;
  readonly isOpenStage: boolean;
}

export function StageBadges({ counts, isOpenStage }: StageBadgesProps) {
  return countBadges(counts, isOpenStage).map(({ kind, short, spoken }) => (
    <span key={kind} className={`map-badge map-badge-${kind}`} title={spoken}>
      <span aria-hidden="true">{short}</span>
      <span className="journey-map-sr-only">{spoken}</span>
    </span>
  ));
}
