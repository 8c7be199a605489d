import { inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { ActiveDealership } from './active-dealership';
import { Session } from './session';

/** The query parameter that names the dealership a link is about (`/inventory/<id>?dealership=<id>`). */
export const DEALERSHIP_PARAM = 'dealership';

/**
 * A group search lists vehicles of several rooftops, and a vehicle is read in the dealership it
 * belongs to. Its link names that dealership, and opening it makes it the active one, as if the
 * dealer had switched there first; a new tab or a shared link works the same. A dealership the
 * dealer does not work at is ignored (`ActiveDealership.select`), so the page answers "not found".
 */
export const dealershipFromUrl: CanActivateFn = async (route) => {
  // inject() only works before the first await.
  const session = inject(Session);
  const activeDealership = inject(ActiveDealership);
  const dealershipId = route.queryParamMap.get(DEALERSHIP_PARAM);
  if (!dealershipId) return true;
  await session.load();
  activeDealership.select(dealershipId);
  return true;
};
