import { inject } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { type Observable, ReplaySubject, share } from 'rxjs';

/** The route data key under which a resolver leaves its read for the page (`resolve: { [READ_AHEAD]: … }`). */
export const READ_AHEAD = 'readAhead';

/**
 * A read the router started for the screen it is opening (the first page of a list, a lead), so the
 * request runs while the screen's code is still downloading instead of after it. The resolver
 * returns it at once: navigation never waits for the answer, the page takes it over.
 *
 * The page takes the answer once, and only for the question it is about to ask (the same `key`:
 * dealership, filters, record): a URL or dealership that changed meanwhile, "Try again" and
 * background reloads ask the service again.
 */
export class ReadAhead<R> {
  private answer: Observable<R> | null;

  constructor(
    readonly key: string,
    read: Observable<R>,
  ) {
    const shared = read.pipe(
      share({
        connector: () => new ReplaySubject<R>(1),
        resetOnError: false,
        resetOnComplete: false,
        resetOnRefCountZero: false,
      }),
    );
    // Starts now. A failure is replayed to the page when it takes the answer, which shows it.
    shared.subscribe({ error: () => undefined });
    this.answer = shared;
  }

  /** The answer (in flight or arrived) if it is for `key` and was not taken yet; null otherwise. */
  take(key: string): Observable<R> | null {
    if (this.answer === null || key !== this.key) return null;
    const answer = this.answer;
    this.answer = null;
    return answer;
  }
}

/**
 * For a page: takes the read its route's resolver started, when it is for `key`. Reads the route's
 * current data at each call, so a page the router reuses for another record (`/leads/a` → `/leads/b`)
 * finds that record's read. Call in an injection context.
 */
export function readAheadTaker<R>(): (key: string) => Observable<R> | null {
  const route = inject(ActivatedRoute);
  return (key) => {
    const readAhead: unknown = route.snapshot.data[READ_AHEAD];
    return readAhead instanceof ReadAhead ? (readAhead as ReadAhead<R>).take(key) : null;
  };
}
