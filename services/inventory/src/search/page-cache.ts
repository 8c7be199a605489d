import type { VehicleRef, VehicleSearchIndex, SearchDocument } from './port';

/**
 * How many times this process's index has changed for each rooftop. A cached page is keyed by the
 * generations of the rooftops it searched, so the first change the index applies to one of them
 * makes every page of that rooftop a miss: a page is never older than the index that answered it.
 */
export class IndexGenerations {
  private readonly byDealership = new Map<string, number>();

  constructor(private readonly bumped?: (dealershipIds: readonly string[]) => void) {}

  of(dealershipIds: readonly string[]): string {
    return dealershipIds.map((id) => this.byDealership.get(id) ?? 0).join('.');
  }

  bump(dealershipIds: Iterable<string>): void {
    const changed = [...new Set(dealershipIds)];
    for (const id of changed) this.byDealership.set(id, (this.byDealership.get(id) ?? 0) + 1);
    if (changed.length > 0) this.bumped?.(changed);
  }

  /** The index, telling these generations about every change it takes. */
  watching(index: VehicleSearchIndex): VehicleSearchIndex {
    return {
      upsert: async (documents: readonly SearchDocument[]) => {
        await index.upsert(documents);
        this.bump(documents.map((document) => document.dealershipId));
      },
      remove: async (refs: readonly VehicleRef[]) => {
        await index.remove(refs);
        this.bump(refs.map((ref) => ref.dealershipId));
      },
    };
  }
}

export interface PageCacheOptions {
  /** Most bytes kept; the least recently used pages go first. */
  maxBytes: number;
  /** Longest a page is kept even when nothing changes: days in stock move on with the clock. */
  ttlMs: number;
  now?: () => number;
}

interface CachedPage {
  bytes: Buffer;
  storedAt: number;
}

/**
 * Search pages as the JSON bytes that were sent, in this process's memory. Only for an index that
 * lives in this process (its generations are known here); a hit is sent as stored.
 */
export class SearchPageCache {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(
    private readonly generations: IndexGenerations,
    private readonly options: PageCacheOptions,
  ) {}

  async getOrRender(
    dealershipIds: readonly string[],
    query: string,
    render: () => Promise<{ bytes: Buffer; cacheable: boolean }>,
  ): Promise<Buffer> {
    const key = `${dealershipIds.join(',')}|${this.generations.of(dealershipIds)}|${query}`;
    const now = (this.options.now ?? Date.now)();
    const hit = this.pages.get(key);
    if (hit && now - hit.storedAt < this.options.ttlMs) {
      // Most recently used last: Map keeps insertion order.
      this.pages.delete(key);
      this.pages.set(key, hit);
      return hit.bytes;
    }
    if (hit) this.forget(key, hit);
    const rendered = await render();
    if (rendered.cacheable && rendered.bytes.length <= this.options.maxBytes) {
      this.pages.set(key, { bytes: rendered.bytes, storedAt: now });
      this.bytes += rendered.bytes.length;
      this.evictOverBudget();
    }
    return rendered.bytes;
  }

  private evictOverBudget(): void {
    for (const [key, page] of this.pages) {
      if (this.bytes <= this.options.maxBytes) return;
      this.forget(key, page);
    }
  }

  private forget(key: string, page: CachedPage): void {
    this.pages.delete(key);
    this.bytes -= page.bytes.length;
  }
}
