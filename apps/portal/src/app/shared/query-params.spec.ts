import { queryParams } from './query-params';

describe('queryParams', () => {
  it('leaves off what is not set and keeps the order given', () => {
    const params = queryParams({
      status: ['new', 'contacted'],
      channel: [],
      source: '',
      assignee: null,
      q: undefined,
      page: 0,
      pageSize: 50,
    });
    expect(params.toString()).toBe('status=new,contacted&page=0&pageSize=50');
  });
});
