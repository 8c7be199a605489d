import { describe, expect, it } from 'vitest';
import { IndexGenerations, SearchPageCache } from './page-cache';
import type { SearchDocument, VehicleSearchIndex } from './port';

const NORTH = 'north';
const SOUTH = 'south';

function setup(options: { maxBytes?: number; ttlMs?: number } = {}) {
  let now = 0;
  let renders = 0;
  const generations = new IndexGenerations();
  const cache = new SearchPageCache(generations, {
    maxBytes: options.maxBytes ?? 1_000,
    ttlMs: options.ttlMs ?? 60_000,
    now: () => now,
  });
  const page =
    (text: string, cacheable = true) =>
    async () => {
      renders++;
      return { bytes: Buffer.from(text), cacheable };
    };
  return {
    generations,
    cache,
    page,
    renders: () => renders,
    later: (ms: number) => (now += ms),
  };
}

describe('search pages kept as sent, until the index changes', () => {
  it('when the same search comes twice, then it is rendered once', async () => {
    const { cache, page, renders } = setup();
    await cache.getOrRender([NORTH], 'q=camry', page('first'));
    const again = await cache.getOrRender([NORTH], 'q=camry', page('second'));
    expect(again.toString()).toBe('first');
    expect(renders()).toBe(1);
  });

  it('when the index takes a change for a rooftop, then that rooftop’s pages are rendered again and others are not', async () => {
    const { generations, cache, page, renders } = setup();
    const applied: string[] = [];
    const index: VehicleSearchIndex = {
      upsert: async (documents) => void applied.push(...documents.map((d) => d.id)),
      remove: async () => undefined,
    };
    await cache.getOrRender([NORTH], 'q', page('north v1'));
    await cache.getOrRender([SOUTH], 'q', page('south v1'));
    await generations.watching(index).upsert([{ id: 'car', dealershipId: NORTH } as SearchDocument]);

    expect((await cache.getOrRender([NORTH], 'q', page('north v2'))).toString()).toBe('north v2');
    expect((await cache.getOrRender([SOUTH], 'q', page('south v2'))).toString()).toBe('south v1');
    expect(applied).toEqual(['car']);
    expect(renders()).toBe(3);
  });

  it('when a group page covers a rooftop that changed, then it is rendered again', async () => {
    const { generations, cache, page } = setup();
    await cache.getOrRender([NORTH, SOUTH], 'group', page('v1'));
    generations.bump([SOUTH]);
    expect((await cache.getOrRender([NORTH, SOUTH], 'group', page('v2'))).toString()).toBe('v2');
  });

  it('when a page is older than its time to live, then it is rendered again (days in stock move on)', async () => {
    const { cache, page, later } = setup({ ttlMs: 1_000 });
    await cache.getOrRender([NORTH], 'q', page('v1'));
    later(1_000);
    expect((await cache.getOrRender([NORTH], 'q', page('v2'))).toString()).toBe('v2');
  });

  it('when MySQL answered for the engine, then the page is not kept', async () => {
    const { cache, page, renders } = setup();
    await cache.getOrRender([NORTH], 'q', page('fallback', false));
    await cache.getOrRender([NORTH], 'q', page('engine'));
    expect(renders()).toBe(2);
  });

  it('when the pages outgrow the budget, then the least recently used go first', async () => {
    const { cache, page, renders } = setup({ maxBytes: 10 });
    await cache.getOrRender([NORTH], 'a', page('aaaa'));
    await cache.getOrRender([NORTH], 'b', page('bbbb'));
    await cache.getOrRender([NORTH], 'a', page('aaaa'));
    await cache.getOrRender([NORTH], 'c', page('cccc'));
    expect(renders()).toBe(3);
    await cache.getOrRender([NORTH], 'a', page('aaaa'));
    expect(renders()).toBe(3);
    await cache.getOrRender([NORTH], 'b', page('bbbb'));
    expect(renders()).toBe(4);
  });
});
