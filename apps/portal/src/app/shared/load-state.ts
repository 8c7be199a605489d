import { signal } from '@angular/core';
import type { Problem } from '@showroom/contracts';
import { catchError, EMPTY, type Observable, tap } from 'rxjs';
import { problemOf } from '../core/problem';

/** Where a page that shows one resource (a vehicle, a lead, the lead settings) stands. */
export type LoadStatus = 'loading' | 'ready' | 'not-found' | 'failed';

/**
 * The status and the problem of a page that reads one resource, for its template's loading, not-found
 * and failed states. `track` wraps each read of the resource.
 */
export class LoadState {
  readonly status;
  readonly problem = signal<Problem | null>(null);

  /**
   * @param initial `ready` for a page that shows something before any read (a new vehicle's form).
   * @param notFound whether a 404 is `not-found` (the page says so) or just `failed`.
   */
  constructor(
    initial: LoadStatus = 'loading',
    private readonly notFound = true,
  ) {
    this.status = signal<LoadStatus>(initial);
  }

  /**
   * `loading` (unless `quietly`: a reload while the resource is shown keeps it on screen), then `ready`
   * once `read` answers; a failure becomes the problem and `not-found` or `failed`, and ends the
   * stream quietly: the page shows it.
   */
  track<T>(read: Observable<T>, { quietly = false } = {}): Observable<T> {
    if (!quietly) this.status.set('loading');
    this.problem.set(null);
    return read.pipe(
      tap(() => this.status.set('ready')),
      catchError((error: unknown) => {
        const problem = problemOf(error);
        this.problem.set(problem);
        this.status.set(this.notFound && problem.status === 404 ? 'not-found' : 'failed');
        return EMPTY;
      }),
    );
  }
}
