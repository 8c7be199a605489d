import { inject, signal, type Signal, type WritableSignal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { Problem } from '@showroom/contracts';
import {
  catchError,
  combineLatest,
  filter,
  map,
  merge,
  NEVER,
  type Observable,
  of,
  startWith,
  Subject,
  switchMap,
  tap,
} from 'rxjs';
import { ActiveDealership } from '../core/active-dealership';
import { problemOf } from '../core/problem';

export interface DealershipLoadOptions<Q, R> {
  /** What to show (the URL's list state, the board's assignee); emits at once, then on each change. */
  query: Observable<Q>;
  load(query: Q): Observable<R>;
  /** Loads the same query again in the background: what is shown stays, and so does an error. */
  refresh?: Observable<unknown>;
  /** False: "Try again" too keeps the error shown until the answer comes (the board). Default true. */
  clearProblemOnRetry?: boolean;
  /** Called with each answer before it is shown, and with what was shown until then. */
  loaded?(answer: R, how: { background: boolean; previous: R | null }): void;
}

export interface DealershipLoad<R> {
  /** The last answer, null until the first one; a page may edit what it shows (a card moved). */
  value: WritableSignal<R | null>;
  problem: Signal<Problem | null>;
  loading: Signal<boolean>;
  /** "Try again" (or a reload the page asks for itself, e.g. after a drag ends). */
  retry(): void;
}

/**
 * The reload pipeline of the pages that show one query's answer for the active dealership (the
 * inventory, the lead inbox, the lead board): loads when the query changes or the dealer switches
 * dealership, again on `retry()`, and quietly on `refresh`. The newest request wins; an older
 * answer is dropped. Call in an injection context (a page's field initializer or constructor).
 */
export function dealershipLoad<Q, R>(options: DealershipLoadOptions<Q, R>): DealershipLoad<R> {
  const { clearProblemOnRetry = true } = options;
  const value = signal<R | null>(null);
  const problem = signal<Problem | null>(null);
  const loading = signal(true);
  const retry$ = new Subject<void>();

  const dealershipId$ = toObservable(inject(ActiveDealership).id).pipe(filter((id) => id !== null));
  combineLatest([options.query, dealershipId$])
    .pipe(
      switchMap(([query]) =>
        merge(retry$.pipe(map(() => false)), (options.refresh ?? NEVER).pipe(map(() => true))).pipe(
          startWith(false),
          map((background) => ({ query, background })),
        ),
      ),
      tap(({ background }) => {
        loading.set(true);
        if (!background && clearProblemOnRetry) problem.set(null);
      }),
      switchMap(({ query, background }) =>
        options.load(query).pipe(
          map((answer) => ({ answer, background })),
          catchError((error: unknown) => of({ problem: problemOf(error) })),
        ),
      ),
      takeUntilDestroyed(),
    )
    .subscribe((outcome) => {
      loading.set(false);
      if ('problem' in outcome) {
        problem.set(outcome.problem);
        return;
      }
      options.loaded?.(outcome.answer, { background: outcome.background, previous: value() });
      problem.set(null);
      value.set(outcome.answer);
    });

  return {
    value,
    problem: problem.asReadonly(),
    loading: loading.asReadonly(),
    retry: () => retry$.next(),
  };
}
