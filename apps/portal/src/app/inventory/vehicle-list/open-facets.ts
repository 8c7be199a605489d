import { SEARCH_FACETS, VALUE_FACETS, type FacetCount, type ValueFacet } from '@showroom/contracts';
import { forkJoin, map, type Observable } from 'rxjs';
import type { VehicleSearch, VehicleSearchPage } from '../../api/vehicles-api';

/**
 * Searches, counting each facet the dealer has picked values of as if those picks were not made.
 *
 * The service counts facets over the vehicles that match every filter, so once "Toyota" is picked
 * the make facet lists Toyota alone and a second make could never be added. For each picked facet
 * one more request (one row, that facet only) counts it without its own picks: the dealer sees how
 * many Hondas there are beside the Toyotas, while the other facets still narrow. All requests go
 * out together and one `switchMap` upstream cancels them together.
 */
export function searchWithOpenFacets(
  list: (search: VehicleSearch) => Observable<VehicleSearchPage>,
  search: VehicleSearch,
): Observable<VehicleSearchPage> {
  const picked = VALUE_FACETS.filter((facet) => (search[facet]?.length ?? 0) > 0);
  if (picked.length === 0) return list(search);

  const counted: readonly string[] = picked;
  const results = list({ ...search, facets: SEARCH_FACETS.filter((facet) => !counted.includes(facet)) });
  const counts = picked.map((facet) =>
    list({ ...search, [facet]: [], facets: [facet], page: 1, pageSize: 1 }).pipe(
      map((answer): [ValueFacet, FacetCount[]] => [facet, answer.facets[facet] ?? []]),
    ),
  );
  return forkJoin([results, ...counts]).pipe(
    map(([page, ...openCounts]) => ({
      ...page,
      facets: { ...page.facets, ...Object.fromEntries(openCounts) },
    })),
  );
}
