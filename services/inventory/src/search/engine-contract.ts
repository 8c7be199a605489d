import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VALUE_FACETS, type FacetCount, type ValueFacet, type VehicleSort } from '@showroom/contracts';
import {
  CONTRACT_DEALERSHIPS,
  CONTRACT_VEHICLES,
  contractVehicles as cars,
} from './engine-contract-vehicles';
import type {
  SearchDocument,
  SearchFilters,
  SearchRequest,
  SearchResult,
  VehicleSearchEngine,
  VehicleSearchIndex,
} from './port';
import { FIELD_SORTS } from './port';

export interface ContractEngine {
  engine: VehicleSearchEngine;
  index: VehicleSearchIndex;
  close: () => Promise<void>;
}

export interface EngineCapabilities {
  /** "toyta" finds Toyota. The MySQL fallback does not forgive typos. */
  typoTolerance: boolean;
  highlights: boolean;
}

const { north, south, east, other } = CONTRACT_DEALERSHIPS;
const group = [north, south, east];

/**
 * The one behaviour every search engine owes the service, asserted only through the port: run it
 * with a `setup` that gives an empty engine ready to answer (the suite loads its own vehicles).
 */
export function describeSearchEngineContract(
  name: string,
  setup: () => Promise<ContractEngine>,
  capabilities: EngineCapabilities,
): void {
  describe(`${name} search engine contract`, () => {
    let subject: ContractEngine;
    const search = (request: Partial<SearchRequest>) => subject.engine.search(searchOf(request));

    describe('on a loaded inventory', () => {
      beforeAll(async () => {
        subject = await setup();
        await subject.index.upsert(CONTRACT_VEHICLES);
      });
      afterAll(() => subject.close());

      describe('tenancy', () => {
        it("when North searches Other's exact VIN or its last six, then nothing is found", async () => {
          expect((await search({ text: cars.otherCamryXse.vin })).total).toBe(0);
          expect((await search({ text: '999999' })).total).toBe(0);
        });

        it('when North searches stock number N1001, which Other uses too, then only North’s car is found', async () => {
          expect(idsIn(await search({ text: 'N1001' }))).toEqual([cars.northCamryXle.id]);
        });

        it('when North browses without text, then every vehicle is North’s and all of them are there', async () => {
          const result = await search({});
          expect(result.total).toBe(inRooftops([north]).length);
          expect(sorted(idsIn(result))).toEqual(sorted(inRooftops([north]).map((car) => car.id)));
        });

        it('when a search names a dealership with no vehicles, then nothing is found', async () => {
          const result = await search({
            dealershipIds: ['7d000000-0000-4000-8000-0000000000ff'],
            text: 'camry',
          });
          expect(result).toMatchObject({ total: 0, hits: [] });
        });
      });

      describe('dealer groups', () => {
        it('when a group user searches "camry" across the three rooftops, then the Camrys of North and South are found and none of Other’s', async () => {
          const result = await search({ dealershipIds: group, text: 'camry' });
          expect(sorted(idsIn(result))).toEqual(
            sorted([cars.northCamryXle.id, cars.northCamrySe.id, cars.southCamryLe.id]),
          );
          expect(result.hits.map((hit) => hit.dealershipId)).not.toContain(other);
        });

        it('when a group user browses, then each hit names its own rooftop and facets count all three', async () => {
          const result = await search({ dealershipIds: group, facets: ['make'] });
          const groupCars = inRooftops(group);
          expect(result.total).toBe(groupCars.length);
          for (const hit of result.hits) {
            expect(hit.dealershipId).toBe(CONTRACT_VEHICLES.find((car) => car.id === hit.id)?.dealershipId);
          }
          expect(result.facets.make).toEqual(expectedFacet(groupCars, 'make'));
        });
      });

      describe('text', () => {
        it('when a shopper types "toyota sedan", then every word must match: the Camrys, not the Tacoma', async () => {
          expect(sorted(idsIn(await search({ text: 'toyota sedan' })))).toEqual(
            sorted([cars.northCamryXle.id, cars.northCamrySe.id]),
          );
        });

        it('when a shopper has typed "silv" so far, then the Silverado is already found', async () => {
          expect(idsIn(await search({ text: 'chevrolet silv' }))).toEqual([cars.northSilverado.id]);
        });

        it('when a shopper types a year and a colour, then both must match', async () => {
          expect(idsIn(await search({ text: '2021 red' }))).toEqual([cars.northCorvette.id]);
        });

        it('when a shopper types "f150" or "f-150", then the F-150 is found either way', async () => {
          expect(idsIn(await search({ text: 'f150' }))).toEqual([cars.northF150.id]);
          expect(idsIn(await search({ text: 'ford f-150' }))).toEqual([cars.northF150.id]);
        });

        it('when a salesperson types a stock number, then that car is found', async () => {
          expect(idsIn(await search({ text: 'U1003' }))).toEqual([cars.northSilverado.id]);
        });

        it('when a salesperson types the last six or the last eight of a VIN, then that car is found', async () => {
          expect(idsIn(await search({ text: cars.northSilverado.vin.slice(-6) }))).toEqual([
            cars.northSilverado.id,
          ]);
          expect(idsIn(await search({ text: cars.northSilverado.vin.slice(-8) }))).toEqual([
            cars.northSilverado.id,
          ]);
          expect(idsIn(await search({ text: cars.northSilverado.vin.toLowerCase() }))).toEqual([
            cars.northSilverado.id,
          ]);
        });

        it('when a VIN tail or stock number is off by one character, then nothing is found: codes are never guessed', async () => {
          expect((await search({ text: '100193' })).total).toBe(0);
          expect((await search({ text: 'U1093' })).total).toBe(0);
        });

        it('when a word matches nothing, then nothing is found even if the other words match', async () => {
          expect((await search({ text: 'camry zebra' })).total).toBe(0);
        });

        it.runIf(capabilities.typoTolerance)(
          'when a shopper types "toyta camry", then the Toyota Camrys are found',
          async () => {
            expect(sorted(idsIn(await search({ text: 'toyta camry' })))).toEqual(
              sorted([cars.northCamryXle.id, cars.northCamrySe.id]),
            );
          },
        );

        it.runIf(capabilities.typoTolerance)(
          'when a shopper misspells a long word ("silverdo 1500"), then the Silverado is found',
          async () => {
            expect(idsIn(await search({ text: 'silverdo 1500' }))).toEqual([cars.northSilverado.id]);
          },
        );
      });

      describe('synonyms', () => {
        it('when a shopper types "chevy", then the Chevrolets are found', async () => {
          expect(sorted(idsIn(await search({ text: 'chevy' })))).toEqual(
            sorted([cars.northSilverado.id, cars.northCorvette.id]),
          );
        });

        it('when a shopper types "vette", then the Corvette is found', async () => {
          expect(idsIn(await search({ text: 'vette' }))).toEqual([cars.northCorvette.id]);
        });

        it('when a shopper types "4x4" or "four wheel drive", then the four-wheel-drive cars are found', async () => {
          const fourWheelDrive = sorted(
            inRooftops([north])
              .filter((car) => car.drivetrain === '4wd')
              .map((car) => car.id),
          );
          expect(sorted(idsIn(await search({ text: '4x4' })))).toEqual(fourWheelDrive);
          expect(sorted(idsIn(await search({ text: 'four wheel drive' })))).toEqual(fourWheelDrive);
        });

        it('when a shopper types "chevy 4x4", then only the Chevrolet with four-wheel drive is found', async () => {
          expect(idsIn(await search({ text: 'chevy 4x4' }))).toEqual([cars.northSilverado.id]);
        });

        it('when a shopper types "truck", then the pickups are found', async () => {
          expect(sorted(idsIn(await search({ text: 'truck' })))).toEqual(
            sorted([cars.northTacoma.id, cars.northSilverado.id, cars.northF150.id]),
          );
        });
      });

      describe('filters', () => {
        const cases: Array<[string, SearchFilters, (car: SearchDocument) => boolean]> = [
          ['status', { status: ['available'] }, (car) => car.status === 'available'],
          ['published', { published: false }, (car) => !car.published],
          ['condition', { condition: ['used', 'certified'] }, (car) => car.condition !== 'new'],
          ['body style', { bodyStyle: ['pickup'] }, (car) => car.bodyStyle === 'pickup'],
          ['drivetrain', { drivetrain: ['awd'] }, (car) => car.drivetrain === 'awd'],
          [
            'fuel type',
            { fuelType: ['hybrid', 'electric'] },
            (car) => ['hybrid', 'electric'].includes(car.fuelType ?? ''),
          ],
          [
            'make, in any case',
            { make: ['toyota', 'HONDA'] },
            (car) => ['Toyota', 'Honda'].includes(car.make),
          ],
          ['model', { model: ['Camry'] }, (car) => car.model === 'Camry'],
          [
            'exterior colour',
            { exteriorColor: ['crystal black'] },
            (car) => car.exteriorColor === 'Crystal Black',
          ],
          ['year range', { yearMin: 2022, yearMax: 2023 }, (car) => car.year >= 2022 && car.year <= 2023],
          [
            'price range (cars without a price never match one)',
            { priceMin: 3_000_000, priceMax: 4_500_000 },
            (car) => car.priceCents !== null && car.priceCents >= 3_000_000 && car.priceCents <= 4_500_000,
          ],
          [
            'mileage range',
            { mileageMin: 10, mileageMax: 25_000 },
            (car) => car.mileage >= 10 && car.mileage <= 25_000,
          ],
        ];
        for (const [label, filters, matches] of cases) {
          it(`when North filters by ${label}, then exactly the matching cars are found`, async () => {
            const result = await search({ filters });
            expect(sorted(idsIn(result))).toEqual(
              sorted(
                inRooftops([north])
                  .filter(matches)
                  .map((car) => car.id),
              ),
            );
          });
        }

        it('when filters and text combine, then both hold', async () => {
          const result = await search({ text: 'toyota', filters: { condition: ['used'] } });
          expect(sorted(idsIn(result))).toEqual(sorted([cars.northTacoma.id, cars.northCamrySe.id]));
        });
      });

      describe('facets and ranges', () => {
        it('when North browses, then every facet counts its cars, most common first, then by value', async () => {
          const result = await search({ facets: [...VALUE_FACETS] });
          for (const facet of VALUE_FACETS) {
            expect(result.facets[facet], facet).toEqual(expectedFacet(inRooftops([north]), facet));
          }
        });

        it('when a filter is applied, then every facet narrows to the cars that pass it, its own included', async () => {
          const result = await search({ filters: { bodyStyle: ['pickup'] }, facets: ['make', 'bodyStyle'] });
          const pickups = inRooftops([north]).filter((car) => car.bodyStyle === 'pickup');
          expect(result.facets.make).toEqual(expectedFacet(pickups, 'make'));
          expect(result.facets.bodyStyle).toEqual([{ value: 'pickup', count: pickups.length }]);
        });

        it('when text is typed, then facets count only the cars it finds', async () => {
          const result = await search({ text: 'crystal black', facets: ['model'] });
          expect(result.facets.model).toEqual([
            { value: 'Camry', count: 1 },
            { value: 'GLE 350', count: 1 },
            { value: 'Silverado 1500', count: 1 },
          ]);
        });

        it('when ranges are asked for, then they are the lowest and highest of the matching cars', async () => {
          const result = await search({ text: 'toyota', facets: ['year', 'price', 'mileage'] });
          expect(result.ranges).toEqual({
            year: { min: 2019, max: 2024 },
            price: { min: 1_850_000, max: 3_890_000 },
            mileage: { min: 12, max: 61_000 },
          });
        });

        it('when no matching car has a price, then the price range is null', async () => {
          const result = await search({ text: 'accord', facets: ['price', 'year'] });
          expect(result.ranges).toEqual({ price: null, year: { min: 2024, max: 2024 } });
        });

        it('when only some facets are asked for, then only those come back', async () => {
          const result = await search({ facets: ['condition', 'mileage'] });
          expect(Object.keys(result.facets)).toEqual(['condition']);
          expect(Object.keys(result.ranges)).toEqual(['mileage']);
        });
      });

      describe('sorting and paging', () => {
        const fieldSorts: readonly VehicleSort[] = FIELD_SORTS;
        for (const sort of fieldSorts) {
          it(`when the group's cars are paged three at a time by ${sort}, then every car comes once, in order, ties by id`, async () => {
            const expected = [...inRooftops(group)].sort(referenceOrder(sort)).map((car) => car.id);
            expect(await everyPage(subject.engine, { dealershipIds: group, sort }, 3)).toEqual(expected);
          });
        }

        it('when there is no text, then relevance means newest on the lot first', async () => {
          const expected = [...inRooftops([north])].sort(referenceOrder('daysInStock')).map((car) => car.id);
          expect(idsIn(await search({ sort: 'relevance' }))).toEqual(expected);
        });

        it('when text results are paged one at a time by relevance, then none is repeated or missing', async () => {
          const pages = await everyPage(
            subject.engine,
            { dealershipIds: group, text: 'toyota', sort: 'relevance' },
            1,
          );
          const toyotas = inRooftops(group).filter((car) => car.make === 'Toyota');
          expect(sorted(pages)).toEqual(sorted(toyotas.map((car) => car.id)));
        });

        it('when a page past the end is asked for, then it is empty and the total still counts every match', async () => {
          const result = await search({ page: 5, pageSize: 10 });
          expect(result).toMatchObject({ hits: [], total: inRooftops([north]).length });
        });
      });

      describe('highlights', () => {
        it('when there is no text, then hits carry no highlights', async () => {
          const result = await search({ pageSize: 3 });
          for (const hit of result.hits) expect(hit.highlights).toEqual([]);
        });

        it.runIf(capabilities.highlights)(
          'when a shopper types "camry", then the model is marked in plain parts',
          async () => {
            const [hit] = (await search({ text: 'camry', pageSize: 1 })).hits;
            expect(hit?.highlights).toContainEqual({
              field: 'model',
              parts: [{ text: 'Camry', match: true }],
            });
          },
        );

        it.runIf(capabilities.highlights)(
          'when a salesperson types a VIN tail, then the tail of the VIN is marked',
          async () => {
            const vin = cars.northSilverado.vin;
            const [hit] = (await search({ text: vin.slice(-6) })).hits;
            const highlight = hit?.highlights.find((h) => h.field === 'vin');
            expect(highlight?.parts).toEqual([
              { text: vin.slice(0, -6), match: false },
              { text: vin.slice(-6), match: true },
            ]);
          },
        );

        it.runIf(capabilities.highlights && capabilities.typoTolerance)(
          'when a shopper types "toyta", then the make Toyota is marked',
          async () => {
            const [hit] = (await search({ text: 'toyta', pageSize: 1 })).hits;
            expect(hit?.highlights).toContainEqual({
              field: 'make',
              parts: [{ text: 'Toyota', match: true }],
            });
          },
        );

        it.runIf(capabilities.highlights)(
          'when a shopper has typed "silv", then the start of Silverado is marked and the rest is plain',
          async () => {
            const [hit] = (await search({ text: 'chevrolet silv' })).hits;
            const model = hit?.highlights.find((h) => h.field === 'model');
            expect(model?.parts.map((part) => part.text).join('')).toBe('Silverado 1500');
            expect(model?.parts.filter((part) => part.match).map((part) => part.text.toLowerCase())).toEqual([
              'silv',
            ]);
          },
        );
      });
    });

    describe('keeping current', () => {
      beforeEach(async () => {
        subject = await setup();
        await subject.index.upsert(CONTRACT_VEHICLES);
      });
      afterEach(() => subject.close());

      it('when a car is repainted, then it is found by its new colour and no longer by its old one', async () => {
        await subject.index.upsert([{ ...cars.northCamryXle, exteriorColor: 'Radiant Red' }]);
        expect(idsIn(await search({ text: 'red camry' }))).toEqual([cars.northCamryXle.id]);
        expect((await search({ text: 'lunar silver camry' })).total).toBe(0);
      });

      it('when a car is removed, then it is no longer found, and another dealership’s cars are untouched', async () => {
        await subject.index.remove([{ dealershipId: north, id: cars.northCorvette.id }]);
        expect((await search({ text: 'vette' })).total).toBe(0);
        expect((await search({ dealershipIds: [other] })).total).toBe(inRooftops([other]).length);
      });

      it('when the same change arrives twice, then the car is still there once', async () => {
        await subject.index.upsert([cars.northTacoma, cars.northTacoma]);
        await subject.index.remove([{ dealershipId: north, id: cars.northCorvette.id }]);
        await subject.index.remove([{ dealershipId: north, id: cars.northCorvette.id }]);
        const result = await search({ text: 'toyota' });
        expect(result.total).toBe(3);
        expect(new Set(idsIn(result)).size).toBe(3);
      });

      it('when a new car is added, then it is found at once with the facets counting it', async () => {
        const added = {
          ...cars.northTacoma,
          id: '7e000000-0000-4000-8000-000000000199',
          stockNumber: 'U1099',
          vin: '3TMCZ5AN2NM100199',
        };
        await subject.index.upsert([added]);
        const result = await search({ text: 'tacoma', facets: ['model'] });
        expect(sorted(idsIn(result))).toEqual(sorted([cars.northTacoma.id, added.id]));
        expect(result.facets.model).toEqual([{ value: 'Tacoma', count: 2 }]);
      });
    });
  });
}

