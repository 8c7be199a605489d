import { describe, expect, it } from 'vitest';
import { PageCache, type RenderedPage } from './page-cache';

const page = (status: number, text: string): RenderedPage => ({
  status,
  headers: [['content-type', 'text/html']],
  body: { identity: Buffer.from(text), etag: `"${text}"` },
  csp: "default-src 'self'",
});

describe('the page cache', () => {
  it('renders a page once for many requests that arrive while it renders, then serves it', async () => {
    const cache = new PageCache({ ttlMs: 60_000, maxBytes: 1024 * 1024 });
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((wait) => setTimeout(wait, 20));
      return page(200, 'home');
    };
    const key = PageCache.keyOf(1, 'alpha.localhost', '/');
    const answers = await Promise.all(Array.from({ length: 10 }, () => cache.getOrRender(key, render)));
    expect(renders).toBe(1);
    expect(answers.every((answer) => answer.page?.body.identity.toString() === 'home')).toBe(true);
    expect((await cache.getOrRender(key, render)).hit).toBe(true);
  });

  it('keeps only 200s', async () => {
    const cache = new PageCache({ ttlMs: 60_000, maxBytes: 1024 * 1024 });
    const key = PageCache.keyOf(1, 'alpha.localhost', '/nope');
    await cache.getOrRender(key, async () => page(404, 'not found'));
    expect(cache.get(key)).toBeUndefined();
  });

  it('files a page under the site version, so a new version is a different page', () => {
    expect(PageCache.keyOf(1, 'a.localhost', '/')).not.toBe(PageCache.keyOf(2, 'a.localhost', '/'));
  });

  it('holds at most its byte budget, dropping the least recently used', async () => {
    const cache = new PageCache({ ttlMs: 60_000, maxBytes: 8 * 4096 });
    for (let n = 0; n < 40; n++) {
      await cache.getOrRender(`k${n}`, async () => page(200, 'x'.repeat(2000)));
    }
    expect(cache.get('k0')).toBeUndefined();
    expect(cache.get('k39')).toBeDefined();
  });
});
