import { convertToParamMap } from '@angular/router';
import { retailTerms } from '../shared/testing/retail-fixtures';
import {
  centsOfDollars,
  defaultStructure,
  estimate,
  fitStructure,
  kindsOffered,
  structureOfParams,
  structureParams,
  termsFor,
} from './deal-structure';

const car = { priceCents: 2_499_900, msrpCents: null };

describe('a deal’s structure on the storefront', () => {
  it('opens on finance over 60 months, 10 % down in whole hundreds, at the dealer’s “good” tier', () => {
    expect(defaultStructure(car, retailTerms())).toEqual({
      kind: 'finance',
      downPaymentCents: 240_000,
      termMonths: 60,
      creditTier: 'good',
      products: [],
    });
  });

  it('offers a lease only with residuals, and only their terms', () => {
    expect(kindsOffered(retailTerms())).toEqual(['finance', 'lease', 'cash']);
    expect(kindsOffered(retailTerms({ leaseResiduals: [] }))).toEqual(['finance', 'cash']);
    expect(termsFor('lease', retailTerms())).toEqual([24, 36]);
    expect(termsFor('cash', retailTerms())).toEqual([]);
  });

  it('when the shopper switches to a lease, the term becomes one the dealer leases for', () => {
    const lease = fitStructure({ ...defaultStructure(car, retailTerms()), kind: 'lease' }, retailTerms());
    expect(lease.termMonths).toBe(36);
    expect(estimate(car, lease, null, retailTerms()).quote?.lease?.termMonths).toBe(36);
  });

  it('drops what the terms do not have: a lease without residuals, an unknown tier, a product off the menu', () => {
    const fitted = fitStructure(
      {
        kind: 'lease',
        downPaymentCents: -5,
        termMonths: 39,
        creditTier: 'rebuilding',
        products: [{ productId: '00000000-0000-4000-8000-000000000000', termMonths: 12 }],
      },
      retailTerms({ leaseResiduals: [] }),
    );
    expect(fitted).toEqual({
      kind: 'finance',
      downPaymentCents: 0,
      termMonths: 36,
      creditTier: 'excellent',
      products: [],
    });
  });

  it('carries the structure through a link and reads it back; a garbled link falls back', () => {
    const terms = retailTerms();
    const structure = {
      kind: 'lease' as const,
      downPaymentCents: 300_000,
      termMonths: 24,
      creditTier: 'fair' as const,
      products: [],
    };
    const fallback = defaultStructure(car, terms);
    expect(structureOfParams(convertToParamMap(structureParams(structure)), fallback, terms)).toEqual(
      structure,
    );
    expect(
      structureOfParams(
        convertToParamMap({ kind: 'barter', down: 'lots', term: '7', tier: 'gold' }),
        fallback,
        terms,
      ),
    ).toEqual(fallback);
  });

  it('reads dollars as typed: commas, a dollar sign and cents; not words', () => {
    expect(centsOfDollars('$2,500')).toBe(250_000);
    expect(centsOfDollars('2500.5')).toBe(250_050);
    expect(centsOfDollars('')).toBe(0);
    expect(centsOfDollars('2.5k')).toBeNull();
  });

  it('says why a structure cannot be quoted instead of failing', () => {
    const terms = retailTerms();
    const result = estimate(car, { ...defaultStructure(car, terms), creditTier: 'rebuilding' }, null, terms);
    expect(result.quote).toBeNull();
    expect(result.problem).toMatch(/credit tier/);
  });
});
