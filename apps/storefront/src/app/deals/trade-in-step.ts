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
import type { DealTradeIn } from '@showroom/contracts';
import { formatCents } from '@showroom/retail-payments';
import { withoutTrailingSlash } from '../data/api-origin';
import { ShopperAnalytics } from '../analytics/shopper-analytics';
import { RetailApi } from '../data/retail-api';
import { announcementOf, refusalOf } from '../retail/refusals';
import { TRADE_CONDITIONS, TRADE_CONDITION_LABELS } from '../retail/retail-copy';
import { SITE } from '../site/site';
import { formatMileage } from '../shared/format';
import { DealSession } from './deal-session';
import {
  EMPTY_TRADE_IN,
  MAX_TRADE_PHOTOS,
  TRADE_IN_FIELDS,
  checkTradeIn,
  photoProblem,
  tradeInFieldOf,
  tradeInInputOf,
  tradeInValuesOf,
  type TradeInErrors,
  type TradeInField,
  type TradeInValues,
} from './trade-in-draft';

/** The trade-in card: describe the car (VIN or year/make/model), its condition and payoff, add photos. */
@Component({
  selector: 'sf-trade-in-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './trade-in-step.html',
  styleUrl: './deal-steps.scss',
})
export class TradeInStep {
  protected readonly session = inject(DealSession);
  private readonly retail = inject(RetailApi);
  private readonly site = inject(SITE);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly analytics = inject(ShopperAnalytics);

  protected readonly conditions = TRADE_CONDITIONS;
  protected readonly conditionLabels = TRADE_CONDITION_LABELS;
  protected readonly money = formatCents;
  protected readonly miles = formatMileage;
  protected readonly maxPhotos = MAX_TRADE_PHOTOS;
  protected readonly thisYear = new Date().getFullYear();

  protected readonly trade = computed(() => this.session.deal()?.tradeIn ?? null);
  /** The form's values while the shopper fills it in; null when showing the trade-in. */
  protected readonly values = signal<TradeInValues | null>(null);
  protected readonly errors = signal<TradeInErrors>({});
  protected readonly general = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly uploading = signal(false);
  protected readonly photoError = signal<string | null>(null);
  protected readonly photoNote = signal<string | null>(null);
  protected readonly announcement = computed(() =>
    announcementOf(Object.keys(this.errors()).length, this.general()),
  );

  protected start(): void {
    const trade = this.trade();
    this.analytics.formStart('trade_in', this.session.deal()?.vehicle.vehicleId);
    this.values.set(trade ? tradeInValuesOf(trade) : { ...EMPTY_TRADE_IN });
    this.errors.set({});
    this.general.set(null);
    afterNextRender(() => this.document.getElementById('trade-identify-vin')?.focus(), {
      injector: this.injector,
    });
  }

  protected cancel(): void {
    this.values.set(null);
  }

  protected set(field: keyof TradeInValues, event: Event): void {
    const target = event.target as HTMLInputElement;
    const value = target.type === 'checkbox' ? target.checked : target.value;
    this.values.update((values) => (values ? { ...values, [field]: value } : values));
    if (this.errors()[field as TradeInField])
      this.errors.update(({ [field as TradeInField]: _, ...rest }) => rest);
  }

  protected errorId(field: TradeInField): string | null {
    return this.errors()[field] ? `trade-${field}-error` : null;
  }

  protected save(event: Event): void {
    event.preventDefault();
    const values = this.values();
    if (!values || this.saving()) return;
    const errors = checkTradeIn(values, this.thisYear);
    this.general.set(null);
    this.errors.set(errors);
    if (Object.keys(errors).length > 0) return this.focusFirstError();
    this.saving.set(true);
    this.retail.saveTradeIn(this.session.dealId(), this.session.token(), tradeInInputOf(values)).subscribe({
      next: () => {
        this.analytics.formSubmit('trade_in', this.session.deal()?.vehicle.vehicleId);
        this.afterChange(() => this.values.set(null));
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const refusal = refusalOf(error, tradeInFieldOf, this.site);
        this.errors.set(refusal.fields);
        this.general.set(refusal.general);
        this.focusFirstError();
      },
    });
  }

  protected upload(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    if (files.length === 0) return;
    const problem = photoProblem(files, this.trade()?.photos.length ?? 0);
    this.photoNote.set(null);
    this.photoError.set(problem);
    if (problem) return;
    this.uploading.set(true);
    this.retail.uploadTradePhotos(this.session.dealId(), this.session.token(), files).subscribe({
      next: () =>
        this.afterChange(() => {
          this.uploading.set(false);
          input.value = '';
          this.photoNote.set(files.length === 1 ? 'Photo added.' : `${files.length} photos added.`);
        }),
      error: (error: unknown) => {
        this.uploading.set(false);
        input.value = '';
        this.photoError.set(refusalOf(error, () => null, this.site).general);
      },
    });
  }

  /** Photos that did not load (an expired signed path, a blocked image): left out, the count stays. */
  protected readonly brokenPhotos = signal<ReadonlySet<string>>(new Set());

  /** Where a photo of the deal view is shown: its signed path on the public API, or an absolute URL. */
  protected photoSrc(url: string): string | null {
    if (url.startsWith('/')) return `${withoutTrailingSlash(this.site.apiOrigin)}${url}`;
    return /^https?:\/\//.test(url) ? url : null;
  }

  protected photoFailed(photoId: string): void {
    this.brokenPhotos.update((broken) => new Set([...broken, photoId]));
  }

  /** ", with $3,000.00 still owed to Ally" — or nothing when the car is paid off. */
  protected owedText(trade: DealTradeIn): string {
    if (trade.payoffCents === 0) return '';
    return `, with ${formatCents(trade.payoffCents)} still owed${trade.lender ? ` to ${trade.lender}` : ''}`;
  }

  protected statusText(trade: DealTradeIn): string {
    if (trade.appraisal) return `Appraised at ${formatCents(trade.appraisal.valueCents)}`;
    if (trade.estimate)
      return `Estimated at ${formatCents(trade.estimate.lowCents)} – ${formatCents(trade.estimate.highCents)}`;
    return `${this.site.name} will appraise it and e-mail you the value.`;
  }

  /** The deal's offer counts the trade: read the deal again so the payment shows it. */
  private afterChange(done: () => void): void {
    this.session.reload().then(
      () => {
        this.saving.set(false);
        done();
      },
      () => {
        this.saving.set(false);
        done();
      },
    );
  }

  private focusFirstError(): void {
    afterNextRender(
      () => {
        const field = TRADE_IN_FIELDS.find((name) => this.errors()[name]);
        const target = field ? this.document.getElementById(`trade-${field}`) : null;
        (target ?? this.document.getElementById('trade-status'))?.focus();
      },
      { injector: this.injector },
    );
  }
}
