import type { HighlightResult, SearchResponse } from 'algoliasearch';
import {
  HIGHLIGHT_FIELDS,
  type FacetCount,
  type Highlight,
  type RangeFacet,
  type ValueFacet,
} from '@showroom/contracts';
import type { SearchHit, SearchRequest, SearchResult } from '../port';
import { FACET_VALUE_LIMITS, HIGHLIGHT_POST_TAG, HIGHLIGHT_PRE_TAG, RANGE_ATTRIBUTES } from './search-params';

/** What a search retrieves of a record (attributesToRetrieve), and what Algolia adds to it. */
export interface RetrievedRecord {
  objectID: string;
  dealershipId: string;
  _highlightResult?: Record<string, HighlightResult>;
}

/** Algolia's answer as the port's result: refs with plain-text highlights, facet counts, ranges. */
export function fromAlgoliaResponse(
  response: SearchResponse<RetrievedRecord>,
  request: SearchRequest,
): SearchResult {
  const facets: SearchResult['facets'] = {};
  const ranges: SearchResult['ranges'] = {};
  for (const facet of request.facets) {
    if (facet in FACET_VALUE_LIMITS) {
      const valueFacet = facet as ValueFacet;
      facets[valueFacet] = facetCounts(response.facets?.[valueFacet], FACET_VALUE_LIMITS[valueFacet]);
    } else {
      const stats = response.facets_stats?.[RANGE_ATTRIBUTES[facet as RangeFacet]];
      ranges[facet as RangeFacet] =
        stats && stats.min !== undefined && stats.max !== undefined
          ? { min: stats.min, max: stats.max }
          : null;
    }
  }
  return {
    hits: response.hits.map(toSearchHit),
    total: response.nbHits ?? response.hits.length,
    facets,
    ranges,
  };
}

function toSearchHit(record: RetrievedRecord): SearchHit {
  return { id: record.objectID, dealershipId: record.dealershipId, highlights: highlights(record) };
}

/** Most frequent first, then alphabetical, cut to the facet's limit. */
function facetCounts(counts: Record<string, number> | undefined, limit: number): FacetCount[] {
  return Object.entries(counts ?? {})
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, limit);
}

function highlights(record: RetrievedRecord): Highlight[] {
  const result = record._highlightResult ?? {};
  return HIGHLIGHT_FIELDS.flatMap((field) => {
    const option = result[field];
    if (!option || !('matchLevel' in option) || option.matchLevel === 'none') return [];
    return [{ field, parts: highlightParts(String(option.value)) }];
  });
}

/** `Toy<pre>ota</post>`-style text cut into plain parts, the marked ones flagged as matches. */
export function highlightParts(marked: string): Highlight['parts'] {
  const parts: Highlight['parts'] = [];
  let rest = marked;
  while (rest.length > 0) {
    const start = rest.indexOf(HIGHLIGHT_PRE_TAG);
    if (start === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    const afterPre = rest.slice(start + HIGHLIGHT_PRE_TAG.length);
    const end = afterPre.indexOf(HIGHLIGHT_POST_TAG);
    const matched = end === -1 ? afterPre : afterPre.slice(0, end);
    if (matched.length > 0) parts.push({ text: matched, match: true });
    rest = end === -1 ? '' : afterPre.slice(end + HIGHLIGHT_POST_TAG.length);
  }
  return mergeNeighbours(parts);
}

/** Algolia marks each matched word apart; neighbouring parts of one kind read as one. */
function mergeNeighbours(parts: Highlight['parts']): Highlight['parts'] {
  const merged: Highlight['parts'] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last && last.match === part.match) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}
