import type { CodeableConcept, Condition, Procedure, Resource } from '@medplum/fhirtypes';
import { dateOf, type IsoDate } from '../../contracts/ehr/calendar-dates';
import { findCoding, type CodeMatch } from '../../contracts/ehr/code-systems';
import { DAY_MS } from '../../contracts/durations';
import type { ScreeningItem } from './preventive-outreach.contract';
import {
  exclusionRules,
  LATERALITY,
  oneBreastAbsentConditions,
  UNILATERAL_PAIR_MIN_DAYS,
  type ExclusionReason,
} from './screening-value-sets';

/** The side of a one-sided procedure, from Procedure.bodySite laterality; `unknown` when unrecorded. */
export type Side = 'left' | 'right' | 'both' | 'unknown';

export interface OneSideRecord {
  side: Side;
  /** YYYY-MM-DD, when the record says. */
  at?: string;
}

/**
 * Whether one-sided mastectomies add up to both breasts (HEDIS BCS-E): a record of both sides, a
 * right and a left, or two records 14 or more days apart that are not the same known side (two
 * records with no side that close together are likely the same operation filed twice).
 */
export function bothSidesGone(records: readonly OneSideRecord[]): boolean {
  if (records.some((record) => record.side === 'both')) return true;
  const sides = new Set(records.map((record) => record.side));
  if (sides.has('left') && sides.has('right')) return true;
  for (const [index, first] of records.entries()) {
    for (const second of records.slice(index + 1)) {
      if (first.side !== 'unknown' && first.side === second.side) continue;
      if (!first.at || !second.at) continue;
      const apartDays = Math.abs(Date.parse(first.at) - Date.parse(second.at)) / DAY_MS;
      if (apartDays >= UNILATERAL_PAIR_MIN_DAYS) return true;
    }
  }
  return false;
}

/*
 * Exclusions read from a patient's record: Procedures (bilateral mastectomy, total colectomy,
 * hysterectomy with no residual cervix) as well as Conditions (HEDIS BCS-E, COL-E, CCS-E; brief,
 * "Events belong to the journey they are about"). The cohort finder reads a whole history; the EHR
 * rule (preventive-outreach.ehr-events.ts) reads one resource at a time, so a one-sided
 * mastectomy is a finding of its own that the journey adds up (bothSidesGone above).
 */

export type ExclusionFinding =
  | { kind: 'excluded'; item: ScreeningItem; reason: ExclusionReason; code: string; at?: IsoDate }
  | { kind: 'one-side'; item: 'mammogram'; side: Side; code: string; at?: IsoDate };

/** What one resource says about exclusions: nothing for plans, refuted or erroneous records. */
export function exclusionFindingsOf(resource: Resource): ExclusionFinding[] {
  if (resource.resourceType === 'Procedure') return procedureFindings(resource);
  if (resource.resourceType === 'Condition') return conditionFindings(resource);
  return [];
}

/** The reason this history excludes the patient from `item`, with the code that says so. */
export function exclusionOf(
  item: ScreeningItem,
  history: readonly Resource[],
): { reason: ExclusionReason; code: string } | undefined {
  const findings = history.flatMap(exclusionFindingsOf).filter((finding) => finding.item === item);
  const outright = findings.find((finding) => finding.kind === 'excluded');
  if (outright?.kind === 'excluded') return { reason: outright.reason, code: outright.code };
  const sides = findings.filter((finding) => finding.kind === 'one-side');
  if (sides.length > 0 && bothSidesGone(sides)) {
    return { reason: 'bilateral-mastectomy', code: sides.map((finding) => finding.code).join(' + ') };
  }
  return undefined;
}

function procedureFindings(procedure: Procedure): ExclusionFinding[] {
  if (procedure.status !== 'completed') return [];
  const at = dateOf(
    procedure.performedDateTime ?? procedure.performedPeriod?.end ?? procedure.performedPeriod?.start,
  );
  return exclusionRules.flatMap((rule): ExclusionFinding[] => {
    const outright = matchOf(procedure.code, rule.procedures);
    if (outright)
      return [{ kind: 'excluded', item: rule.item, reason: rule.reason, code: outright, ...dated(at) }];
    const oneSide = matchOf(procedure.code, rule.unilateralProcedures);
    if (!oneSide || rule.item !== 'mammogram') return [];
    const side = sideOf(procedure.bodySite);
    if (side === 'both') {
      return [{ kind: 'excluded', item: rule.item, reason: rule.reason, code: oneSide, ...dated(at) }];
    }
    return [{ kind: 'one-side', item: 'mammogram', side, code: oneSide, ...dated(at) }];
  });
}

function conditionFindings(condition: Condition): ExclusionFinding[] {
  const verification = condition.verificationStatus?.coding?.[0]?.code;
  if (verification === 'refuted' || verification === 'entered-in-error') return [];
  const at = dateOf(condition.onsetDateTime ?? condition.recordedDate);
  const findings = exclusionRules.flatMap((rule): ExclusionFinding[] => {
    const code = matchOf(condition.code, rule.conditions);
    return code ? [{ kind: 'excluded', item: rule.item, reason: rule.reason, code, ...dated(at) }] : [];
  });
  for (const side of ['right', 'left'] as const) {
    const code = matchOf(condition.code, [oneBreastAbsentConditions[side]]);
    if (code) findings.push({ kind: 'one-side', item: 'mammogram', side, code, ...dated(at) });
  }
  return findings;
}

function matchOf(concept: CodeableConcept | undefined, matches: readonly CodeMatch[] | undefined) {
  const found = matches && findCoding(concept, matches);
  return found ? `${found.coding.system}|${found.coding.code}` : undefined;
}

function sideOf(sites: readonly CodeableConcept[] | undefined): Side {
  const codes = (sites ?? []).flatMap((site) => site.coding ?? []).map((coding) => coding.code ?? '');
  const has = (wanted: readonly string[]) => codes.some((code) => wanted.includes(code));
  if (has(LATERALITY.both) || (has(LATERALITY.right) && has(LATERALITY.left))) return 'both';
  if (has(LATERALITY.right)) return 'right';
  if (has(LATERALITY.left)) return 'left';
  return 'unknown';
}

function dated(at: IsoDate | undefined): { at?: IsoDate } {
  return at ? { at } : {};
}
