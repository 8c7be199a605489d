import { PublicVehicleListSchema, type PublicVehicleHit } from '@showroom/contracts';

const REQUEST_TIMEOUT_MS = 5_000;
/** The largest page the public search API gives. */
const PAGE_SIZE = 100;

/**
 * The inventory service's public search, as the server reads it (INVENTORY_API_URL) for the
 * sitemap. Answers are checked against the contract: a wrong shape is an error, not a broken sitemap.
 */
export class PublicInventory {
  constructor(private readonly apiUrl: string) {}

  /** Every published, available car of the dealership, page by page, at most `limit`. */
  async allVehicles(dealershipId: string, limit: number): Promise<PublicVehicleHit[]> {
    const vehicles: PublicVehicleHit[] = [];
    for (let page = 1; vehicles.length < limit; page++) {
      const list = await this.page(dealershipId, page);
      vehicles.push(...list.items);
      if (list.items.length < PAGE_SIZE || page * PAGE_SIZE >= list.total) break;
    }
    return vehicles.slice(0, limit);
  }

  /** Whether the inventory API answers its liveness probe. */
  async ping(): Promise<void> {
    const response = await fetch(`${this.apiUrl.replace(/\/+$/, '')}/healthz`, {
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`inventory /healthz answered ${response.status}`);
  }

  private async page(dealershipId: string, page: number) {
    const url = new URL(
      `/api/inventory/public/dealerships/${encodeURIComponent(dealershipId)}/vehicles`,
      this.apiUrl,
    );
    // Oldest on the lot first: a car's place in the sitemap moves little from one day to the next.
    url.search = new URLSearchParams({
      page: String(page),
      pageSize: String(PAGE_SIZE),
      sort: '-daysInStock',
      facets: 'make',
    }).toString();
    const response = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`public vehicle search answered ${response.status} for page ${page}`);
    return PublicVehicleListSchema.parse(await response.json());
  }
}
