import type { IndexSettings } from 'algoliasearch';
import { HIGHLIGHT_FIELDS, type VehicleSort } from '@showroom/contracts';
import { FIELD_SORTS, type FieldSort } from '../port';
import { ID_ORDER_ATTRIBUTES } from './vehicle-record';

/** The sorts a replica answers: every sort but relevance, which the primary index answers. */
/** Every sort but relevance has a virtual replica ordered by its field. */
export type ReplicaSort = FieldSort;
export const REPLICA_SORTS = FIELD_SORTS;

/** The record attribute and direction behind each sort ("days in stock" ascending = listed last). */
const SORT_RANKING: Record<ReplicaSort, string> = {
  price: 'asc(priceCents)',
  '-price': 'desc(priceCents)',
  year: 'asc(year)',
  '-year': 'desc(year)',
  mileage: 'asc(mileage)',
  '-mileage': 'desc(mileage)',
  daysInStock: 'desc(listedAt)',
  '-daysInStock': 'asc(listedAt)',
};

/** `showroom_prod_vehicles` + `-price` → `showroom_prod_vehicles_price_desc`. */
export function replicaIndexName(indexName: string, sort: ReplicaSort): string {
  const descending = sort.startsWith('-');
  return `${indexName}_${descending ? sort.slice(1) : sort}_${descending ? 'desc' : 'asc'}`;
}

export function replicaIndexNames(indexName: string): string[] {
  return REPLICA_SORTS.map((sort) => replicaIndexName(indexName, sort));
}

/** The index a search runs on: relevance needs words to rank by; without them, newest first. */
export function indexForSort(indexName: string, sort: VehicleSort, hasText: boolean): string {
  if (sort === 'relevance') return hasText ? indexName : replicaIndexName(indexName, 'daysInStock');
  return replicaIndexName(indexName, sort);
}

const ID_TIE_BREAK = ID_ORDER_ATTRIBUTES.map((attribute) => `asc(${attribute})`);

/** Attributes typed exactly: a VIN or stock number one character off is another vehicle. */
const EXACT_ATTRIBUTES = ['vin', 'stockNumber', 'vinTail'];

/** The primary index's settings; its virtual replicas share them and differ in ranking only. */
export function primaryIndexSettings(indexName: string): IndexSettings {
  return {
    searchableAttributes: [
      'unordered(make)',
      'unordered(model)',
      'unordered(trim)',
      'unordered(year)',
      'unordered(bodyStyle),unordered(drivetrain),unordered(fuelType)',
      'unordered(exteriorColor)',
      'stockNumber,vin,vinTail',
    ],
    attributesForFaceting: [
      'filterOnly(dealershipId)',
      'filterOnly(groupId)',
      'filterOnly(status)',
      'filterOnly(published)',
      'searchable(make)',
      'searchable(model)',
      'bodyStyle',
      'condition',
      'drivetrain',
      'fuelType',
      'searchable(exteriorColor)',
      // Faceted (not filter-only) so searches get their lowest and highest value (facets_stats).
      'year',
      'priceCents',
      'mileage',
    ],
    numericAttributesForFiltering: ['year', 'priceCents', 'mileage', 'listedAt'],
    // Ties in text relevance: the newest on the lot first, then by id, as every engine breaks ties.
    customRanking: ['desc(listedAt)', ...ID_TIE_BREAK],
    typoTolerance: true,
    minWordSizefor1Typo: 4,
    minWordSizefor2Typos: 8,
    allowTyposOnNumericTokens: false,
    disableTypoToleranceOnAttributes: EXACT_ATTRIBUTES,
    // The search-as-you-type word is a prefix; a VIN tail is typed whole or as its start.
    queryType: 'prefixLast',
    removeWordsIfNoResults: 'none',
    attributesToHighlight: [...HIGHLIGHT_FIELDS, 'vinTail'],
    attributesToSnippet: [],
    // Hits are hydrated from MySQL by id: a record's other fields never need to leave Algolia.
    attributesToRetrieve: ['objectID', 'dealershipId'],
    // A group search over many rooftops pages deep into the list; Algolia's own default is 1000.
    paginationLimitedTo: 20_000,
    maxValuesPerFacet: 100,
    replicas: replicaIndexNames(indexName).map((replica) => `virtual(${replica})`),
  };
}

/**
 * A virtual replica's settings. relevancyStrictness 0 keeps every match (sorted by the replica's
 * ranking), so a sorted list has the same total as the relevance list and the MySQL fallback.
 */
export function replicaIndexSettings(sort: ReplicaSort): IndexSettings {
  return { customRanking: [SORT_RANKING[sort], ...ID_TIE_BREAK], relevancyStrictness: 0 };
}
