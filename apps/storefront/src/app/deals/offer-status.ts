import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { formatCents } from '@showroom/retail-payments';
import { RetailApi } from '../data/retail-api';
import { QuoteSummary } from '../retail/quote-summary';
import { refusalOf } from '../retail/refusals';
import { DEAL_KIND_LABELS, DEAL_STATUS_LABELS } from '../retail/retail-copy';
import { SITE } from '../site/site';
import { DealSession } from './deal-session';

/** Where the deal stands; a dealer's counter-offer with its figures, message and "Accept this offer". */
@Component({
  selector: 'sf-offer-status',
  imports: [QuoteSummary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session.deal(); as deal) {
      <section
        class="status"
        [class.counter]="deal.status === 'countered'"
        aria-labelledby="deal-status"
        data-testid="deal-status"
      >
        <h2 id="deal-status" tabindex="-1">{{ statusLabels[deal.status] }}</h2>
        @switch (deal.status) {
          @case ('draft') {
            <p>Work through the steps below at your own pace, then send your deal to {{ site.name }}.</p>
          }
          @case ('submitted') {
            <p>
              {{ site.name }} received your deal{{
                deal.submittedAt ? ' on ' + session.timeText(deal.submittedAt) : ''
              }}
              and will answer by e-mail. Their answer will show here too.
            </p>
          }
          @case ('countered') {
            @let offer = deal.offer;
            <p>
              {{ offer.author ?? site.name }} sent you an offer on {{ session.timeText(offer.createdAt) }}:
              {{ kindLabels[offer.structure.kind] }}, selling price
              <strong>{{ money(offer.quote.sellingPriceCents) }}</strong>{{
                offer.quote.sellingPriceCents < deal.vehicle.priceCents
                  ? ' (listed at ' + money(deal.vehicle.priceCents) + ')'
                  : ''
              }}.
            </p>
            @if (offer.message) {
              <blockquote data-testid="dealer-message">{{ offer.message }}</blockquote>
            }
            <sf-quote-summary [quote]="offer.quote" />
            <div aria-live="assertive">
              @if (error(); as message) {
                <p class="sf-alert">{{ message }}</p>
              }
            </div>
            <button
              type="button"
              class="sf-button"
              [disabled]="accepting()"
              (click)="accept(offer.version)"
              data-testid="accept-offer"
            >
              {{ accepting() ? 'Accepting…' : 'Accept this offer' }}
            </button>
          }
          @case ('accepted') {
            <p>
              You accepted {{ site.name }}’s offer{{
                deal.offer.acceptedAt ? ' on ' + session.timeText(deal.offer.acceptedAt) : ''
              }}. They will contact you to finish the paperwork and arrange delivery.
            </p>
          }
          @case ('withdrawn') {
            <p>This deal is closed. {{ site.phone ? 'Questions? Call ' + site.phone + '.' : '' }}</p>
          }
        }
      </section>
    }
  `,
  styles: `
    .status {
      border: 2px solid var(--sf-line);
      border-radius: 8px;
      padding: 1rem;
      margin-bottom: 1.5rem;
    }
    .status.counter {
      border-color: var(--sf-brand);
    }
    h2 {
      margin-top: 0;
    }
    blockquote {
      margin: 0 0 1rem;
      padding: 0.5rem 1rem;
      border-left: 4px solid var(--sf-brand);
      background: var(--sf-muted-bg);
      white-space: pre-line;
    }
  `,
})
export class OfferStatus {
  protected readonly session = inject(DealSession);
  private readonly retail = inject(RetailApi);
  protected readonly site = inject(SITE);

  protected readonly money = formatCents;
  protected readonly kindLabels = DEAL_KIND_LABELS;
  protected readonly statusLabels = DEAL_STATUS_LABELS;
  protected readonly accepting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly deal = computed(() => this.session.deal());

  protected accept(version: number): void {
    if (this.accepting()) return;
    this.accepting.set(true);
    this.error.set(null);
    this.retail.accept(this.session.dealId(), this.session.token(), version).subscribe({
      next: (deal) => {
        this.accepting.set(false);
        this.session.replace(deal);
      },
      error: (error: unknown) => {
        this.accepting.set(false);
        // 409: the dealer changed the offer meanwhile; show the newest one.
        this.error.set(refusalOf(error, () => null, this.site).general);
        void this.session.reload().catch(() => undefined);
      },
    });
  }
}
