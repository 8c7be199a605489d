import { HttpErrorResponse } from '@angular/common/http';
import { isPlatformBrowser } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  PLATFORM_ID,
  computed,
  inject,
  signal,
} from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { catchError, forkJoin, of } from 'rxjs';
import { RetailApi } from '../data/retail-api';
import { RetailTermsApi } from '../data/retail-terms-api';
import { vehiclePath } from '../data/vehicle-paths';
import { Seo } from '../seo/seo';
import { SITE } from '../site/site';
import { formatPrice } from '../shared/format';
import { CreditStep } from './credit-step';
import { DealAccessStore } from './deal-access';
import { DealSession } from './deal-session';
import { OfferStatus } from './offer-status';
import { PaymentStep } from './payment-step';
import { ProductsStep } from './products-step';
import { ReservationStep } from './reservation-step';
import { ReviewStep } from './review-step';
import { TradeInStep } from './trade-in-step';

type Load = 'loading' | 'ready' | 'no-access' | 'not-found' | 'failed';

/** After paying, the webhook may be a moment behind: the deal is read again this often, this many times. */
const PAID_RECHECK_MS = 2_000;
const PAID_RECHECKS = 5;

/**
 * /deals/:dealId — the shopper's deal, rendered in the browser only: its key is the access token
 * in this tab's sessionStorage, or the `?access=` token of an e-mailed link (stored, then taken out
 * of the address bar). A checklist of cards: payment, trade-in, protection, credit, reservation,
 * review; above them the deal's status and the dealer's counter-offer.
 */
@Component({
  selector: 'sf-deal-page',
  imports: [
    RouterLink,
    OfferStatus,
    PaymentStep,
    TradeInStep,
    ProductsStep,
    CreditStep,
    ReservationStep,
    ReviewStep,
  ],
  providers: [DealSession],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './deal-page.html',
  styleUrl: './deal-page.scss',
})
export class DealPage {
  protected readonly session = inject(DealSession);
  protected readonly site = inject(SITE);
  private readonly retail = inject(RetailApi);
  private readonly retailTerms = inject(RetailTermsApi);
  private readonly access = inject(DealAccessStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly load = signal<Load>('loading');
  protected readonly message = signal<string | null>(null);
  /** Back from the payment provider (`?reservation=paid`). */
  protected readonly returnedPaid = signal(false);
  protected readonly returnedCancelled = signal(false);

  protected readonly title = computed(() => {
    const vehicle = this.session.deal()?.vehicle;
    return vehicle ? [vehicle.year, vehicle.make, vehicle.model, vehicle.trim].filter(Boolean).join(' ') : '';
  });
  protected readonly carPath = computed(() => {
    const vehicle = this.session.deal()?.vehicle;
    return vehicle ? vehiclePath({ ...vehicle, id: vehicle.vehicleId }) : '/cars';
  });
  protected readonly price = computed(() => {
    const vehicle = this.session.deal()?.vehicle;
    return vehicle ? formatPrice(vehicle.priceCents) : '';
  });
  protected readonly hasProducts = computed(() => (this.session.terms()?.products.length ?? 0) > 0);

  constructor() {
    inject(Seo).page({
      title: 'Your deal',
      description: `Your deal at ${this.site.name}.`,
      path: '/deals',
      noindex: true,
    });
    if (!isPlatformBrowser(inject(PLATFORM_ID))) return;
    const snapshot = this.route.snapshot;
    const dealId = snapshot.paramMap.get('dealId') ?? '';
    const query = snapshot.queryParamMap;
    const linkToken = query.get('access');
    if (linkToken) this.access.remember(dealId, linkToken);
    this.returnedPaid.set(query.get('reservation') === 'paid');
    this.returnedCancelled.set(query.get('reservation') === 'cancelled');
    if (linkToken !== null || query.has('reservation')) {
      // The token must not stay in the address bar, the history or a shared screenshot.
      void this.router.navigate([], {
        relativeTo: this.route,
        queryParams: { access: null, reservation: null },
        queryParamsHandling: 'merge',
        replaceUrl: true,
      });
    }
    const token = this.access.tokenFor(dealId);
    if (!token) {
      this.load.set('no-access');
      return;
    }
    this.session.open(dealId, token);
    this.read(dealId, token);
    const timers: ReturnType<typeof setTimeout>[] = [];
    inject(DestroyRef).onDestroy(() => timers.forEach(clearTimeout));
    if (this.returnedPaid()) this.recheckPayment(timers, PAID_RECHECKS);
  }

  private read(dealId: string, token: string): void {
    forkJoin({
      deal: this.retail.deal(dealId, token),
      // Without the terms the deal still shows (its offer carries its own quote); changes wait.
      terms: this.retailTerms.terms().pipe(catchError(() => of(null))),
    }).subscribe({
      next: ({ deal, terms }) => {
        this.session.replace(deal);
        this.session.terms.set(terms);
        this.load.set('ready');
      },
      error: (error: unknown) => {
        const status = error instanceof HttpErrorResponse ? error.status : 0;
        if (status === 404) {
          // A wrong or expired key: forget it, so the next link from an e-mail is used instead.
          this.access.forget(dealId);
          this.load.set('not-found');
        } else this.load.set('failed');
      },
    });
  }

  private recheckPayment(timers: ReturnType<typeof setTimeout>[], left: number): void {
    if (left === 0) return;
    timers.push(
      setTimeout(() => {
        const status = this.session.deal()?.reservation?.status;
        if (this.load() === 'ready' && status !== 'awaiting-payment') return;
        this.session.reload().then(
          () => this.recheckPayment(timers, left - 1),
          () => this.recheckPayment(timers, left - 1),
        );
      }, PAID_RECHECK_MS),
    );
  }
}
