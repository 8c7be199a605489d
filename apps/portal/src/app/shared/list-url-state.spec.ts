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
