import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Quote } from '@showroom/contracts';
import { formatCents } from '@showroom/retail-payments';
import { PAYMENT_ESTIMATE_DISCLOSURE } from './retail-copy';

const percent = (bps: number) => `${(bps / 100).toFixed(2)}%`;

/**
 * A quote as the shopper reads it: the monthly payment (or the cash total) and what is due at
 * signing first, the figures behind them in a list, and the dealership's disclosure, always.
 */
@Component({
  selector: 'sf-quote-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="figures" aria-live="polite" aria-atomic="true" data-testid="quote-figures">
      @if (quote(); as q) {
        @if (q.monthlyPaymentCents !== null) {
          <p class="monthly">
            <strong data-testid="monthly-payment">{{ money(q.monthlyPaymentCents) }}</strong>
            <span>/month</span>
          </p>
          <p class="detail">{{ termLine() }}</p>
          <p class="signing">
            Due at signing <strong data-testid="due-at-signing">{{ money(q.dueAtSigningCents) }}</strong>
          </p>
        } @else {
          <p class="monthly">
            <strong data-testid="due-at-signing">{{ money(q.dueAtSigningCents) }}</strong>
            <span>total</span>
          </p>
          <p class="detail">Paid in full, with taxes and fees</p>
        }
        @if (q.cashBackCents > 0) {
          <p class="detail">You get back {{ money(q.cashBackCents) }}</p>
        }
      } @else {
        <p class="problem">{{ problem() ?? 'We cannot estimate this payment.' }}</p>
      }
    </div>
    @if (quote(); as q) {
      @if (showBreakdown()) {
        <details>
          <summary>How we worked it out</summary>
          <dl>
            <div>
              <dt>Price</dt>
              <dd>{{ money(q.sellingPriceCents) }}</dd>
            </div>
            <div>
              <dt>Dealer fees</dt>
              <dd>{{ money(fees()) }}</dd>
            </div>
            @if (q.productsCents > 0) {
              <div>
                <dt>Protection products</dt>
                <dd>{{ money(q.productsCents) }}</dd>
              </div>
            }
            @if (q.tradeValueCents > 0 || q.tradePayoffCents > 0) {
              <div>
                <dt>Trade-in equity</dt>
                <dd>{{ money(q.tradeEquityCents) }}</dd>
              </div>
            }
            <div>
              <dt>Sales tax ({{ rate(q.salesTaxBps) }})</dt>
              <dd>{{ money(q.taxCents + (q.lease?.upfrontTaxCents ?? 0)) }}</dd>
            </div>
            <div>
              <dt>Down payment</dt>
              <dd>{{ money(q.downPaymentCents) }}</dd>
            </div>
            @if (q.finance; as f) {
              <div>
                <dt>Amount financed</dt>
                <dd>{{ money(f.amountFinancedCents) }}</dd>
              </div>
              <div>
                <dt>Finance charge</dt>
                <dd>{{ money(f.financeChargeCents) }}</dd>
              </div>
            }
            @if (q.lease; as l) {
              <div>
                <dt>Residual value</dt>
                <dd>{{ money(l.residualCents) }}</dd>
              </div>
              <div>
                <dt>Money factor</dt>
                <dd>{{ l.moneyFactor }} (≈ {{ rate(l.aprEquivalentBps) }} APR)</dd>
              </div>
            }
          </dl>
        </details>
      }
    }
    <p class="disclosure" data-testid="payment-disclosure">{{ quote()?.disclosure || disclosure() }}</p>
  `,
  styles: `
    :host {
      display: block;
    }
    .figures p {
      margin: 0 0 0.25rem;
    }
    .monthly strong {
      font-size: 2rem;
      line-height: 1.1;
    }
    .detail {
      color: var(--sf-muted);
    }
    .problem {
      font-weight: 600;
    }
    details {
      margin: 0.75rem 0;
    }
    summary {
      cursor: pointer;
      min-height: 44px;
      display: flex;
      align-items: center;
    }
    dl {
      margin: 0;
    }
    dl div {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
      border-bottom: 1px solid var(--sf-line);
      padding: 0.25rem 0;
    }
    dd {
      margin: 0;
    }
    .disclosure {
      font-size: 0.8125rem;
      color: var(--sf-muted);
      margin: 0.75rem 0 0;
    }
  `,
})
export class QuoteSummary {
  readonly quote = input.required<Quote | null>();
  /** Why there is no quote (the payments library's reason). */
  readonly problem = input<string | null>(null);
  /** The dealership's disclosure, shown even when nothing could be quoted. */
  readonly disclosure = input(PAYMENT_ESTIMATE_DISCLOSURE);
  readonly showBreakdown = input(true);

  protected readonly money = formatCents;
  protected readonly rate = percent;

  protected readonly fees = computed(() => {
    const fees = this.quote()?.fees;
    return fees
      ? fees.documentationCents + fees.titleCents + fees.registrationCents + fees.acquisitionCents
      : 0;
  });

  protected readonly termLine = computed(() => {
    const quote = this.quote();
    if (quote?.finance) return `${quote.finance.termMonths} months at ${percent(quote.finance.aprBps)} APR`;
    if (quote?.lease) return `${quote.lease.termMonths}-month lease`;
    return '';
  });
}
