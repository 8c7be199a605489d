import { LRUCache } from 'lru-cache';
import type { EncodedBody } from './encoding';

/** A rendered page as it is sent: kept whole so a hit costs no rendering, hashing or compressing. */
export interface RenderedPage {
  status: number;
  /** Angular's response headers (content type, a redirect's Location, Vary). */
  headers: Array<[string, string]>;
  body: EncodedBody;
  /** The page's Content-Security-Policy (it names the hashes of the page's inline scripts). */
  csp: string;
}

export interface PageCacheOptions {
  ttlMs: number;
  maxBytes: number;
}

const sizeOf = (page: RenderedPage) =>
  page.body.identity.length + (page.body.br?.length ?? 0) + (page.body.gzip?.length ?? 0) + 512;

/**
 * Rendered pages in memory, bounded by bytes (least recently used go first). The key holds the
 * site's version, so a site the dealer just changed is rendered anew the moment the server sees
 * the new version, while pages of the old one age out.
 */
export class PageCache {
  private readonly pages: LRUCache<string, RenderedPage>;
  private readonly rendering = new Map<string, Promise<RenderedPage | null>>();

  constructor(options: PageCacheOptions) {
    this.pages = new LRUCache<string, RenderedPage>({
      maxSize: options.maxBytes,
      maxEntrySize: Math.max(1, Math.floor(options.maxBytes / 8)),
      sizeCalculation: sizeOf,
      ttl: Math.max(options.ttlMs, 1),
    });
  }

  static keyOf(siteVersion: number, host: string, url: string): string {
    return `${siteVersion}\u0000${host}\u0000${url}`;
  }

  get(key: string): RenderedPage | undefined {
    return this.pages.get(key);
  }

  /**
   * The cached page, or the one `render` makes — once, however many requests for it arrive while
   * it renders. Only 200s are kept.
   */
  async getOrRender(
    key: string,
    render: () => Promise<RenderedPage | null>,
  ): Promise<{ page: RenderedPage | null; hit: boolean }> {
    const cached = this.pages.get(key);
    if (cached) return { page: cached, hit: true };
    let pending = this.rendering.get(key);
    if (!pending) {
      pending = render()
        .then((page) => {
          if (page?.status === 200) this.pages.set(key, page);
          return page;
        })
        .finally(() => this.rendering.delete(key));
      this.rendering.set(key, pending);
    }
    return { page: await pending, hit: false };
  }
}
