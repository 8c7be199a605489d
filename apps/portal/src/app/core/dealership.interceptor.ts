import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { ActiveDealership } from './active-dealership';

/**
 * Kept as a literal (not imported from `@showroom/contracts`) so this root-level file pulls no zod
 * into the initial bundle; HTTP header names are case-insensitive, the contract spells it lower-case.
 */
export const DEALERSHIP_HEADER = 'X-Dealership-Id';

/** Names the active dealership on every inventory call; the service checks the token grants it. */
export const dealershipInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isInventoryCall(request.url) || request.headers.has(DEALERSHIP_HEADER)) return next(request);
  const dealershipId = inject(ActiveDealership).id();
  if (!dealershipId) return next(request);
  return next(request.clone({ setHeaders: { [DEALERSHIP_HEADER]: dealershipId } }));
};

function isInventoryCall(url: string): boolean {
  const base = globalThis.location?.origin ?? 'http://localhost';
  const target = new URL(url, base);
  return target.origin === base && target.pathname.startsWith('/api/inventory/');
}
