import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { formatCents } from '@showroom/retail-payments';
import { RetailApi } from '../data/retail-api';
import { refusalOf } from '../retail/refusals';
import { RESERVATION_STATUS_LABELS } from '../retail/retail-copy';
import { SITE } from '../site/site';
import { DealSession } from './deal-session';
import { ExternalNavigation } from './external-navigation';

/** Where the browser may be sent to pay: the provider's page, over http(s) only. */
export function isCheckoutUrl(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The reservation card: a deposit paid on the payment provider's own page (no card data touches
 * Showroom) holds the car for the dealership's hours. The provider sends the shopper back to the
 * deal page with `?reservation=paid`.
 */
@Component({
  selector: 'sf-reservation-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="step-reserve">Reserve the car <span class="optional">(optional)</span></h2>
    @let reservation = session.deal()?.reservation ?? null;
    @if (reservation?.status === 'held') {
      <p class="sf-note" data-testid="reservation-held">
        Reserved for you until <strong>{{ time(reservation!.heldUntil) }}</strong>. Your
        {{ money(reservation!.depositCents) }} deposit is paid.
      </p>
    } @else if (reservation?.status === 'awaiting-payment' && returnedPaid()) {
      <p class="sf-note" aria-live="polite">We are confirming your deposit with the payment provider…</p>
    } @else {
      @if (reservation; as r) {
        <p class="what">{{ statusLabels[r.status] }}</p>
      }
      @if (deposit(); as d) {
        @if (!session.closed()) {
          <p>
            Hold this car with a {{ money(d.depositCents) }} deposit: nobody else can buy it for
            {{ d.holdHours }} hours. You pay on the payment provider’s secure page.
          </p>
          <div aria-live="assertive">
            @if (error(); as message) {
              <p class="sf-alert">{{ message }}</p>
            }
          </div>
          <button
            type="button"
            class="sf-button"
            [disabled]="going()"
            (click)="reserve()"
            data-testid="reserve"
          >
            {{ going() ? 'Opening the payment page…' : 'Pay ' + money(d.depositCents) + ' to reserve' }}
          </button>
        }
      } @else {
        <p>{{ site.name }} does not take reservations online just now.</p>
      }
    }
  `,
  styleUrl: './deal-steps.scss',
})
export class ReservationStep {
  /** Back from the provider's page after paying: the webhook may still be on its way. */
  readonly returnedPaid = input(false);

  protected readonly session = inject(DealSession);
  private readonly retail = inject(RetailApi);
  protected readonly site = inject(SITE);
  private readonly navigation = inject(ExternalNavigation);

  protected readonly money = formatCents;
  protected readonly statusLabels = RESERVATION_STATUS_LABELS;
  protected readonly deposit = computed(() => {
    const reservation = this.session.terms()?.reservation;
    return reservation && reservation.depositCents > 0 ? reservation : null;
  });
  protected readonly going = signal(false);
  protected readonly error = signal<string | null>(null);

  protected time(iso: string | null): string {
    return iso ? this.session.timeText(iso) : '';
  }

  protected reserve(): void {
    if (this.going()) return;
    this.going.set(true);
    this.error.set(null);
    this.retail.reserve(this.session.dealId(), this.session.token()).subscribe({
      next: ({ checkoutUrl }) => {
        if (!isCheckoutUrl(checkoutUrl)) {
          this.going.set(false);
          this.error.set('The payment page could not be opened. Please try again.');
          return;
        }
        // A navigation, not a form post: the provider's page takes over this tab and sends it back.
        this.navigation.go(checkoutUrl);
      },
      error: (error: unknown) => {
        this.going.set(false);
        this.error.set(refusalOf(error, () => null, this.site).general);
      },
    });
  }
}
