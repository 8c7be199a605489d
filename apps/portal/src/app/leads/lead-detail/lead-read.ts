import { inject } from '@angular/core';
import type { ResolveFn } from '@angular/router';
import type { LeadDetail } from '@showroom/contracts';
import { LeadsApi } from '../../api/leads-api';
import { ActiveDealership } from '../../core/active-dealership';
import { ReadAhead } from '../../shared/read-ahead';

/** Names a lead read: the router's read ahead is the page's only for the same dealership and lead. */
export function leadReadKey(dealershipId: string, leadId: string): string {
  return JSON.stringify([dealershipId, leadId]);
}

/**
 * `/leads/:id`'s resolver: starts reading the lead as soon as the dealer's memberships are known,
 * while the page's code downloads. Answers at once; the page takes the read over.
 */
export const leadReadAhead: ResolveFn<ReadAhead<LeadDetail> | null> = (route) => {
  const dealershipId = inject(ActiveDealership).id();
  const leadId = route.paramMap.get('id');
  if (dealershipId === null || !leadId) return null;
  return new ReadAhead(leadReadKey(dealershipId, leadId), inject(LeadsApi).get(leadId));
};
