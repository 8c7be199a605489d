import { describe, expect, it } from 'vitest';
import { generateDemoVehicles } from '@showroom/demo-data';
import type { SearchDocument, SearchRequest } from '../port';
import { EmbeddedSearchEngine } from './embedded-engine';
import { FIELD_ORDER } from './vehicle-order';

const dealershipId = '7d000000-0000-4000-8000-0000000000b1';

/** A rooftop's whole inventory, more than one batch's worth, so the bulk path (sort once) is taken. */
function inventory(count: number): SearchDocument[] {
  return generateDemoVehicles({ count, seed: 7, currentYear: 2026 }).map((vehicle, i) => ({
    id: `7e000000-0000-4000-8000-${String(500_000 + i).padStart(12, '0')}`,
    dealershipId,
    groupId: null,
    vin: vehicle.vin,
    stockNumber: vehicle.stockNumber,
    condition: vehicle.condition,
    status: vehicle.status ?? 'available',
    published: true,
    year: vehicle.year,
    make: vehicle.make,
    model: vehicle.model,
    trim: vehicle.trim ?? null,
    bodyStyle: vehicle.bodyStyle ?? null,
    drivetrain: vehicle.drivetrain ?? null,
    fuelType: vehicle.fuelType ?? null,
    exteriorColor: vehicle.exteriorColor ?? null,
    mileage: vehicle.mileage,
    // Some cars without a price and many equal listing days, to exercise nulls and ties.
    priceCents: i % 17 === 0 ? null : (vehicle.priceCents ?? null),
    listedAt: Date.UTC(2026, 10, 1) - vehicle.ageDays * 86_400_000,
  }));
}

async function allPages(engine: EmbeddedSearchEngine, request: Partial<SearchRequest>): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const { hits } = await engine.search({
      dealershipIds: [dealershipId],
      filters: {},
      sort: 'price',
      page,
      pageSize: 40,
      facets: [],
      ...request,
    });
    if (hits.length === 0) return ids;
    ids.push(...hits.map((hit) => hit.id));
  }
}

describe('embedded engine with a whole rooftop loaded at once', () => {
  it('when 300 cars arrive in one batch and then change one by one, then every sort still pages in order', async () => {
    const cars = inventory(300);
    const engine = new EmbeddedSearchEngine({ synonyms: [] });
    await engine.upsert(cars);
    engine.markReady();
    const repriced = { ...(cars[5] as SearchDocument), priceCents: 1_000 };
    const relisted = { ...(cars[9] as SearchDocument), listedAt: Date.UTC(2026, 10, 2) };
    await engine.upsert([repriced, relisted]);
    await engine.remove([{ dealershipId, id: (cars[11] as SearchDocument).id }]);
    const current = cars.map((car) =>
      car.id === repriced.id ? repriced : car.id === relisted.id ? relisted : car,
    );
    const remaining = current.filter((car) => car.id !== (cars[11] as SearchDocument).id);

    for (const sort of ['price', '-price', 'mileage', '-daysInStock', 'daysInStock'] as const) {
      const expected = [...remaining].sort(FIELD_ORDER[sort]).map((car) => car.id);
      expect(await allPages(engine, { sort }), sort).toEqual(expected);
    }
    expect((await allPages(engine, { sort: 'price' }))[0]).toBe(repriced.id);
  });

  it('when a second large batch replaces the cars, then search-as-you-type finds the new stock numbers only', async () => {
    const engine = new EmbeddedSearchEngine({ synonyms: [] });
    const first = inventory(200);
    await engine.upsert(first);
    engine.markReady();
    const renumbered = first.map((car, i) => ({ ...car, stockNumber: `Z${7000 + i}` }));
    await engine.upsert(renumbered);
    const search = (text: string) =>
      engine.search({
        dealershipIds: [dealershipId],
        text,
        filters: {},
        sort: 'relevance',
        page: 1,
        pageSize: 100,
        facets: [],
      });
    expect((await search('Z70')).total).toBe(100);
    expect((await search((first[0] as SearchDocument).stockNumber)).total).toBe(0);
  });
});
