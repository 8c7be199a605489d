import { Subject } from 'rxjs';
import { orNullAfter } from './terms-resolver';

describe('waiting for the retail terms', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives the answer when it comes in time, null on a failure or once the wait is over', () => {
    const seen: unknown[] = [];
    const answer = new Subject<string>();
    orNullAfter(answer, 3_000).subscribe((value) => seen.push(value));
    answer.next('terms');
    const failing = new Subject<string>();
    orNullAfter(failing, 3_000).subscribe((value) => seen.push(value));
    failing.error(new Error('503'));
    const silent = new Subject<string>();
    orNullAfter(silent, 3_000).subscribe((value) => seen.push(value));
    vi.advanceTimersByTime(3_000);
    silent.next('too late');
    expect(seen).toEqual(['terms', null, null]);
  });
});
