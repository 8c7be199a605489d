import { inject } from '@angular/core';
import type { ResolveFn } from '@angular/router';
import type { RetailTerms } from '@showroom/contracts';
import { Observable } from 'rxjs';
import { RetailTermsApi } from '../data/retail-terms-api';

/** A page waits this long for the terms; without them it renders without the payment parts. */
const TERMS_WAIT_MS = 3_000;

/**
 * The dealership's retail terms for the page (read on the server, reused on hydration through the
 * transfer cache). null when retail does not answer in time or fails: the car's page still
 * renders, without payments.
 */
export const retailTermsResolver: ResolveFn<RetailTerms | null> = () =>
  orNullAfter(inject(RetailTermsApi).terms(), TERMS_WAIT_MS);

/**
 * The first answer of `source`, or null on an error or once `ms` have passed. A plain timer rather
 * than rxjs's `timeout`, whose scheduler would join the JavaScript every page loads first.
 */
export function orNullAfter<T>(source: Observable<T>, ms: number): Observable<T | null> {
  return new Observable<T | null>((subscriber) => {
    const settle = (value: T | null) => {
      clearTimeout(timer);
      subscriber.next(value);
      subscriber.complete();
    };
    const timer = setTimeout(() => settle(null), ms);
    const subscription = source.subscribe({ next: settle, error: () => settle(null) });
    return () => {
      clearTimeout(timer);
      subscription.unsubscribe();
    };
  });
}
