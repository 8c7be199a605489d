import { HttpErrorResponse } from '@angular/common/http';
import { NgZone } from '@angular/core';
import { Observable, Subject, type Subscription } from 'rxjs';
import { pollWhile } from './poll';

describe('pollWhile', () => {
  const INTERVAL = 1000;
  let zone: NgZone;
  let reads: Subject<number>[];
  let readInAngularZone: boolean[];
  let received: number[];
  let deliveredInAngularZone: boolean[];
  let outcome: 'running' | 'completed' | unknown;
  let subscription: Subscription;

  beforeEach(() => {
    vi.useFakeTimers();
    zone = new NgZone({});
    reads = [];
    readInAngularZone = [];
    received = [];
    deliveredInAngularZone = [];
    outcome = 'running';
  });

  afterEach(() => {
    subscription?.unsubscribe();
    vi.useRealTimers();
  });

  /** Each read is a Subject the test answers (or fails) when it likes. */
  function read(): Observable<number> {
    readInAngularZone.push(NgZone.isInAngularZone());
    const answer = new Subject<number>();
    reads.push(answer);
    return answer;
  }

  function answer(value: number) {
    const last = reads[reads.length - 1];
    last.next(value);
    last.complete();
  }

  function fail(status: number) {
    reads[reads.length - 1].error(new HttpErrorResponse({ status }));
  }

  function start(isActive = (value: number) => value < 100) {
    zone.run(() => {
      subscription = pollWhile(read, isActive, { intervalMs: INTERVAL, zone }).subscribe({
        next: (value) => {
          received.push(value);
          deliveredInAngularZone.push(NgZone.isInAngularZone());
        },
        error: (error: unknown) => (outcome = error),
        complete: () => (outcome = 'completed'),
      });
    });
  }

  it('reads at once, then the interval after each answer; a read slower than the interval is not cancelled', () => {
    start();
    expect(reads).toHaveLength(1);
    vi.advanceTimersByTime(INTERVAL * 5);
    expect(reads).toHaveLength(1);
    expect(reads[0].observed).toBe(true);
    answer(10);
    expect(received).toEqual([10]);

    vi.advanceTimersByTime(INTERVAL - 1);
    expect(reads).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(reads).toHaveLength(2);
    answer(20);
    expect(received).toEqual([10, 20]);
  });

  it('delivers the last, inactive answer and stops', () => {
    start();
    answer(50);
    vi.advanceTimersByTime(INTERVAL);
    answer(100);
    expect(received).toEqual([50, 100]);
    expect(outcome).toBe('completed');
    vi.advanceTimersByTime(INTERVAL * 10);
    expect(reads).toHaveLength(2);
  });

  it('runs its reads and its timer outside Angular’s zone (the app stays stable), and answers inside it', () => {
    start();
    answer(1);
    vi.advanceTimersByTime(INTERVAL);
    answer(2);
    expect(readInAngularZone).toEqual([false, false]);
    expect(deliveredInAngularZone).toEqual([true, true]);
    // Waiting for the next read: nothing of the poll is pending inside the zone.
    expect(zone.hasPendingMacrotasks).toBe(false);
    expect(zone.isStable).toBe(true);
  });

  it('tries again after a network or server failure, and stops with the error on a 4xx', () => {
    start();
    fail(503);
    expect(outcome).toBe('running');
    vi.advanceTimersByTime(INTERVAL);
    expect(reads).toHaveLength(2);
    answer(5);
    vi.advanceTimersByTime(INTERVAL);
    fail(404);
    expect(received).toEqual([5]);
    expect((outcome as HttpErrorResponse).status).toBe(404);
    vi.advanceTimersByTime(INTERVAL * 10);
    expect(reads).toHaveLength(3);
  });

  it('stops when unsubscribed, also while a read is on its way', () => {
    start();
    answer(1);
    vi.advanceTimersByTime(INTERVAL);
    subscription.unsubscribe();
    expect(reads[1].observed).toBe(false);
    vi.advanceTimersByTime(INTERVAL * 10);
    expect(reads).toHaveLength(2);
  });
});
