import { convertToParamMap } from '@angular/router';
import { pagingAfter, pagingParams, UrlParamReader } from './list-url-state';

describe('list URL state', () => {
  const read = (params: Record<string, string>) => new UrlParamReader(convertToParamMap(params));

  it('reads the paging forgivingly: page 1 and the default size unless the URL says otherwise', () => {
    expect(read({}).paging()).toEqual({ page: 1, pageSize: 25 });
    expect(read({ page: '3', pageSize: '50' }).paging()).toEqual({ page: 3, pageSize: 50 });
    expect(read({ page: '0', pageSize: '30' }).paging()).toEqual({ page: 1, pageSize: 25 });
    expect(read({ page: '-2', pageSize: 'many' }).paging()).toEqual({ page: 1, pageSize: 25 });
  });

  it('reads a list of free text (makes, colours) trimmed, cut, without blanks or repeats', () => {
    expect(read({ make: ' Toyota, ,Honda,Toyota ' }).texts('make', 40)).toEqual(['Toyota', 'Honda']);
    expect(read({ color: 'Midnight Blue Metallic' }).texts('color', 8)).toEqual(['Midnight']);
    const many = Array.from({ length: 30 }, (_, i) => `Make${i}`).join(',');
    expect(read({ make: many }).texts('make', 40)).toHaveLength(20);
    expect(read({}).texts('make', 40)).toEqual([]);
  });

  it('keeps the defaults off the URL', () => {
    expect(pagingParams({ page: 1, pageSize: 25 })).toEqual({ page: null, pageSize: null });
    expect(pagingParams({ page: 2, pageSize: 100 })).toEqual({ page: '2', pageSize: '100' });
  });

  it('starts again on page 1 when the page size changes', () => {
    const current = { page: 3, pageSize: 25 };
    expect(pagingAfter(current, { pageIndex: 3, pageSize: 25, length: 200 })).toEqual({
      page: 4,
      pageSize: 25,
    });
    expect(pagingAfter(current, { pageIndex: 2, pageSize: 50, length: 200 })).toEqual({
      page: 1,
      pageSize: 50,
    });
  });
});
