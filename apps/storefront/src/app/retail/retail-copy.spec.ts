import * as contracts from '@showroom/contracts';
import * as copy from './retail-copy';

// The browser's copies of the contract's words and lists (no zod in the bundle) must stay the same.
describe('the retail words the storefront shows', () => {
  it('are the contract’s disclosure, consent text and version, and access header', () => {
    expect(copy.PAYMENT_ESTIMATE_DISCLOSURE).toBe(contracts.PAYMENT_ESTIMATE_DISCLOSURE);
    expect(copy.CREDIT_CONSENT_TEXT).toBe(contracts.CREDIT_CONSENT_TEXT);
    expect(copy.CREDIT_CONSENT_VERSION).toBe(contracts.CREDIT_CONSENT_VERSION);
    expect(copy.DEAL_ACCESS_HEADER).toBe(contracts.DEAL_ACCESS_HEADER);
  });

  it('offer exactly the contract’s kinds, terms, tiers, conditions, housing and employment', () => {
    expect(copy.DEAL_KINDS).toEqual(contracts.DEAL_KINDS);
    expect(copy.FINANCE_TERMS).toEqual(contracts.FINANCE_TERMS);
    expect(copy.LEASE_TERMS).toEqual(contracts.LEASE_TERMS);
    expect(copy.CREDIT_TIERS).toEqual(contracts.CREDIT_TIERS);
    expect(copy.TRADE_CONDITIONS).toEqual(contracts.TRADE_CONDITIONS);
    expect(copy.HOUSING).toEqual(contracts.HOUSING);
    expect(copy.EMPLOYMENT_STATUSES).toEqual(contracts.EMPLOYMENT_STATUSES);
    expect(Object.keys(copy.PRODUCT_KIND_LABELS).sort()).toEqual([...contracts.PRODUCT_KINDS].sort());
    expect(Object.keys(copy.DEAL_STATUS_LABELS).sort()).toEqual([...contracts.DEAL_STATUSES].sort());
    expect(Object.keys(copy.RESERVATION_STATUS_LABELS).sort()).toEqual(
      [...contracts.RESERVATION_STATUSES].sort(),
    );
  });
});