function searchOf(request: Partial<SearchRequest>): SearchRequest {
  return {
    dealershipIds: [north],
    filters: {},
    sort: 'relevance',
    page: 1,
    pageSize: 100,
    facets: [],
    ...request,
  };
}

function idsIn(result: SearchResult): string[] {
  return result.hits.map((hit) => hit.id);
}

function sorted(ids: string[]): string[] {
  return [...ids].sort();
}

function inRooftops(dealershipIds: readonly string[]): SearchDocument[] {
  return CONTRACT_VEHICLES.filter((car) => dealershipIds.includes(car.dealershipId));
}

async function everyPage(
  engine: VehicleSearchEngine,
  request: Partial<SearchRequest>,
  pageSize: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; page <= 50; page++) {
    const result = await engine.search(searchOf({ ...request, page, pageSize }));
    if (result.hits.length === 0) return ids;
    ids.push(...idsIn(result));
  }
  throw new Error('paging never ended');
}

/** The port's sort semantics written out independently of any engine. */
function referenceOrder(sort: VehicleSort): (a: SearchDocument, b: SearchDocument) => number {
  const byId = (a: SearchDocument, b: SearchDocument) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const numeric =
    (value: (car: SearchDocument) => number | null, direction: number) =>
    (a: SearchDocument, b: SearchDocument) => {
      const [x, y] = [value(a), value(b)];
      if (x === null || y === null) return x === y ? byId(a, b) : x === null ? 1 : -1;
      return direction * (x - y) || byId(a, b);
    };
  const orders: Record<
    Exclude<VehicleSort, 'relevance'>,
    (a: SearchDocument, b: SearchDocument) => number
  > = {
    price: numeric((car) => car.priceCents, 1),
    '-price': numeric((car) => car.priceCents, -1),
    year: numeric((car) => car.year, 1),
    '-year': numeric((car) => car.year, -1),
    mileage: numeric((car) => car.mileage, 1),
    '-mileage': numeric((car) => car.mileage, -1),
    daysInStock: numeric((car) => car.listedAt, -1),
    '-daysInStock': numeric((car) => car.listedAt, 1),
  };
  return orders[sort === 'relevance' ? 'daysInStock' : sort];
}

function expectedFacet(cars: readonly SearchDocument[], facet: ValueFacet): FacetCount[] {
  const counts = new Map<string, number>();
  for (const car of cars) {
    const value = car[facet];
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}
