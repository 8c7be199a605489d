import type { HighlightResult, HighlightResultOption, SearchResponse } from 'algoliasearch';
import {
  HIGHLIGHT_FIELDS,
  type FacetCount,
  type Highlight,
  type RangeFacet,
  type ValueFacet,
} from '@showroom/contracts';
import type { SearchHit, SearchRequest, SearchResult } from '../port';
import { FACET_VALUE_LIMITS } from '../port';
import { HIGHLIGHT_POST_TAG, HIGHLIGHT_PRE_TAG, RANGE_ATTRIBUTES } from './search-params';

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
    if (field === 'vin') return vinHighlight(result);
    const option = result[field];
    if (!isMatched(option)) return [];
    return [{ field, parts: highlightParts(String(option.value)) }];
  });
}

function isMatched(option: HighlightResult | undefined): option is HighlightResultOption {
  return option !== undefined && 'matchLevel' in option && option.matchLevel !== 'none';
}

/**
 * The VIN as typed in full, or by its tail: a tail matches the `vinTail` attribute (the whole VIN
 * is one word to Algolia), so the VIN's own highlight is rebuilt with the tail marked at its end.
 */
function vinHighlight(result: Record<string, HighlightResult>): Highlight[] {
  const vin = result['vin'];
  if (isMatched(vin)) return [{ field: 'vin', parts: highlightParts(String(vin.value)) }];
  const tails = result['vinTail'];
  const tail = Array.isArray(tails) ? tails.find(isMatched) : undefined;
  if (!tail || !vin || !('value' in vin)) return [];
  const tailParts = highlightParts(String(tail.value));
  const tailLength = tailParts.reduce((length, part) => length + part.text.length, 0);
  const plainVin = String(vin.value);
  return [
    {
      field: 'vin',
      parts: mergeNeighbours([
        { text: plainVin.slice(0, plainVin.length - tailLength), match: false },
        ...tailParts,
      ]),
    },
  ];
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
    if (part.text === '') continue;
    const last = merged.at(-1);
    if (last && last.match === part.match) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}
