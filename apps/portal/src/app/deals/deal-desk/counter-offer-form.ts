import { Component, computed, DestroyRef, inject, input, type OnInit, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { CounterOfferInput, DealDesk, DealKind } from '@showroom/contracts';
import { moneyFactorToAprBps } from '@showroom/retail-payments';
import { CentsPipe } from '../shared/cents.pipe';
import { CREDIT_TIER_LABELS, DEAL_KIND_LABELS, DEAL_KIND_OPTIONS, formatBps } from '../shared/deal-labels';
import {
  counterOfferFrom,
  createDeskForm,
  type DeskForm,
  deskProducts,
  liveQuote,
  MAX_MESSAGE_LENGTH,
  quoteDifferences,
  shopperOffer,
  termOptions,
} from './desk-model';
import { QuoteBreakdown } from './quote-breakdown';
import { QuoteDifferences } from './quote-differences';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/** The service answers a counter-offer only on a submitted or countered deal. */
export function notAnswerableReason(status: DealDesk['status']): string | null {
  switch (status) {
    case 'submitted':
    case 'countered':
      return null;
    case 'draft':
      return 'The shopper has not sent this deal yet: you can answer it once they submit it.';
    case 'accepted':
      return 'The shopper accepted this deal: it can no longer be countered.';
    case 'withdrawn':
      return 'The shopper withdrew this deal: it can no longer be countered.';
  }
}

/**
 * The desk's structure and adjustments: what the dealer types is quoted at once in the browser with
 * the payments library and the deal's terms, shown as a breakdown and as its differences from the
 * shopper's offer; "Send counter-offer" hands the contract's input to the page. Built once per
 * version of the deal (the page recreates it when the deal changes).
 */
@Component({
  selector: 'sr-counter-offer-form',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    CentsPipe,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    QuoteBreakdown,
    QuoteDifferences,
    ReactiveFormsModule,
  ],
  templateUrl: './counter-offer-form.html',
  styleUrl: './counter-offer-form.scss',
})
export class CounterOfferForm implements OnInit {
  readonly desk = input.required<DealDesk>();
  /** The dealer may send counter-offers (deals:work); otherwise the figures are only explored. */
  readonly canWork = input(false);
  readonly sending = input(false);
  readonly send = output<CounterOfferInput>();

  private readonly fb = inject(NonNullableFormBuilder);
  private readonly destroyRef = inject(DestroyRef);

  protected form!: DeskForm;
  /** Bumped on every change of the form, so the computeds below read it again. */
  private readonly changed = signal(0);
  protected readonly kindOptions = DEAL_KIND_OPTIONS;
  protected readonly kindLabels = DEAL_KIND_LABELS;
  protected readonly tierLabels = CREDIT_TIER_LABELS;
  protected readonly rate = formatBps;
  protected readonly maxMessage = MAX_MESSAGE_LENGTH;

  protected readonly value = computed(() => {
    this.changed();
    return this.form.getRawValue();
  });
  protected readonly live = computed(() => liveQuote(this.desk(), this.value()));
  protected readonly shopper = computed(() => shopperOffer(this.desk()));
  protected readonly differences = computed(() => {
    const before = this.shopper()?.quote;
    const after = this.live().quote;
    return before && after ? quoteDifferences(before, after) : [];
  });
  protected readonly terms = computed(() =>
    termOptions(this.value().kind, this.desk(), this.value().termMonths),
  );
  protected readonly products = computed(() => deskProducts(this.desk()));
  protected readonly tiers = computed(() => this.desk().terms.creditTiers);
  /** What an empty adjustment stands for, said in its hint. */
  protected readonly tier = computed(
    () => this.tiers().find((tier) => tier.tier === this.value().creditTier) ?? null,
  );
  protected readonly typedMoneyFactorApr = computed(() => {
    const moneyFactor = this.value().moneyFactor;
    return moneyFactor === null || !Number.isFinite(moneyFactor) ? null : moneyFactorToAprBps(moneyFactor);
  });
  protected readonly problem = computed(() => this.live().problem);
  /** Why the deal cannot be answered now (the service would refuse a counter-offer), or null. */
  protected readonly notAnswerable = computed(() => notAnswerableReason(this.desk().status));

  ngOnInit(): void {
    this.form = createDeskForm(this.fb, this.desk());
    if (!this.canWork()) this.form.controls.message.disable();
    this.form.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.changed.update((n) => n + 1));
    this.form.controls.kind.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((kind) => this.fitTermTo(kind));
  }

  /** A lease runs only the terms the dealer has residuals for: moving to one keeps the nearest. */
  private fitTermTo(kind: DealKind): void {
    if (kind !== 'lease') return;
    const term = this.form.controls.termMonths;
    const allowed = termOptions('lease', this.desk(), term.value);
    if (allowed.length === 0 || allowed.includes(term.value)) return;
    const nearest = allowed.reduce((best, option) =>
      Math.abs(option - term.value) < Math.abs(best - term.value) ? option : best,
    );
    term.setValue(nearest);
  }

  protected clearAdjustments(): void {
    this.form.patchValue({ sellingPrice: null, aprPercent: null, moneyFactor: null, tradeValue: null });
  }

  protected submit(): void {
    if (!this.canWork() || this.sending() || this.notAnswerable()) return;
    if (this.form.invalid || this.live().problem) {
      this.form.markAllAsTouched();
      return;
    }
    this.send.emit(counterOfferFrom(this.form.getRawValue()));
  }
}
