import { activeFilters, pagingOf, searchHeading, toggledFacet } from './search-links';

describe('results links', () => {
  it('picking a make adds it to the ones picked, sorted, and goes back to page 1', () => {
    expect(toggledFacet({ make: 'Toyota', page: 3 }, 'make', 'Honda')).toEqual({ make: 'Honda,Toyota' });
  });

  it('picking a picked value again removes it; the last make takes its models along', () => {
    expect(toggledFacet({ make: 'Honda,Toyota', model: 'Camry' }, 'make', 'Honda')).toEqual({
      make: 'Toyota',
      model: 'Camry',
    });
    expect(toggledFacet({ make: 'Toyota', model: 'Camry', bodyStyle: 'sedan' }, 'make', 'Toyota')).toEqual({
      bodyStyle: 'sedan',
    });
  });

  it('names every filter in force with the link that removes only it', () => {
    const filters = activeFilters({ q: 'camry', condition: 'used', priceMax: 2_500_000, sort: '-price' });
    expect(filters.map((filter) => filter.label)).toEqual(['“camry”', 'Used', 'Up to $25,000']);
    expect(filters[1]?.params).toEqual({ q: 'camry', priceMax: '2500000', sort: '-price' });
  });

  it('pages: previous and next around the current page, first and last always, gaps marked', () => {
    const paging = pagingOf({ make: 'Toyota', page: 5 }, 250);
    expect(paging.pageCount).toBe(10);
    expect(paging.previous).toEqual({ make: 'Toyota', page: '4' });
    expect(paging.next).toEqual({ make: 'Toyota', page: '6' });
    expect(paging.pages.map((link) => link && link.page)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(paging.pages[0]).toEqual({ page: 1, params: { make: 'Toyota' }, current: false });
    expect(paging.pages.find((link) => link?.current)?.page).toBe(5);
  });

  it('has no previous on the first page and no next on the last', () => {
    expect(pagingOf({}, 30).previous).toBeNull();
    expect(pagingOf({ page: 2 }, 30).next).toBeNull();
    expect(pagingOf({}, 0)).toMatchObject({ pageCount: 1, previous: null, next: null });
  });

  it('heads the page with what is searched', () => {
    expect(searchHeading({})).toBe('Cars for sale');
    expect(searchHeading({ condition: 'used', make: 'Toyota', bodyStyle: 'suv' })).toBe(
      'Used Toyota SUVs for sale',
    );
    expect(searchHeading({ make: 'Honda,Toyota' })).toBe('Cars for sale');
    expect(searchHeading({ q: 'toyta' })).toBe('Cars matching “toyta”');
  });
});
