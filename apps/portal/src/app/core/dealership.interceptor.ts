import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { ActiveDealership } from './active-dealership';

/**
 * Kept as a literal (not imported from `@showroom/contracts`) so this root-level file pulls no zod
 * into the initial bundle; HTTP header names are case-insensitive, the contract spells it lower-case.
 */
export const DEALERSHIP_HEADER = 'X-Dealership-Id';

/**
 * Calls that work in one dealership. `/api/users/me` and `/api/users/dealerships` are about the
 * person across all of theirs, so they go without it; so do an invitation link's (`/api/users/invitation-links/`,
 * opened before its invitee is anyone's member). The team's members and invitations, the website and the rooftops are the active
 * dealership's (its group's, for the rooftops and for the group's people under `/api/users/group/`: the
 * service reads the group from the active rooftop); so are its deals and retail settings,
 * and its analytics (the group view too: the service reads the group from the active rooftop).
 */
const DEALERSHIP_SCOPED_PATHS = [
  '/api/analytics/',
  '/api/inventory/',
  '/api/leads/',
  '/api/retail/',
  '/api/users/team',
  '/api/users/members',
  '/api/users/invitations',
  '/api/users/website',
  '/api/users/rooftops',
  '/api/users/group/',
];

/**
 * Names the active dealership on every call made in it (before the memberships are known, a first
 * screen's early read, the one this browser worked in last); the service checks the token grants it.
 */
export const dealershipInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isDealershipCall(request.url) || request.headers.has(DEALERSHIP_HEADER)) return next(request);
  const activeDealership = inject(ActiveDealership);
  const dealershipId = activeDealership.id() ?? activeDealership.expectedId();
  if (!dealershipId) return next(request);
  return next(request.clone({ setHeaders: { [DEALERSHIP_HEADER]: dealershipId } }));
};

function isDealershipCall(url: string): boolean {
  const base = globalThis.location?.origin ?? 'http://localhost';
  const target = new URL(url, base);
  return target.origin === base && DEALERSHIP_SCOPED_PATHS.some((path) => target.pathname.startsWith(path));
}
