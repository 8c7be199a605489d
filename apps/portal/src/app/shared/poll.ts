import { HttpErrorResponse } from '@angular/common/http';
import type { NgZone } from '@angular/core';
import { defer, Observable, repeat, retry, takeWhile, throwError, timer } from 'rxjs';

export interface PollOptions {
  /** Time between the end of one read and the start of the next. */
  intervalMs: number;
  /** The app's zone (`inject(NgZone)` in the page): the polling runs outside it, values come back inside. */
  zone: NgZone;
}

/**
 * Reads at once, then again `intervalMs` after each answer, for as long as `isActive(answer)`; the
 * first inactive answer is delivered too, then the observable completes.
 *
 * - A slow read is never cancelled: the next read starts only after the previous answer came (a
 *   timer + switchMap would cancel every read slower than the interval and the page would freeze).
 * - The reads and the timer run outside Angular's zone, and only the answers re-enter it: a poll
 *   inside the zone keeps the app "unstable" for as long as it runs, and QA's Protractor suite waits
 *   for stability before every step (see core/lead-counts.ts).
 * - A 4xx answer (the job is gone, the dealer lost the permission, another dealership) ends the
 *   poll with that error; other failures (network, 5xx) are tried again after `intervalMs`.
 * - Unsubscribing stops it: leaving the page, or watching another job.
 */
export function pollWhile<T>(
  read: () => Observable<T>,
  isActive: (answer: T) => boolean,
  { intervalMs, zone }: PollOptions,
): Observable<T> {
  return new Observable<T>((subscriber) =>
    zone.runOutsideAngular(() =>
      defer(read)
        .pipe(
          retry({
            delay: (error: unknown) => (isClientError(error) ? throwError(() => error) : timer(intervalMs)),
          }),
          repeat({ delay: intervalMs }),
          takeWhile((answer) => isActive(answer), true),
        )
        .subscribe({
          next: (answer) => zone.run(() => subscriber.next(answer)),
          error: (error: unknown) => zone.run(() => subscriber.error(error)),
          complete: () => zone.run(() => subscriber.complete()),
        }),
    ),
  );
}

function isClientError(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status >= 400 && error.status < 500;
}
