import type { DealLeadSummary } from '@showroom/contracts';
import { formatCents } from '@showroom/retail-payments';

const KIND_WORDS: Record<DealLeadSummary['kind'], string> = {
  finance: 'finance',
  lease: 'lease',
  cash: 'cash',
};

/** "2.99% APR" from basis points. */
export function aprText(bps: number): string {
  return `${(bps / 100).toFixed(2)}% APR`;
}

/**
 * A deal's terms in one line a salesperson reads at a glance, e.g. "finance, $389.12/month for 60
 * months at 5.49% APR, $2,000.00 down" or "cash, $31,250.00 due at signing".
 */
export function dealTerms(deal: DealLeadSummary): string {
  if (deal.kind === 'cash' || deal.monthlyPaymentCents === null) {
    return `${KIND_WORDS[deal.kind]}, ${formatCents(deal.dueAtSigningCents)} due at signing`;
  }
  const term = deal.termMonths === null ? '' : ` for ${deal.termMonths} months`;
  const apr = deal.aprBps === null ? '' : ` at ${aprText(deal.aprBps)}`;
  return `${KIND_WORDS[deal.kind]}, ${formatCents(deal.monthlyPaymentCents)}/month${term}${apr}, ${formatCents(deal.downPaymentCents)} down`;
}

/** What the lead says of the deal it came from (its message). */
export function dealHeadline(deal: DealLeadSummary): string {
  return `Online deal: ${dealTerms(deal)}, selling price ${formatCents(deal.sellingPriceCents)}.`;
}

/** The parts of a deal besides its terms that a salesperson hears about when they change. */
function dealParts(deal: DealLeadSummary): string[] {
  const parts: string[] = [];
  if (deal.tradeValueCents !== null) {
    const payoff = deal.tradePayoffCents ? `, ${formatCents(deal.tradePayoffCents)} owed` : '';
    parts.push(`trade-in valued at ${formatCents(deal.tradeValueCents)}${payoff}`);
  }
  if (deal.products.length > 0) parts.push(`protection: ${deal.products.join(', ')}`);
  if (deal.creditApplication === 'received') parts.push('credit application received');
  if (deal.creditApplication === 'deleted') parts.push('credit application deleted (retention)');
  if (deal.reservationStatus !== null) {
    const deposit = deal.depositCents === null ? '' : ` (${formatCents(deal.depositCents)} deposit)`;
    parts.push(`reservation ${deal.reservationStatus.replace(/-/g, ' ')}${deposit}`);
  }
  return parts;
}

/**
 * The timeline entry for a deal that changed: "Deal countered: …", "Deal accepted: …", or what
 * else changed; null when nothing did (a repeated call).
 */
export function dealChangeSummary(previous: DealLeadSummary, next: DealLeadSummary): string | null {
  if (JSON.stringify(previous) === JSON.stringify(next)) return null;
  const terms = dealTerms(next);
  if (next.status !== previous.status) {
    switch (next.status) {
      case 'countered':
        return `Deal countered: ${terms}`;
      case 'accepted':
        return `Deal accepted: ${terms}`;
      case 'withdrawn':
        return 'Deal withdrawn by the shopper';
      case 'submitted':
        return `Deal submitted: ${terms}`;
      case 'draft':
        return `Deal reopened: ${terms}`;
    }
  }
  if (dealTerms(previous) !== terms) return `Deal changed: ${terms}`;
  const before = new Set(dealParts(previous));
  const added = dealParts(next).filter((part) => !before.has(part));
  return `Deal updated: ${added.length > 0 ? added.join('; ') : terms}`;
}

/**
 * Everything the summary says of the deal, in one paragraph for a CRM's notes (the ADF vehicle's
 * comments): status, terms, price, trade, products, whether a credit application came (never what
 * is in it) and the reservation.
 */
export function dealDescription(deal: DealLeadSummary): string {
  return [
    `Online deal (${deal.status}): ${dealTerms(deal)}`,
    `selling price ${formatCents(deal.sellingPriceCents)}`,
    `due at signing ${formatCents(deal.dueAtSigningCents)}`,
    ...dealParts(deal),
  ].join('; ');
}
