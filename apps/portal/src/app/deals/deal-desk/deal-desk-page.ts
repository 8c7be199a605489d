import { Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { AppraisalInput, CounterOfferInput, DealDesk } from '@showroom/contracts';
import { filter, switchMap, tap } from 'rxjs';
import { DealsApi } from '../../api/deals-api';
import { Permissions } from '../../core/permissions';
import { problemOf } from '../../core/problem';
import { LoadState } from '../../shared/load-state';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { Clock } from '../../leads/shared/clock';
import { ExactTimePipe, RelativeTimePipe } from '../../leads/shared/time-pipes';
import { CentsPipe } from '../shared/cents.pipe';
import { DealStatusChip } from '../shared/deal-chips';
import { DEAL_KIND_LABELS, dealVehicleTitle } from '../shared/deal-labels';
import { CounterOfferForm } from './counter-offer-form';
import { CreditPanel } from './credit-panel';
import { DealActivityList } from './deal-activity-list';
import { latestOffer } from './desk-model';
import { QuoteBreakdown } from './quote-breakdown';
import { ReservationPanel } from './reservation-panel';
import { TradeInPanel } from './trade-in-panel';

/**
 * `/deals/:dealId`: the deal desk. The shopper's latest offer as a breakdown, the desk's structure and
 * adjustments recomputed live, the counter-offer (with the deal's version as If-Match), the trade-in
 * and its appraisal, the credit application, the reservation, and what happened on the deal.
 */
@Component({
  selector: 'sr-deal-desk-page',
  imports: [
    CentsPipe,
    CounterOfferForm,
    CreditPanel,
    DealActivityList,
    DealStatusChip,
    ExactTimePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    ProblemTextPipe,
    QuoteBreakdown,
    RelativeTimePipe,
    ReservationPanel,
    RouterLink,
    TradeInPanel,
  ],
  templateUrl: './deal-desk-page.html',
  styleUrl: './deal-desk-page.scss',
})
export class DealDeskPage {
  readonly dealId = input.required<string>();

  private readonly api = inject(DealsApi);
  private readonly permissions = inject(Permissions);
  private readonly snackBar = inject(MatSnackBar);
  private readonly title = inject(Title);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly clock = inject(Clock);

  private readonly loadState = new LoadState();
  protected readonly status = this.loadState.status;
  protected readonly problem = this.loadState.problem;
  protected readonly desk = signal<DealDesk | null>(null);
  protected readonly sending = signal(false);
  protected readonly appraising = signal(false);
  protected readonly releasing = signal(false);
  /** The counter-offer was refused because the deal changed meanwhile; the desk shows the new one. */
  protected readonly changedMeanwhile = signal(false);

  protected readonly canWork = computed(() => this.permissions.can('deals:work'));
  protected readonly canOpenCredit = computed(() => this.permissions.can('credit:read'));
  protected readonly canReadLeads = computed(() => this.permissions.can('leads:read'));
  protected readonly offer = computed(() => {
    const desk = this.desk();
    return desk ? latestOffer(desk) : null;
  });
  protected readonly vehicleTitle = computed(() => {
    const desk = this.desk();
    return desk ? dealVehicleTitle(desk.vehicle) : '';
  });
  protected readonly shopperName = computed(() => {
    const shopper = this.desk()?.shopper;
    return shopper ? `${shopper.firstName} ${shopper.lastName}`.trim() : '';
  });
  /** Viewers get the shopper without e-mail and phone. */
  protected readonly contactHidden = computed(() => {
    const shopper = this.desk()?.shopper;
    return !!shopper && shopper.email === null && shopper.phone === null;
  });
  protected readonly kindLabels = DEAL_KIND_LABELS;

  constructor() {
    toObservable(this.dealId)
      .pipe(
        filter((id) => !!id),
        switchMap((id) => {
          this.desk.set(null);
          return this.load(id);
        }),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  protected reload(): void {
    this.load(this.dealId()).pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
  }

  protected sendCounterOffer(input: CounterOfferInput): void {
    const desk = this.desk();
    if (!desk || this.sending()) return;
    this.sending.set(true);
    this.changedMeanwhile.set(false);
    this.api
      .counterOffer(desk.id, desk.version, input)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.sending.set(false);
          this.show(updated);
          this.snackBar.open('Counter-offer sent; the shopper gets it by e-mail', undefined, {
            duration: 4000,
          });
        },
        error: (error: unknown) => {
          this.sending.set(false);
          const problem = problemOf(error);
          if (problem.status === 412) {
            // The shopper or a colleague changed the deal since it was read: show theirs, then decide.
            this.changedMeanwhile.set(true);
            this.reload();
            return;
          }
          this.snackBar.open(`The counter-offer was not sent: ${problem.detail ?? problem.title}`, 'OK', {
            duration: 8000,
          });
        },
      });
  }

  protected appraise(input: AppraisalInput): void {
    const desk = this.desk();
    if (!desk || this.appraising()) return;
    this.appraising.set(true);
    this.api
      .appraise(desk.id, input)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (tradeIn) => {
          this.appraising.set(false);
          this.desk.update((current) => (current ? { ...current, tradeIn } : current));
          this.snackBar.open('Appraisal saved; the shopper gets it by e-mail', undefined, { duration: 4000 });
          // Its activity and version changed too.
          this.reload();
        },
        error: (error: unknown) => {
          this.appraising.set(false);
          const problem = problemOf(error);
          this.snackBar.open(`The appraisal was not saved: ${problem.detail ?? problem.title}`, 'OK', {
            duration: 8000,
          });
        },
      });
  }

  protected releaseReservation(): void {
    const desk = this.desk();
    if (!desk || this.releasing()) return;
    this.releasing.set(true);
    this.api
      .releaseReservation(desk.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (reservation) => {
          this.releasing.set(false);
          this.desk.update((current) => (current ? { ...current, reservation } : current));
          this.snackBar.open('Reservation released; the car is on sale again', undefined, { duration: 4000 });
          // Its activity and version changed too.
          this.reload();
        },
        error: (error: unknown) => {
          this.releasing.set(false);
          const problem = problemOf(error);
          this.snackBar.open(`The reservation was not released: ${problem.detail ?? problem.title}`, 'OK', {
            duration: 8000,
          });
        },
      });
  }

  private show(desk: DealDesk): void {
    this.desk.set(desk);
    this.title.setTitle(`${dealVehicleTitle(desk.vehicle)} · Deals · Showroom`);
  }

  private load(dealId: string) {
    return this.loadState.track(this.api.get(dealId).pipe(tap((desk) => this.show(desk))), {
      quietly: this.desk() !== null,
    });
  }
}
