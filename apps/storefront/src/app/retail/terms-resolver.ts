import { inject } from '@angular/core';
import type { ResolveFn } from '@angular/router';
import type { RetailTerms } from '@showroom/contracts';
import { catchError, of, timeout } from 'rxjs';
import { RetailApi } from '../data/retail-api';

/** A page waits this long for the terms; without them it renders without the payment parts. */
const TERMS_WAIT_MS = 3_000;

/**
 * The dealership's retail terms for the page (read on the server, reused on hydration through the
 * transfer cache). null when retail does not answer: the car's page still renders, without payments.
 */
export const retailTermsResolver: ResolveFn<RetailTerms | null> = () =>
  inject(RetailApi)
    .terms()
    .pipe(
      timeout(TERMS_WAIT_MS),
      catchError(() => of(null)),
    );
