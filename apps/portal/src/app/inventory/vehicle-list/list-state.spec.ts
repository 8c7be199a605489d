import { convertToParamMap } from '@angular/router';
import {
  activeFilterCount,
  EMPTY_LIST_STATE,
  listStateFromParams,
  listStateToParams,
  listStateToSearch,
  withFilters,
} from './list-state';

const fromUrl = (params: Record<string, string>) => listStateFromParams(convertToParamMap(params));

describe('inventory list state in the URL', () => {
  it('reads filters, ranges, sort and page from the query string', () => {
    const state = fromUrl({
      status: 'available,pending',
      condition: 'used',
      bodyStyle: 'suv,pickup',
      drivetrain: 'awd,4wd,6wd',
      fuelType: 'hybrid',
      make: 'Honda,Toyota',
      model: 'CR-V',
      exteriorColor: 'Lunar Silver',
      yearMin: '2018',
      priceMax: '30000',
      q: 'sunroof',
      sort: '-price',
      page: '3',
      pageSize: '50',
    });
    expect(state).toEqual({
      ...EMPTY_LIST_STATE,
      status: ['available', 'pending'],
      condition: ['used'],
      bodyStyle: ['suv', 'pickup'],
      drivetrain: ['awd', '4wd'],
      fuelType: ['hybrid'],
      make: ['Honda', 'Toyota'],
      model: ['CR-V'],
      exteriorColor: ['Lunar Silver'],
      yearMin: 2018,
      priceMax: 30000,
      q: 'sunroof',
      sort: '-price',
      page: 3,
      pageSize: 50,
    });
  });

  it('when a link was hand-edited, then unknown values are dropped instead of breaking the page', () => {
    const state = fromUrl({
      status: 'available,teleported',
      sort: 'cheapest',
      page: '-2',
      pageSize: '1000',
      scope: 'galaxy',
      yearMin: 'soon',
      priceMin: '12.5',
    });
    expect(state.status).toEqual(['available']);
    expect(state.sort).toBeNull();
    expect(state.scope).toBe('rooftop');
    expect(state.page).toBe(1);
    expect(state.pageSize).toBe(25);
    expect(state.yearMin).toBeNull();
    expect(state.priceMin).toBeNull();
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    const state = {
      ...EMPTY_LIST_STATE,
      condition: ['used' as const, 'certified' as const],
      make: ['Ford', 'Ram'],
      scope: 'group' as const,
      page: 2,
    };
    const params = listStateToParams(state);
    expect(Object.fromEntries(Object.entries(params).filter(([, value]) => value !== null))).toEqual({
      condition: 'used,certified',
      make: 'Ford,Ram',
      scope: 'group',
      page: '2',
    });
    const back = fromUrl(
      Object.fromEntries(Object.entries(params).filter(([, value]) => value !== null)) as Record<
        string,
        string
      >,
    );
    expect(back).toEqual(state);
  });

  it('asks the inventory service in cents, with backwards ranges put right', () => {
    const search = listStateToSearch({
      ...EMPTY_LIST_STATE,
      priceMin: 30000,
      priceMax: 15000,
      yearMin: 2020,
      yearMax: 2018,
    });
    expect(search.priceMinCents).toBe(1500000);
    expect(search.priceMaxCents).toBe(3000000);
    expect([search.yearMin, search.yearMax]).toEqual([2018, 2020]);
  });

  it('when a filter changes, then the list starts again on page 1', () => {
    const onPage4 = { ...EMPTY_LIST_STATE, page: 4 };
    expect(withFilters(onPage4, { condition: ['new'] }).page).toBe(1);
  });

  it('when a make is taken away, then the models picked (maybe of that make) are dropped; adding one keeps them', () => {
    const civic = { ...EMPTY_LIST_STATE, make: ['Honda'], model: ['Civic'] };
    expect(withFilters(civic, { make: ['Toyota'] }).model).toEqual([]);
    expect(withFilters(civic, { make: [] }).model).toEqual([]);
    expect(withFilters(civic, { make: ['Honda', 'Toyota'] }).model).toEqual(['Civic']);
    expect(withFilters(civic, { q: 'red' }).model).toEqual(['Civic']);
  });

  it('"Best match" is what no sort means with text, so a link saying sort=relevance reads as no sort', () => {
    expect(fromUrl({ q: 'camry', sort: 'relevance' }).sort).toBeNull();
  });

  it('counts the active filters for the folded filter button on phones', () => {
    expect(activeFilterCount(EMPTY_LIST_STATE)).toBe(0);
    expect(
      activeFilterCount({ ...EMPTY_LIST_STATE, status: ['sold'], priceMin: 1, priceMax: 2, q: 'x' }),
    ).toBe(3);
    expect(
      activeFilterCount({
        ...EMPTY_LIST_STATE,
        fuelType: ['electric'],
        exteriorColor: ['Red'],
        scope: 'group',
      }),
    ).toBe(2);
  });
});
