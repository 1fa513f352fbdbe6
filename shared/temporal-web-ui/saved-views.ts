import type { JourneyStatus } from '../../contracts/journey-contract';
import { journeyStatusKey, journeyTypeKey } from '../../contracts/search-attributes';

/**
 * Saved views of Carepath journeys for the Temporal Web UI (2.42). The UI keeps saved views and
 * table columns in each browser's local storage: neither its server config, nor the temporalio/ui
 * image's TEMPORAL_* variables, nor `temporal server start-dev` can set them. What the UI does
 * offer is a shareable view link: opening `.../workflows?query=Q&savedQuery=NAME` saves the view
 * NAME in that browser. These are those links, built from the search attributes journeys upsert.
 */
export interface SavedViewLink {
  name: string;
  query: string;
  url: string;
}

/** The statuses an operator watches; completed and cancelled journeys are one query away. */
const WATCHED_STATUSES: readonly JourneyStatus[] = ['active', 'paused'];

export function temporalWebUiSavedViews(
  webUiUrl: string,
  namespace: string,
  journeyTypes: readonly string[],
): SavedViewLink[] {
  const views = [
    ...WATCHED_STATUSES.map((status) => ({
      name: `Carepath: ${status}`,
      query: `${journeyStatusKey.name} = "${status}"`,
    })),
    ...journeyTypes.map((journey) => ({
      name: `Carepath: ${journey}`,
      query: `${journeyTypeKey.name} = "${journey}"`,
    })),
  ];
  const list = `${webUiUrl.replace(/\/$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows`;
  return views.map((view) => ({
    ...view,
    url: `${list}?query=${encodeURIComponent(view.query)}&savedQuery=${encodeURIComponent(view.name)}`,
  }));
}
