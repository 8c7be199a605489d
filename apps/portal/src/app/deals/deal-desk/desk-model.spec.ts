import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { quoteDeal } from '@showroom/retail-payments';
import { dealDesk, GAP_ID, offer, retailTerms, structure, tradeIn } from '../deal-fixtures';
import {
  counterOfferFrom,
  createDeskForm,
  latestOffer,
  liveQuote,
  quoteDifferences,
  shopperOffer,
  termOptions,
} from './desk-model';

describe('desk model', () => {
  const fb = () => TestBed.inject(NonNullableFormBuilder);

  it('starts from the latest offer and, unchanged, quotes exactly what the shopper was quoted', () => {
    const desk = dealDesk({ tradeIn: tradeIn() });
    const form = createDeskForm(fb(), desk);
    expect(form.controls.downPayment.value).toBe(3000);
    const live = liveQuote(desk, form.getRawValue());
    expect(live.quote).toEqual(desk.offers[0].quote);
    expect(quoteDifferences(desk.offers[0].quote, live.quote!)).toEqual([]);
  });

  it('when the desk lowers the price, sets a rate and adds GAP, then the counter-offer carries cents, basis points and the product', () => {
    const desk = dealDesk();
    const form = createDeskForm(fb(), desk);
    form.patchValue({ sellingPrice: 24_999.5, aprPercent: 3.99, message: '  Best we can do  ' });
    form.controls.products.controls[GAP_ID].patchValue({ chosen: true });

    const input = counterOfferFrom(form.getRawValue());
    expect(input).toEqual({
      structure: structure({ products: [{ productId: GAP_ID, termMonths: 60 }] }),
      adjustments: {
        sellingPriceCents: 2_499_950,
        financeAprBps: 399,
        leaseMoneyFactor: null,
        tradeValueCents: null,
      },
      message: 'Best we can do',
    });
    // The same figures the service computes for that input.
    const live = liveQuote(desk, form.getRawValue());
    expect(live.quote).toEqual(
      quoteDeal({
        vehicle: { priceCents: desk.vehicle.priceCents, msrpCents: desk.vehicle.msrpCents },
        structure: input.structure,
        trade: null,
        terms: desk.terms,
        adjustments: input.adjustments,
      }),
    );
    const changed = quoteDifferences(desk.offers[0].quote, live.quote!).map((row) => row.label);
    expect(changed).toEqual(
      expect.arrayContaining(['Selling price', 'Products', 'Rate (APR)', 'Monthly payment']),
    );
    const price = quoteDifferences(desk.offers[0].quote, live.quote!).find(
      (row) => row.label === 'Selling price',
    );
    expect(price?.change).toBe(2_499_950 - 2_599_900);
  });

  it('a lease keeps its money factor and drops a typed APR; a lease term without a residual cannot be quoted', () => {
    const desk = dealDesk();
    const form = createDeskForm(fb(), desk);
    form.patchValue({ kind: 'lease', termMonths: 36, aprPercent: 4, moneyFactor: 0.0015 });
    const input = counterOfferFrom(form.getRawValue());
    expect(input.adjustments).toEqual({
      sellingPriceCents: null,
      financeAprBps: null,
      leaseMoneyFactor: 0.0015,
      tradeValueCents: null,
    });
    expect(liveQuote(desk, form.getRawValue()).quote?.lease?.aprEquivalentBps).toBe(360);

    form.patchValue({ termMonths: 39 });
    const live = liveQuote(desk, form.getRawValue());
    expect(live.quote).toBeNull();
    expect(live.problem?.field).toContain('termMonths');
  });

  it('a product the dealer deactivated since the offer stays on the desk, priced as the offer priced it', () => {
    const terms = retailTerms();
    const withGap = structure({ products: [{ productId: GAP_ID, termMonths: 60 }] });
    const desk = dealDesk({
      offers: [offer(1, 'shopper', withGap, {}, terms)],
      terms: { ...terms, products: terms.products.filter((product) => product.id !== GAP_ID) },
    });
    const form = createDeskForm(fb(), desk);
    expect(form.controls.products.controls[GAP_ID].getRawValue()).toEqual({ chosen: true, termMonths: 60 });
    expect(liveQuote(desk, form.getRawValue()).quote).toEqual(desk.offers[0].quote);
    form.controls.products.controls[GAP_ID].patchValue({ chosen: false });
    expect(liveQuote(desk, form.getRawValue()).quote?.productsCents).toBe(0);
  });

  it('offers finance terms, or only the lease terms the dealer has residuals for', () => {
    const desk = dealDesk();
    expect(termOptions('finance', desk, 60)).toEqual([24, 36, 48, 60, 72, 84]);
    expect(termOptions('finance', desk, 66)).toContain(66);
    expect(termOptions('lease', desk, 60)).toEqual([36, 48]);
  });

  it('compares with the shopper’s latest offer even after a dealer counter', () => {
    const terms = retailTerms();
    const desk = dealDesk({
      offers: [
        offer(1, 'shopper', structure(), {}, terms),
        offer(2, 'dealer', structure({ termMonths: 72 }), {}, terms),
      ],
    });
    expect(latestOffer(desk)?.version).toBe(2);
    expect(shopperOffer(desk)?.version).toBe(1);
    expect(createDeskForm(fb(), desk).controls.termMonths.value).toBe(72);
  });
});
