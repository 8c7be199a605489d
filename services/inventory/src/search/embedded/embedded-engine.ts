import {
  RANGE_FACETS,
  VALUE_FACETS,
  type FacetCount,
  type RangeFacet,
  type SearchFacet,
  type ValueFacet,
} from '@showroom/contracts';
import {
  FACET_VALUE_LIMITS,
  SearchEngineUnavailable,
  type SearchDocument,
  type SearchRequest,
  type SearchResult,
  type SynonymRule,
  type VehicleRef,
  type VehicleSearchEngine,
  type VehicleSearchIndex,
} from '../port';
import { DealershipIndex, type DealershipMatches, type RankedVehicle } from './dealership-index';
import type { FacetTally } from './facet-column';
import { NearMisses } from './near-misses';
import { highlightVehicle, type KnownHighlights } from './highlights';
import { compileTextQuery, queryWords } from './text-query';
import { FIELD_ORDER, compareRelevance } from './vehicle-order';

/** Above this many changes for one rooftop at once, its orders are re-sorted once instead of per car. */
const BULK_CHANGE = 64;

export interface EmbeddedSearchOptions {
  synonyms: readonly SynonymRule[];
}

/**
 * The in-process search engine: one index per dealership in this process's memory, so a search
 * only ever reads the rooftops it names. It answers only once `markReady()` says the first full
 * build is done; until then the caller falls back to MySQL.
 */
export class EmbeddedSearchEngine implements VehicleSearchEngine, VehicleSearchIndex {
  readonly name = 'embedded';
  private readonly dealerships = new Map<string, DealershipIndex>();
  private readonly dealershipOfVehicle = new Map<string, string>();
  private readonly sharedValues = new Map<string, string>();
  private readonly nearMisses = new NearMisses();
  private ready = false;

  constructor(private readonly options: EmbeddedSearchOptions) {}

  markReady(): void {
    for (const index of this.dealerships.values()) index.prepare();
    this.ready = true;
  }

  isReady(): boolean {
    return this.ready;
  }

  /** Vehicles held, for health and memory reports. */
  get size(): number {
    return this.dealershipOfVehicle.size;
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    const byDealership = groupBy(documents.map(this.shareValues), (document) => document.dealershipId);
    for (const [dealershipId, batch] of byDealership) {
      const index = this.dealershipIndex(dealershipId);
      if (batch.length > BULK_CHANGE) index.startBulkChange();
      for (const document of batch) {
        const previous = this.dealershipOfVehicle.get(document.id);
        if (previous !== undefined && previous !== dealershipId)
          this.dealerships.get(previous)?.remove(document.id);
        index.upsert(document);
        this.dealershipOfVehicle.set(document.id, dealershipId);
      }
    }
  }

  async remove(refs: readonly VehicleRef[]): Promise<void> {
    for (const ref of refs) {
      const dealershipId = this.dealershipOfVehicle.get(ref.id);
      if (dealershipId === undefined) continue;
      this.dealerships.get(dealershipId)?.remove(ref.id);
      this.dealershipOfVehicle.delete(ref.id);
    }
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    if (!this.ready) throw new SearchEngineUnavailable(this.name, 'index is still being built');
    const text = compileTextQuery(request.text, this.options.synonyms);
    const sort = request.sort === 'relevance' && !text ? 'daysInStock' : request.sort;
    const limit = request.page * request.pageSize;
    const valueFacets = [...new Set(request.facets)].filter(isValueFacet);
    const matches: DealershipMatches[] = [];
    for (const dealershipId of new Set(request.dealershipIds)) {
      const index = this.dealerships.get(dealershipId);
      if (index)
        matches.push(index.search({ text, filters: request.filters, sort, limit, facets: valueFacets }));
    }
    const compare =
      sort === 'relevance'
        ? compareRelevance
        : (a: RankedVehicle, b: RankedVehicle) => FIELD_ORDER[sort](a.document, b.document);
    const page = matches
      .flatMap((match) => match.first)
      .sort(compare)
      .slice(limit - request.pageSize, limit);
    const words = text ? queryWords(text) : [];
    const highlighted: KnownHighlights = new Map();
    return {
      hits: page.map(({ document }) => ({
        dealershipId: document.dealershipId,
        id: document.id,
        highlights: text ? highlightVehicle(document, words, highlighted) : [],
      })),
      total: matches.reduce((sum, match) => sum + match.total, 0),
      facets: Object.fromEntries(
        valueFacets.map((facet) => [
          facet,
          mergeFacet(
            matches.map((match) => match.facets[facet] ?? []),
            facet,
          ),
        ]),
      ),
      ranges: Object.fromEntries(
        request.facets.filter(isRangeFacet).map((facet) => [facet, mergeRange(matches, facet)]),
      ),
    };
  }

  /**
   * Rows read from MySQL carry their own copy of every "Toyota"; keeping one copy of each repeated
   * value saves tens of MiB per 100,000 vehicles.
   */
  private readonly shareValues = (document: SearchDocument): SearchDocument => {
    const share = <T extends string | null>(value: T): T => {
      if (value === null) return value;
      const known = this.sharedValues.get(value);
      if (known !== undefined) return known as T;
      this.sharedValues.set(value, value);
      return value;
    };
    return {
      ...document,
      dealershipId: share(document.dealershipId),
      groupId: share(document.groupId),
      condition: share(document.condition),
      status: share(document.status),
      make: share(document.make),
      model: share(document.model),
      trim: share(document.trim),
      bodyStyle: share(document.bodyStyle),
      drivetrain: share(document.drivetrain),
      fuelType: share(document.fuelType),
      exteriorColor: share(document.exteriorColor),
    };
  };

  private dealershipIndex(dealershipId: string): DealershipIndex {
    let index = this.dealerships.get(dealershipId);
    if (!index) {
      index = new DealershipIndex(this.nearMisses);
      this.dealerships.set(dealershipId, index);
    }
    return index;
  }
}

function isValueFacet(facet: SearchFacet): facet is ValueFacet {
  return (VALUE_FACETS as readonly string[]).includes(facet);
}

function isRangeFacet(facet: SearchFacet): facet is RangeFacet {
  return (RANGE_FACETS as readonly string[]).includes(facet);
}

/** Counts of several rooftops added up by value (without case), most common first, then by value. */
function mergeFacet(perDealership: FacetTally[][], facet: ValueFacet): FacetCount[] {
  let counts: FacetCount[];
  if (perDealership.length === 1) {
    // One rooftop (the usual search): its values are distinct already.
    counts = (perDealership[0] as FacetTally[]).map(({ value, count }) => ({ value, count }));
  } else {
    const merged = new Map<string, FacetCount>();
    for (const tallies of perDealership) {
      for (const tally of tallies) {
        const known = merged.get(tally.key);
        if (known) known.count += tally.count;
        else merged.set(tally.key, { value: tally.value, count: tally.count });
      }
    }
    counts = [...merged.values()];
  }
  return counts
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, FACET_VALUE_LIMITS[facet]);
}

function mergeRange(matches: DealershipMatches[], facet: RangeFacet): { min: number; max: number } | null {
  let merged: { min: number; max: number } | null = null;
  for (const match of matches) {
    const range = match.ranges[facet];
    if (!range) continue;
    merged = merged
      ? { min: Math.min(merged.min, range.min), max: Math.max(merged.max, range.max) }
      : { ...range };
  }
  return merged;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
