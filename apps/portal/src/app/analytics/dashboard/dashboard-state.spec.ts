import { convertToParamMap } from '@angular/router';
import { paramsOfState, reportQueryOf, stateFromParams } from './dashboard-state';

const stateOf = (params: Record<string, string>) => stateFromParams(convertToParamMap(params));

describe('the dashboard’s URL state', () => {
  it('shows the last 30 days, compared, for the rooftop, when the URL says nothing', () => {
    const state = stateOf({});
    expect(state).toEqual({
      preset: 'last-30',
      custom: null,
      compare: true,
      scope: 'rooftop',
      salespersonId: null,
    });
    expect(paramsOfState(state)).toEqual({
      range: null,
      from: null,
      to: null,
      compare: null,
      scope: null,
      salesperson: null,
    });
    expect(reportQueryOf(state, '2026-12-06')).toEqual({
      from: '2026-11-07',
      to: '2026-12-06',
      compare: 'previous',
      scope: 'rooftop',
    });
  });

  it('reads a custom period, and falls back to the default for one that is reversed or too long', () => {
    expect(stateOf({ from: '2026-11-01', to: '2026-11-30' }).custom).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(stateOf({ from: '2026-11-30', to: '2026-11-01' }).preset).toBe('last-30');
    expect(stateOf({ from: '2024-01-01', to: '2026-11-01' }).preset).toBe('last-30');
    expect(stateOf({ from: 'yesterday', to: '2026-11-01' }).preset).toBe('last-30');
  });

  it('narrows to a salesperson in the rooftop view only', () => {
    const state = stateOf({ range: 'last-7', compare: 'none', salesperson: 'auth0|sofia' });
    expect(reportQueryOf(state, '2026-12-06')).toEqual({
      from: '2026-11-30',
      to: '2026-12-06',
      compare: 'none',
      scope: 'rooftop',
      salespersonId: 'auth0|sofia',
    });
    expect(reportQueryOf({ ...state, scope: 'group' }, '2026-12-06').salespersonId).toBeUndefined();
  });

  it('writes back what it read', () => {
    const params = {
      from: '2026-11-01',
      to: '2026-11-30',
      compare: 'none',
      scope: 'group',
      salesperson: 'auth0|x',
    };
    expect(paramsOfState(stateOf(params))).toEqual({ range: null, ...params });
  });
});
