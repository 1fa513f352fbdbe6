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

/** Every view an operator needs: one per watched status, one per journey type. */
export function temporalWebUiSavedViews(
  webUiUrl: string,
  namespace: string,
  journeyTypes: readonly string[],
): SavedViewLink[] {
  return [
    ...WATCHED_STATUSES.map((status) =>
      savedViewLink(webUiUrl, namespace, `Carepath: ${status}`, `${journeyStatusKey.name} = "${status}"`),
    ),
    ...journeyTypes.map((journeyType) => journeyTypeSavedView(webUiUrl, namespace, journeyType)),
  ];
}

/** The journeys of one type (the designer's catalogue links to it). */
export function journeyTypeSavedView(
  webUiUrl: string,
  namespace: string,
  journeyType: string,
): SavedViewLink {
  return savedViewLink(
    webUiUrl,
    namespace,
    `Carepath: ${journeyType}`,
    `${journeyTypeKey.name} = "${journeyType}"`,
  );
}

function savedViewLink(webUiUrl: string, namespace: string, name: string, query: string): SavedViewLink {
  const list = `${webUiUrl.replace(/\/$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows`;
  return {
    name,
    query,
    url: `${list}?query=${encodeURIComponent(query)}&savedQuery=${encodeURIComponent(name)}`,
  };
}
