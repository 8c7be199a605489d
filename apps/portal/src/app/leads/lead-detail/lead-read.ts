import { inject } from '@angular/core';
import type { ResolveFn } from '@angular/router';
import type { LeadDetail } from '@showroom/contracts';
import { LeadsApi } from '../../api/leads-api';
import { ActiveDealership } from '../../core/active-dealership';
import { EarlyRead, readEarly } from '../../shared/early-read';
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
  return inject(EarlyRead).claim(leadReadKey(dealershipId, leadId)) ?? leadRead(dealershipId, leadId);
};

/** `/leads/:id`'s early read (`canMatch`): the lead, in the dealership this browser worked in last. */
export const leadReadEarly = readEarly((dealershipId, _url, [leadId]) =>
  leadId ? leadRead(dealershipId, leadId.path) : null,
);

function leadRead(dealershipId: string, leadId: string): ReadAhead<LeadDetail> {
  return new ReadAhead(leadReadKey(dealershipId, leadId), inject(LeadsApi).get(leadId));
}
