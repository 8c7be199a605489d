import { describe, expect, it } from 'vitest';
import type { DealLeadSummary } from '@showroom/contracts';
import { dealChangeSummary, dealDescription, dealHeadline } from './deal-text';

const lease: DealLeadSummary = {
  dealId: '5d3c1f0e-9b7a-4e21-8c55-0f1e2d3c4b5a',
  status: 'submitted',
  kind: 'lease',
  sellingPriceCents: 3_100_000,
  downPaymentCents: 150_000,
  monthlyPaymentCents: 31_250,
  termMonths: 36,
  aprBps: 300,
  dueAtSigningCents: 212_500,
  tradeValueCents: null,
  tradePayoffCents: null,
  products: [],
  creditApplication: 'none',
  depositCents: null,
  reservationStatus: null,
};

describe('how a deal reads on its lead', () => {
  it('says a lease and a cash deal in one line', () => {
    expect(dealHeadline(lease)).toBe(
      'Online deal: lease, $312.50/month for 36 months at 3.00% APR, $1,500.00 down, selling price $31,000.00.',
    );
    const cash = {
      ...lease,
      kind: 'cash' as const,
      monthlyPaymentCents: null,
      termMonths: null,
      aprBps: null,
    };
    expect(dealHeadline(cash)).toBe('Online deal: cash, $2,125.00 due at signing, selling price $31,000.00.');
  });

  it('names what changed: the status first, then the terms, then the parts added; nothing for the same deal', () => {
    expect(dealChangeSummary(lease, lease)).toBeNull();
    expect(dealChangeSummary(lease, { ...lease, status: 'withdrawn' })).toBe('Deal withdrawn by the shopper');
    expect(dealChangeSummary(lease, { ...lease, downPaymentCents: 300_000 })).toBe(
      'Deal changed: lease, $312.50/month for 36 months at 3.00% APR, $3,000.00 down',
    );
    expect(
      dealChangeSummary(lease, {
        ...lease,
        creditApplication: 'received',
        reservationStatus: 'held',
        depositCents: 50_000,
      }),
    ).toBe('Deal updated: credit application received; reservation held ($500.00 deposit)');
  });

  it('describes a deal for the CRM with the credit application’s status only', () => {
    const described = dealDescription({
      ...lease,
      creditApplication: 'received',
      products: ['GAP', 'Tire & wheel'],
    });
    expect(described).toBe(
      'Online deal (submitted): lease, $312.50/month for 36 months at 3.00% APR, $1,500.00 down; selling price $31,000.00; due at signing $2,125.00; protection: GAP, Tire & wheel; credit application received',
    );
  });
});
