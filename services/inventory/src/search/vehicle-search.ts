import {
  SEARCH_FACETS,
  type PublicVehicleHit,
  type PublicVehicleList,
  type PublicVehicleQuery,
  type Vehicle,
  type VehicleHit,
  type VehicleList,
  type VehicleListQuery,
} from '@showroom/contracts';
import type { Logger } from 'pino';
import type { ErrorReporter } from '@showroom/server-kit';
import type { Rooftop } from '../rooftops/rooftop-directory';
import { isForSale, toPublicVehicle } from '../vehicles/public-vehicle';
import type { SearchFilters, SearchHit, SearchRequest, SearchResult, VehicleSearchEngine } from './port';
import type { SearchPageCache } from './page-cache';
import { understandQuery } from './query-understanding';
import type { VehicleMemo } from './vehicle-memo';

/** Finds the current vehicles a search named, for the rooftops it searched. */
export interface VehicleHydrator {
  vehiclesByRef(refs: readonly { dealershipId: string; id: string }[]): Promise<Vehicle[]>;
}

/** A page of results, and why MySQL answered instead of the engine when it did. */
export interface Answered<T> {
  page: T;
  /** Set when the engine could not answer and MySQL did (the response says so in a header). */
  fallbackReason: string | null;
}

/** One report per engine and this long at most while it stays down: an outage is one story, not thousands. */
const REPORT_EVERY_MS = 60_000;

type Query = VehicleListQuery | PublicVehicleQuery;

/** A page as rendered: `complete` when every hit of the engine made it onto the page. */
type Rendered<T> = Answered<T> & { complete: boolean };

/**
 * The search port as the routes use it: what was typed becomes words and filters, the engine
 * answers (MySQL when it cannot), and the hits become today's vehicles, each naming its rooftop.
 */
export class VehicleSearch {
  private lastReportAt = -Infinity;

  constructor(
    private readonly deps: {
      engine: VehicleSearchEngine;
      fallback: VehicleSearchEngine;
      vehicles: VehicleHydrator;
      logger: Logger;
      reporter?: ErrorReporter;
      /** Pages kept as sent, for an index in this process; none for an index elsewhere (Algolia). */
      pageCache?: SearchPageCache;
      /** Hits' vehicles kept between searches, on the same terms as the pages. */
      vehicleMemo?: VehicleMemo;
      now?: () => number;
    },
  ) {}

  /** The portal's search over the rooftops the caller may read: every status unless filtered. */
  async forDealer(rooftops: readonly Rooftop[], query: VehicleListQuery): Promise<Answered<Buffer>> {
    return this.cached('dealer', rooftops, query, () => this.dealerPage(rooftops, query));
  }

  /**
   * A website's search: only published, available cars, and only their public fields. A car that
   * was unpublished or sold a moment ago is left out even if the index has not caught up yet.
   */
  async forShoppers(rooftops: readonly Rooftop[], query: PublicVehicleQuery): Promise<Answered<Buffer>> {
    return this.cached('public', rooftops, query, () => this.shopperPage(rooftops, query));
  }

  /** The page as JSON bytes, from the page cache when this process's index has not changed since. */
  private async cached(
    audience: 'dealer' | 'public',
    rooftops: readonly Rooftop[],
    query: Query,
    render: () => Promise<Rendered<VehicleList | PublicVehicleList>>,
  ): Promise<Answered<Buffer>> {
    let fallbackReason: string | null = null;
    const renderBytes = async () => {
      const answered = await render();
      fallbackReason = answered.fallbackReason;
      // Not kept: a page MySQL answered for a cold or failing engine (the engine's is better), nor one
      // missing a hit that the replica has not got yet or that is no longer for sale.
      return {
        bytes: Buffer.from(JSON.stringify(answered.page)),
        cacheable: fallbackReason === null && answered.complete,
      };
    };
    const ids = rooftops.map((rooftop) => rooftop.id);
    const cache = this.deps.pageCache;
    const page = cache
      ? await cache.getOrRender(ids, `${audience}|${JSON.stringify(query)}`, renderBytes)
      : (await renderBytes()).bytes;
    return { page, fallbackReason };
  }

