import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
} from '@angular/core';
import { formatCents } from '@showroom/retail-payments';
import { RetailApi } from '../data/retail-api';
import { refusalOf } from '../retail/refusals';
import { DEAL_KIND_LABELS } from '../retail/retail-copy';
import { SITE } from '../site/site';
import { DealSession } from './deal-session';

/** Review and submit: what the deal holds, step by step, and "Send my deal". */
@Component({
  selector: 'sf-review-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="step-review">Review and send</h2>
    <ul class="checklist">
      @for (line of lines(); track line.label) {
        <li [class.done]="line.done">
          <span class="mark" aria-hidden="true">{{ line.done ? '✓' : '–' }}</span>
          <span
            ><strong>{{ line.label }}:</strong> {{ line.text }}</span
          >
        </li>
      }
    </ul>
    <div aria-live="assertive">
      @if (error(); as message) {
        <p class="sf-alert">{{ message }}</p>
      }
    </div>
    <button
      type="button"
      class="sf-button"
      [disabled]="sending()"
      (click)="submit()"
      data-testid="submit-deal"
    >
      {{ sending() ? 'Sending…' : 'Send my deal to ' + site.name }}
    </button>
  `,
  styleUrl: './deal-steps.scss',
})
export class ReviewStep {
  protected readonly session = inject(DealSession);
  private readonly retail = inject(RetailApi);
  protected readonly site = inject(SITE);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  protected readonly sending = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly lines = computed(() => {
    const deal = this.session.deal();
    if (!deal) return [];
    const quote = deal.offer.quote;
    const payment =
      quote.monthlyPaymentCents !== null
        ? `${DEAL_KIND_LABELS[quote.kind]}, ${formatCents(quote.monthlyPaymentCents)} a month, ${formatCents(quote.dueAtSigningCents)} due at signing`
        : `${DEAL_KIND_LABELS[quote.kind]}, ${formatCents(quote.dueAtSigningCents)} in all`;
    const trade = deal.tradeIn;
    return [
      { label: 'Payment', text: payment, done: true },
      {
        label: 'Trade-in',
        text: trade
          ? `${trade.year} ${trade.make} ${trade.model ?? ''}, counted at ${formatCents(trade.valueCents)}`
          : 'none',
        done: trade !== null,
      },
      {
        label: 'Protection',
        text: quote.products.length > 0 ? quote.products.map((p) => p.name).join(', ') : 'none',
        done: quote.products.length > 0,
      },
      {
        label: 'Credit application',
        text: deal.creditApplication ? 'received' : 'not sent (you can send it later)',
        done: deal.creditApplication !== null,
      },
      {
        label: 'Reservation',
        text: deal.reservation?.status === 'held' ? 'the car is held for you' : 'not reserved',
        done: deal.reservation?.status === 'held',
      },
    ];
  });

  protected submit(): void {
    if (this.sending()) return;
    this.sending.set(true);
    this.error.set(null);
    this.retail.submit(this.session.dealId(), this.session.token()).subscribe({
      next: (deal) => {
        this.sending.set(false);
        this.session.replace(deal);
        // The status at the top now says it was sent: take the reader there.
        afterNextRender(() => this.document.getElementById('deal-status')?.focus(), {
          injector: this.injector,
        });
      },
      error: (error: unknown) => {
        this.sending.set(false);
        this.error.set(refusalOf(error, () => null, this.site).general);
      },
    });
  }
}
