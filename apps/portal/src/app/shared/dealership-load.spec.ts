import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import { membership, NORTH, SOUTH } from '../../testing/fixtures';
import { ActiveDealership } from '../core/active-dealership';
import { dealershipLoad, type DealershipLoadOptions } from './dealership-load';

describe('dealershipLoad', () => {
  /** Each request the load makes, answered by the test. */
  let requests: { query: string; answer: Subject<string> }[];
  let query: BehaviorSubject<string>;
  let refresh: Subject<void>;

  function start(options: Partial<DealershipLoadOptions<string, string>> = {}) {
    localStorage.clear();
    requests = [];
    query = new BehaviorSubject('first');
    refresh = new Subject<void>();
    const dealership = TestBed.inject(ActiveDealership);
    dealership.setMemberships([membership(NORTH, 'owner'), membership(SOUTH, 'owner')]);
    const load = TestBed.runInInjectionContext(() =>
      dealershipLoad({
        query,
        load: (q): Observable<string> => {
          const answer = new Subject<string>();
          requests.push({ query: q, answer });
          return answer;
        },
        refresh,
        ...options,
      }),
    );
    TestBed.tick();
    return { load, dealership };
  }

  const failed = () => new HttpErrorResponse({ status: 503, statusText: 'Service Unavailable' });

  function fail(index: number) {
    requests[index]?.answer.error(failed());
  }

  it('loads for the active dealership and shows the newest query’s answer only', () => {
    const { load } = start();
    query.next('second');
    expect(requests.map((r) => r.query)).toEqual(['first', 'second']);

    requests[0]?.answer.next('answer to first');
    requests[1]?.answer.next('answer to second');

    expect(load.value()).toBe('answer to second');
    expect(load.loading()).toBe(false);
  });

  it('loads again when the dealer switches dealership', () => {
    const { dealership } = start();
    dealership.select(SOUTH);
    TestBed.tick();
    expect(requests.map((r) => r.query)).toEqual(['first', 'first']);
  });

  it('when a load fails, then "Try again" clears the error while it asks again, and a refresh keeps it', () => {
    const { load } = start();
    fail(0);
    expect(load.problem()?.status).toBe(503);

    refresh.next();
    expect(load.loading()).toBe(true);
    expect(load.problem()?.status).toBe(503);

    load.retry();
    expect(load.problem()).toBeNull();
    requests[2]?.answer.next('answer');
    expect(load.value()).toBe('answer');
  });

  it('with clearProblemOnRetry false, the error stays until the next answer replaces it', () => {
    const { load } = start({ clearProblemOnRetry: false });
    fail(0);
    load.retry();
    expect(load.problem()?.status).toBe(503);
    requests[1]?.answer.next('answer');
    expect(load.problem()).toBeNull();
  });

  it('tells the page whether an answer came from a background refresh, and what it replaces', () => {
    const seen: { background: boolean; previous: string | null }[] = [];
    start({ loaded: (_answer, how) => seen.push(how) });
    requests[0]?.answer.next('one');
    refresh.next();
    requests[1]?.answer.next('two');
    expect(seen).toEqual([
      { background: false, previous: null },
      { background: true, previous: 'one' },
    ]);
  });
});
