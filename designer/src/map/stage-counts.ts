/** How many patients a stage holds now, and how many dropped off or breached a deadline there. */
export interface StageCounts {
  now: number;
  droppedOff: number;
  breached: number;
}

/** Counts per stage id; a stage missing from it has none. */
export type StageOverlay = Readonly<Record<string, StageCounts>>;

export interface CountBadge {
  kind: keyof StageCounts;
  /** What the badge shows: "3 here". */
  short: string;
  /** What it means, for screen readers and the tooltip: "3 patients here now". */
  spoken: string;
}

const NO_COUNTS: StageCounts = { now: 0, droppedOff: 0, breached: 0 };

export function countsAt(overlay: StageOverlay, stageId: string): StageCounts {
  return overlay[stageId] ?? NO_COUNTS;
}

/**
 * Only what happened: a zero is noise, except "0 here" on an open stage, which says the stage
 * is empty rather than that the map has no numbers.
 */
export function countBadges(counts: StageCounts, isOpenStage: boolean): CountBadge[] {
  const badges: CountBadge[] = [];
  if (counts.now > 0 || isOpenStage) {
    badges.push({ kind: 'now', short: `${counts.now} here`, spoken: `${patients(counts.now)} here now` });
  }
  if (counts.droppedOff > 0) {
    badges.push({
      kind: 'droppedOff',
      short: `${counts.droppedOff} dropped off`,
      spoken: `${patients(counts.droppedOff)} dropped off here`,
    });
  }
  if (counts.breached > 0) {
    badges.push({
      kind: 'breached',
      short: `${counts.breached} breached`,
      spoken: `${patients(counts.breached)} breached a deadline here`,
    });
  }
  return badges;
}

function patients(count: number): string {
  return `${count} ${count === 1 ? 'patient' : 'patients'}`;
}
