import { queryStringOf, searchParamsFromUrl, urlParamsOf } from './search-url';

describe('results URLs', () => {
  it('write one search one way: fixed order, sorted lists, defaults left out', () => {
    const a = urlParamsOf({ sort: 'price', make: 'Toyota,Honda', q: 'camry', page: 1, pageSize: 25 });
    const b = urlParamsOf({ make: ' Honda , Toyota,Honda', pageSize: '25', q: '  camry ', sort: 'price' });
    expect(a).toEqual({ q: 'camry', make: 'Honda,Toyota', sort: 'price' });
    expect(Object.keys(b)).toEqual(['q', 'make', 'sort']);
    expect(queryStringOf(a)).toBe(queryStringOf(b));
  });

  it('read back what they wrote', () => {
    const query = { q: 'red truck', bodyStyle: 'pickup', yearMin: 2018, priceMax: 4_000_000, page: 3 };
    expect(searchParamsFromUrl(urlParamsOf(query))).toEqual(query);
  });

  it('drop what the API would refuse, so an edited or stale link still shows cars', () => {
    expect(
      searchParamsFromUrl({
        bodyStyle: 'spaceship,suv',
        condition: 'mint',
        sort: 'cheapest',
        page: 'two',
        yearMin: '-5',
        pageSize: '0',
        make: ['Ford', 'Ram'],
        unknown: 'x',
      }),
    ).toEqual({ bodyStyle: 'suv', make: 'Ford,Ram' });
  });

  it('encode a query as the router does, commas and colons kept', () => {
    expect(queryStringOf({ q: 'f-150 4x4 & more', make: 'Ford,Ram', empty: '' })).toBe(
      '?q=f-150%204x4%20%26%20more&make=Ford,Ram',
    );
    expect(queryStringOf({})).toBe('');
  });
});
