import { describe, expect, it } from 'vitest';
import type { SearchDocument, SearchRequest } from '../port';
import { EmbeddedSearchEngine } from './embedded-engine';

// What the engine keeps between searches (remembered near misses, reused bit sets and counters)
// must never leak one search, or one rooftop, into another.

const north = '7d000000-0000-4000-8000-0000000000c1';
const south = '7d000000-0000-4000-8000-0000000000c2';

function car(id: number, dealershipId: string, fields: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id: `7e000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    dealershipId,
    groupId: null,
    vin: `1HGCM82633A${String(id).padStart(6, '0')}`,
    stockNumber: `S${id}`,
    condition: 'used',
    status: 'available',
    published: true,
    year: 2020,
    make: 'Honda',
    model: 'Civic',
    trim: null,
    bodyStyle: 'sedan',
    drivetrain: 'fwd',
    fuelType: 'gasoline',
    exteriorColor: 'Blue',
    mileage: 10_000,
    priceCents: 2_000_000,
    listedAt: Date.UTC(2026, 0, 1) + id,
    ...fields,
  };
}

function search(engine: EmbeddedSearchEngine, request: Partial<SearchRequest>) {
  return engine.search({
    dealershipIds: [north],
    filters: {},
    sort: 'price',
    page: 1,
    pageSize: 10,
    facets: ['make', 'price'],
    ...request,
  });
}

async function readyEngine(documents: SearchDocument[]): Promise<EmbeddedSearchEngine> {
  const engine = new EmbeddedSearchEngine({ synonyms: [] });
  await engine.upsert(documents);
  engine.markReady();
  return engine;
}

describe('embedded engine state kept between searches', () => {
  it('finds by a near miss a make that arrived after the same word was searched', async () => {
    const engine = await readyEngine([car(1, north)]);
    expect((await search(engine, { text: 'zorbax' })).total).toBe(0);

    await engine.upsert([car(2, north, { make: 'Zorbex' })]);
    expect((await search(engine, { text: 'zorbax' })).total).toBe(1);

    await engine.remove([{ dealershipId: north, id: car(2, north).id }]);
    expect((await search(engine, { text: 'zorbax' })).total).toBe(0);
  });

  it("does not find in one rooftop the near misses of another rooftop's makes", async () => {
    const engine = await readyEngine([car(1, north), car(2, south, { make: 'Zorbex' })]);
    expect((await search(engine, { dealershipIds: [south], text: 'zorbax' })).total).toBe(1);
    expect((await search(engine, { dealershipIds: [north], text: 'zorbax' })).total).toBe(0);
  });

  it('counts facets and ranges of each search afresh', async () => {
    const engine = await readyEngine([
      car(1, north, { make: 'Honda', priceCents: 1_000_000 }),
      car(2, north, { make: 'Toyota', priceCents: 3_000_000 }),
      car(3, north, { make: 'Toyota', priceCents: null }),
    ]);
    const everything = await search(engine, {});
    expect(everything.facets.make).toEqual([
      { value: 'Toyota', count: 2 },
      { value: 'Honda', count: 1 },
    ]);
    expect(everything.ranges.price).toEqual({ min: 1_000_000, max: 3_000_000 });

    const toyotas = await search(engine, { filters: { make: ['toyota'] } });
    expect(toyotas.facets.make).toEqual([{ value: 'Toyota', count: 2 }]);
    expect(toyotas.ranges.price).toEqual({ min: 3_000_000, max: 3_000_000 });

    const unpriced = await search(engine, { filters: { make: ['toyota'], priceMax: 500_000 } });
    expect(unpriced).toMatchObject({ total: 0, hits: [], facets: { make: [] }, ranges: { price: null } });
  });

  it('forgets a changed vehicle’s old values in filters and facets', async () => {
    const engine = await readyEngine([car(1, north, { make: 'Honda', published: true })]);
    await engine.upsert([car(1, north, { make: 'Mazda', published: false })]);
    expect((await search(engine, { filters: { make: ['Honda'] } })).total).toBe(0);
    expect((await search(engine, { filters: { published: true } })).total).toBe(0);
    const unpublished = await search(engine, { filters: { published: false } });
    expect(unpublished.facets.make).toEqual([{ value: 'Mazda', count: 1 }]);
  });
});
