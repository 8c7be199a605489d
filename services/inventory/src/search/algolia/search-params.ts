import type { SearchParamsObject } from 'algoliasearch';
import { HIGHLIGHT_FIELDS, VALUE_FILTERS, type RangeFacet, type ValueFacet } from '@showroom/contracts';
import { FACET_VALUE_LIMITS, type SearchFilters, type SearchRequest } from '../port';
import { indexForSort } from './index-settings';

/**
 * Marks around the matched words of a highlight. Characters from Unicode's private use area never
 * occur in vehicle data, so the marks cannot be confused with text and no HTML is ever involved.
 */
export const HIGHLIGHT_PRE_TAG = '\u{E000}';
export const HIGHLIGHT_POST_TAG = '\u{E001}';

/** The record attribute a range facet reads (price is kept in cents). */
export const RANGE_ATTRIBUTES: Record<RangeFacet, 'year' | 'priceCents' | 'mileage'> = {
  year: 'year',
  price: 'priceCents',
  mileage: 'mileage',
};

const NUMERIC_FILTERS: readonly [keyof SearchFilters, string, '>=' | '<='][] = [
  ['yearMin', 'year', '>='],
  ['yearMax', 'year', '<='],
  ['priceMin', 'priceCents', '>='],
  ['priceMax', 'priceCents', '<='],
  ['mileageMin', 'mileage', '>='],
  ['mileageMax', 'mileage', '<='],
];

export interface AlgoliaQuery {
  indexName: string;
  searchParams: SearchParamsObject;
}

/** The port's search as one Algolia query: which index (the sort) and which parameters. */
export function toAlgoliaQuery(indexName: string, request: SearchRequest): AlgoliaQuery {
  const text = request.text?.trim() ?? '';
  const valueFacets = request.facets.filter((facet): facet is ValueFacet => facet in FACET_VALUE_LIMITS);
  const rangeFacets = request.facets.filter((facet): facet is RangeFacet => facet in RANGE_ATTRIBUTES);
  const searchParams: SearchParamsObject = {
    query: text,
    filters: rooftopFilter(request.dealershipIds),
    facetFilters: facetFilters(request.filters),
    numericFilters: numericFilters(request.filters),
    page: request.page - 1,
    hitsPerPage: request.pageSize,
    facets: [...valueFacets, ...rangeFacets.map((facet) => RANGE_ATTRIBUTES[facet])],
    attributesToRetrieve: ['objectID', 'dealershipId'],
    attributesToHighlight: text === '' ? [] : [...HIGHLIGHT_FIELDS, 'vinTail'],
    highlightPreTag: HIGHLIGHT_PRE_TAG,
    highlightPostTag: HIGHLIGHT_POST_TAG,
  };
  if (valueFacets.length > 0) {
    searchParams.maxValuesPerFacet = Math.max(...valueFacets.map((facet) => FACET_VALUE_LIMITS[facet]));
    searchParams.sortFacetValuesBy = 'count';
  }
  return { indexName: indexForSort(indexName, request.sort, text !== ''), searchParams };
}

/** `(dealershipId:"a" OR dealershipId:"b")`: the rooftops searched, and nothing else. */
export function rooftopFilter(dealershipIds: readonly string[]): string {
  if (dealershipIds.length === 0) throw new Error('a search names at least one dealership');
  return `(${dealershipIds.map((id) => `dealershipId:${quoted(id)}`).join(' OR ')})`;
}

/** A filter value in double quotes, as Algolia's filter syntax reads it. */
export function quoted(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function facetFilters(filters: SearchFilters): string[][] {
  const groups: string[][] = [];
  if (filters.published !== undefined) groups.push([`published:${filters.published}`]);
  for (const name of VALUE_FILTERS) {
    const values = filters[name];
    if (values && values.length > 0) groups.push(values.map((value) => `${name}:${facetValue(value)}`));
  }
  return groups;
}

/** A leading minus would negate the filter; Algolia compares facet values without regard to case. */
function facetValue(value: string): string {
  return value.startsWith('-') ? `\\${value}` : value;
}

function numericFilters(filters: SearchFilters): string[] {
  return NUMERIC_FILTERS.flatMap(([name, attribute, operator]) => {
    const value = filters[name];
    return typeof value === 'number' ? [`${attribute}${operator}${value}`] : [];
  });
}
