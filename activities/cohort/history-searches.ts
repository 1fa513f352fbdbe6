import type { ScreeningItem } from '../../workflows/preventive-outreach/preventive-outreach.contract';
import type { CodeMatch } from '../../contracts/ehr/code-systems';
import {
  exclusionRules,
  type HistoryResourceType,
} from '../../workflows/preventive-outreach/screening-value-sets';
import { ruleFor } from './screening-rules';

export type HistorySearchType = HistoryResourceType | 'Condition';

/** One FHIR search for the part of several patients' records some screening rules read. */
export interface HistorySearch {
  resourceType: HistorySearchType;
  /** The token search parameter holding the resource's code for this type. */
  codeParameter: string;
  /** `system|code` tokens, searched as one OR list; empty: every resource of the type. */
  tokens: string[];
}

const CODE_PARAMETER: Record<HistorySearchType, string> = {
  Procedure: 'code',
  Observation: 'code',
  DiagnosticReport: 'code',
  Condition: 'code',
  Immunization: 'vaccine-code',
  Encounter: 'type',
};

/** Tokens per search: keeps a URL with its patient list well under the 8 KB many servers accept. */
const TOKENS_PER_SEARCH = 40;

/**
 * The searches that bring in everything the rules of `items` look at: the tests that count as
 * done, by the resource types they are recorded as, and the conditions that exclude a patient.
 * Asking for these codes only keeps a patient's years of unrelated results off the wire.
 */
export function historySearches(items: readonly ScreeningItem[]): HistorySearch[] {
  const byType = new Map<HistorySearchType, Set<string>>();
  const add = (type: HistorySearchType, matches: readonly CodeMatch[]) => {
    const tokens = byType.get(type) ?? new Set<string>();
    for (const match of matches) for (const code of match.codes) tokens.add(`${match.system}|${code}`);
    byType.set(type, tokens);
  };
  for (const item of items) {
    const rule = ruleFor(item);
    for (const test of rule.tests) for (const type of test.recordedAs) add(type, test.codes);
    const exclusions = exclusionRules.filter((exclusion) => exclusion.item === item);
    for (const exclusion of exclusions) {
      add('Procedure', [...(exclusion.procedures ?? []), ...(exclusion.unilateralProcedures ?? [])]);
    }
    // Exclusions match ICD-10 by prefix (C50 takes C50.911), which token search cannot: the
    // patients' conditions are read whole and matched here.
    if (exclusions.some((exclusion) => exclusion.conditions)) byType.set('Condition', new Set());
  }
  return [...byType].flatMap(([resourceType, tokens]) => {
    if (tokens.size === 0) return [{ resourceType, codeParameter: CODE_PARAMETER[resourceType], tokens: [] }];
    const list = [...tokens];
    const searches: HistorySearch[] = [];
    for (let start = 0; start < list.length; start += TOKENS_PER_SEARCH) {
      searches.push({
        resourceType,
        codeParameter: CODE_PARAMETER[resourceType],
        tokens: list.slice(start, start + TOKENS_PER_SEARCH),
      });
    }
    return searches;
  });
}
