import type { CreditApplicationSummary } from '@showroom/contracts';
import type { CreditRepository } from './credit-repository';
import { creditSummaryOf } from './credit-summary';

export interface CreditServiceDeps {
  repository: CreditRepository;
}

/** Credit applications of deals. */
export class CreditService {
  constructor(private readonly deps: CreditServiceDeps) {}

  /** The deal's application as the desk and the shopper see it (no personal data), or null. */
  async summaryFor(dealershipId: string, dealId: string): Promise<CreditApplicationSummary | null> {
    const row = await this.deps.repository.forDeal(dealershipId, dealId);
    return row ? creditSummaryOf(row) : null;
  }
}