  private async dealerPage(
    rooftops: readonly Rooftop[],
    query: VehicleListQuery,
  ): Promise<Rendered<VehicleList>> {
    const { result, fallbackReason, request } = await this.run(rooftops, query, { status: query.status });
    const vehicles = await this.hydrate(result.hits);
    const names = new Map(rooftops.map((rooftop) => [rooftop.id, rooftop.name]));
    const items = result.hits.flatMap((hit): VehicleHit[] => {
      const vehicle = vehicles.get(hit.id);
      return vehicle ? [{ ...vehicle, ...this.extras(hit, names) }] : [];
    });
    return {
      page: this.pageOf(items, result, request),
      fallbackReason,
      complete: items.length === result.hits.length,
    };
  }

  private async shopperPage(
    rooftops: readonly Rooftop[],
    query: PublicVehicleQuery,
  ): Promise<Rendered<PublicVehicleList>> {
    const { result, fallbackReason, request } = await this.run(rooftops, query, {
      status: ['available'],
      published: true,
    });
    const vehicles = await this.hydrate(result.hits);
    const names = new Map(rooftops.map((rooftop) => [rooftop.id, rooftop.name]));
    const items = result.hits.flatMap((hit): PublicVehicleHit[] => {
      const vehicle = vehicles.get(hit.id);
      return vehicle && isForSale(vehicle)
        ? [{ ...toPublicVehicle(vehicle), ...this.extras(hit, names) }]
        : [];
    });
    return {
      page: this.pageOf(items, result, request),
      fallbackReason,
      complete: items.length === result.hits.length,
    };
  }

  private async run(rooftops: readonly Rooftop[], query: Query, scope: SearchFilters) {
    const request = searchRequestOf(rooftops, query, scope);
    try {
      return { request, result: await this.deps.engine.search(request), fallbackReason: null };
    } catch (error) {
      const fallbackReason = `${this.deps.engine.name} search unavailable; answered from MySQL`;
      this.deps.logger.warn({ err: error, engine: this.deps.engine.name }, fallbackReason);
      this.report(error);
      return { request, result: await this.deps.fallback.search(request), fallbackReason };
    }
  }

  private report(error: unknown): void {
    const now = (this.deps.now ?? Date.now)();
    if (now - this.lastReportAt < REPORT_EVERY_MS) return;
    this.lastReportAt = now;
    this.deps.reporter?.notify(error, { engine: this.deps.engine.name, fallback: this.deps.fallback.name });
  }

  private async hydrate(hits: readonly SearchHit[]): Promise<Map<string, Vehicle>> {
    const memo = this.deps.vehicleMemo;
    if (!memo) return byId(await this.deps.vehicles.vehiclesByRef(hits));
    const { known, missing } = memo.recall(hits);
    if (missing.length === 0) return byId(known);
    const generations = memo.generationsOf(missing.map((ref) => ref.dealershipId));
    const read = await this.deps.vehicles.vehiclesByRef(missing);
    memo.remember(read, generations);
    return byId([...known, ...read]);
  }

  private extras(hit: SearchHit, rooftopNames: ReadonlyMap<string, string>) {
    return {
      rooftop: { id: hit.dealershipId, name: rooftopNames.get(hit.dealershipId) ?? '' },
      highlights: hit.highlights,
    };
  }

  private pageOf<T>(items: T[], result: SearchResult, request: SearchRequest) {
    return {
      items,
      page: request.page,
      pageSize: request.pageSize,
      total: result.total,
      facets: result.facets,
      ranges: result.ranges,
    };
  }
}

function byId(vehicles: readonly Vehicle[]): Map<string, Vehicle> {
  return new Map(vehicles.map((vehicle) => [vehicle.id, vehicle]));
}

/** The engine's request: typed phrases become bounds unless the searcher set that bound. */
export function searchRequestOf(
  rooftops: readonly Rooftop[],
  query: Query,
  scope: SearchFilters,
): SearchRequest {
  const { text, bounds } = understandQuery(query.q);
  const filters: SearchFilters = {
    ...bounds,
    ...definedOnly({
      condition: query.condition,
      bodyStyle: query.bodyStyle,
      drivetrain: query.drivetrain,
      fuelType: query.fuelType,
      make: query.make,
      model: query.model,
      exteriorColor: query.exteriorColor,
      yearMin: query.yearMin,
      yearMax: query.yearMax,
      priceMin: query.priceMin,
      priceMax: query.priceMax,
      mileageMin: query.mileageMin,
      mileageMax: query.mileageMax,
    }),
    ...definedOnly(scope),
  };
  return {
    dealershipIds: rooftops.map((rooftop) => rooftop.id),
    text,
    filters,
    sort: query.sort ?? (text ? 'relevance' : 'daysInStock'),
    page: query.page,
    pageSize: query.pageSize,
    facets: query.facets ?? SEARCH_FACETS,
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
