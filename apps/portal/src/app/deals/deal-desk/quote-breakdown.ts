import { Component, input } from '@angular/core';
import type { Quote } from '@showroom/contracts';
import { CentsPipe } from '../shared/cents.pipe';
import { DEAL_KIND_LABELS, formatBps } from '../shared/deal-labels';

/**
 * A quote as a breakdown the dealer can read down: price, fees, products, trade, tax, then the
 * financing (amount financed, APR, term, payment) or the lease (cap cost, residual, money factor with
 * its APR equivalent, depreciation, rent charge, tax), what is due at signing, and the disclosure.
 */
@Component({
  selector: 'sr-quote-breakdown',
  imports: [CentsPipe],
  template: `
    @let q = quote();
    <p class="headline" data-testid="quote-headline">
      <span class="headline__kind">{{ kindLabels[q.kind] }}</span>
      @if (q.monthlyPaymentCents !== null) {
        <strong data-testid="quote-monthly">{{ q.monthlyPaymentCents | cents }}</strong>/mo
      } @else {
        <strong data-testid="quote-due">{{ q.dueAtSigningCents | cents }}</strong> due
      }
    </p>
    <dl class="figures" data-testid="quote-breakdown">
      <dt>Selling price</dt>
      <dd data-testid="quote-price">{{ q.sellingPriceCents | cents }}</dd>
      @if (q.msrpCents !== null) {
        <dt class="minor">MSRP</dt>
        <dd class="minor">{{ q.msrpCents | cents }}</dd>
      }
      <dt>Documentation fee</dt>
      <dd>{{ q.fees.documentationCents | cents }}</dd>
      <dt>Title</dt>
      <dd>{{ q.fees.titleCents | cents }}</dd>
      <dt>Registration</dt>
      <dd>{{ q.fees.registrationCents | cents }}</dd>
      @if (q.kind === 'lease') {
        <dt>Acquisition fee</dt>
        <dd>{{ q.fees.acquisitionCents | cents }}</dd>
      }
      @for (product of q.products; track product.productId) {
        <dt data-testid="quote-product">{{ product.name }} ({{ product.termMonths }} mo)</dt>
        <dd>{{ product.priceCents | cents }}</dd>
      }
      @if (q.tradeValueCents > 0 || q.tradePayoffCents > 0) {
        <dt>Trade value</dt>
        <dd data-testid="quote-trade-value">−{{ q.tradeValueCents | cents }}</dd>
        <dt>Trade payoff</dt>
        <dd>{{ q.tradePayoffCents | cents }}</dd>
        <dt>Trade equity</dt>
        <dd data-testid="quote-trade-equity" [class.negative]="q.tradeEquityCents < 0">
          {{ q.tradeEquityCents | cents }}
        </dd>
      }
      @if (q.kind !== 'lease') {
        <dt>Taxable amount</dt>
        <dd>{{ q.taxableCents | cents }}</dd>
        <dt>Sales tax ({{ rate(q.salesTaxBps) }})</dt>
        <dd data-testid="quote-tax">{{ q.taxCents | cents }}</dd>
      }
      <dt>Down payment</dt>
      <dd data-testid="quote-down">{{ q.downPaymentCents | cents }}</dd>

      @if (q.finance; as finance) {
        <dt class="section">Amount financed</dt>
        <dd class="section" data-testid="quote-amount-financed">{{ finance.amountFinancedCents | cents }}</dd>
        <dt>APR</dt>
        <dd data-testid="quote-apr">{{ rate(finance.aprBps) }}</dd>
        <dt>Term</dt>
        <dd data-testid="quote-term">{{ finance.termMonths }} months</dd>
        <dt>Monthly payment</dt>
        <dd>{{ finance.monthlyPaymentCents | cents }}</dd>
        <dt class="minor">Finance charge</dt>
        <dd class="minor">{{ finance.financeChargeCents | cents }}</dd>
        <dt class="minor">Total of payments</dt>
        <dd class="minor">{{ finance.totalOfPaymentsCents | cents }}</dd>
      }
      @if (q.lease; as lease) {
        <dt class="section">Gross capitalised cost</dt>
        <dd class="section">{{ lease.grossCapCostCents | cents }}</dd>
        <dt>Cap cost reduction</dt>
        <dd>{{ lease.capCostReductionCents | cents }}</dd>
        <dt>Adjusted cap cost</dt>
        <dd data-testid="quote-cap-cost">{{ lease.adjustedCapCostCents | cents }}</dd>
        <dt>Residual ({{ rate(lease.residualBps) }})</dt>
        <dd data-testid="quote-residual">{{ lease.residualCents | cents }}</dd>
        <dt>Money factor</dt>
        <dd data-testid="quote-money-factor">
          {{ lease.moneyFactor.toFixed(5) }} ({{ rate(lease.aprEquivalentBps) }} APR)
        </dd>
        <dt>Term</dt>
        <dd data-testid="quote-term">{{ lease.termMonths }} months</dd>
        <dt>Depreciation</dt>
        <dd>{{ lease.depreciationCents | cents }}/mo</dd>
        <dt>Rent charge</dt>
        <dd>{{ lease.rentChargeCents | cents }}/mo</dd>
        <dt>Base payment</dt>
        <dd>{{ lease.basePaymentCents | cents }}</dd>
        <dt>Monthly tax</dt>
        <dd>{{ lease.monthlyTaxCents | cents }}</dd>
        @if (lease.upfrontTaxCents > 0) {
          <dt>Tax paid up front</dt>
          <dd>{{ lease.upfrontTaxCents | cents }}</dd>
        }
        <dt>Monthly payment</dt>
        <dd>{{ lease.monthlyPaymentCents | cents }}</dd>
        <dt class="minor">Total of payments</dt>
        <dd class="minor">{{ lease.totalOfPaymentsCents | cents }}</dd>
      }

      <dt class="section total">Due at signing</dt>
      <dd class="section total" data-testid="quote-due-at-signing">{{ q.dueAtSigningCents | cents }}</dd>
      @if (q.cashBackCents > 0) {
        <dt>Cash back to the shopper</dt>
        <dd data-testid="quote-cash-back">{{ q.cashBackCents | cents }}</dd>
      }
    </dl>
    <p class="disclosure" data-testid="quote-disclosure">{{ q.disclosure }}</p>
  `,
  styles: `
    :host {
      display: block;
    }
    .headline {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .headline strong {
      font: var(--mat-sys-headline-small);
    }
    .headline__kind {
      margin-right: 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .figures {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 2px 16px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .minor {
      font: var(--mat-sys-body-small);
    }
    .section {
      margin-top: 8px;
      padding-top: 8px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .total {
      font-weight: 600;
      color: var(--mat-sys-on-surface);
    }
    .negative {
      color: var(--mat-sys-error);
    }
    .disclosure {
      margin: 12px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class QuoteBreakdown {
  readonly quote = input.required<Quote>();
  protected readonly kindLabels = DEAL_KIND_LABELS;
  protected readonly rate = formatBps;
}
