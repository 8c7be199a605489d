import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { DealStructure, RetailTerms } from '@showroom/contracts';
import { map } from 'rxjs';
import { ShopperAnalytics } from '../analytics/shopper-analytics';
import { RetailApi } from '../data/retail-api';
import { vehiclePath } from '../data/vehicle-paths';
import { DealAccessStore } from '../deals/deal-access';
import { FillKey } from '../lead-forms/fill-key';
import { NotFoundPage } from '../pages/not-found-page';
import { defaultStructure, estimate, structureOfParams } from '../retail/deal-structure';
import { QuoteSummary } from '../retail/quote-summary';
import { announcementOf, refusalOf } from '../retail/refusals';
import { StructureFields } from '../retail/structure-fields';
import { Seo } from '../seo/seo';
import { vehicleTitle } from '../seo/structured-data';
import { SITE } from '../site/site';
import { formatPrice } from '../shared/format';
import type { VehicleLookup } from '../vehicle/vehicle-resolver';
import {
  BUYER_FIELDS,
  EMPTY_BUYER,
  buyerFieldOf,
  checkBuyer,
  startDealInputOf,
  type BuyerErrors,
  type BuyerField,
  type BuyerValues,
} from './buy-draft';

/** /cars/:vehicleId/:slug/buy — who is buying and how they pay: starts the deal, then the deal page. */
@Component({
  selector: 'sf-buy-page',
  imports: [RouterLink, NotFoundPage, StructureFields, QuoteSummary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './buy-page.html',
  styleUrl: './buy-page.scss',
})
export class BuyPage {
  protected readonly site = inject(SITE);
  private readonly retail = inject(RetailApi);
  private readonly access = inject(DealAccessStore);
  private readonly analytics = inject(ShopperAnalytics);
  private started = false;
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly route = inject(ActivatedRoute);

  private readonly lookup = toSignal(this.route.data.pipe(map((data) => data['lookup'] as VehicleLookup)), {
    requireSync: true,
  });
  protected readonly terms = toSignal(
    this.route.data.pipe(map((data) => (data['terms'] as RetailTerms | null | undefined) ?? null)),
    { requireSync: true },
  );
  protected readonly vehicle = computed(() => {
    const lookup = this.lookup();
    return lookup.found && lookup.vehicle.priceCents !== null
      ? { ...lookup.vehicle, priceCents: lookup.vehicle.priceCents }
      : null;
  });
  protected readonly missing = computed(() => {
    const lookup = this.lookup();
    return !lookup.found && lookup.reason === 'missing';
  });
  protected readonly title = computed(() => {
    const vehicle = this.vehicle();
    return vehicle ? vehicleTitle(vehicle) : '';
  });
  protected readonly carPath = computed(() => {
    const vehicle = this.vehicle();
    return vehicle ? vehiclePath(vehicle) : '/cars';
  });
  protected readonly price = computed(() => {
    const vehicle = this.vehicle();
    return vehicle ? formatPrice(vehicle.priceCents, vehicle.currency) : '';
  });

  protected readonly structure = signal<DealStructure | null>(null);
  protected readonly quoted = computed(() => {
    const vehicle = this.vehicle();
    const terms = this.terms();
    const structure = this.structure();
    return vehicle && terms && structure ? estimate(vehicle, structure, null, terms) : null;
  });

  protected readonly values = signal<BuyerValues>({ ...EMPTY_BUYER });
  protected readonly errors = signal<BuyerErrors>({});
  protected readonly general = signal<string | null>(null);
  protected readonly sending = signal(false);
  /** Off until the browser runs the form. */
  protected readonly ready = signal(false);
  protected readonly announcement = computed(() =>
    announcementOf(Object.keys(this.errors()).length, this.general()),
  );

  private readonly fillKey = new FillKey();

  constructor() {
    const seo = inject(Seo);
    effect(() => {
      const vehicle = this.vehicle();
      const terms = this.terms();
      if (vehicle && terms && !this.structure()) {
        const params = this.route.snapshot.queryParamMap;
        this.structure.set(structureOfParams(params, defaultStructure(vehicle, terms), terms));
      }
      seo.page({
        title: vehicle ? `Buy the ${this.title()} online` : 'Buy online',
        description: vehicle ? `Work out your deal on the ${this.title()} at ${this.site.name}.` : '',
        path: `${this.carPath()}/buy`,
        noindex: true,
      });
    });
    afterNextRender(() => this.ready.set(true));
  }

  protected set(field: keyof BuyerValues, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    // The deal builder is started by the shopper's first field (not by the honeypot a bot fills).
    if (!this.started && field !== 'website') {
      this.started = true;
      this.analytics.formStart('deal', this.vehicle()?.id);
    }
    this.values.update((values) => ({ ...values, [field]: value }));
    if (field !== 'website' && this.errors()[field])
      this.errors.update(({ [field]: _fixed, ...rest }) => rest);
  }

  protected errorId(field: BuyerField): string | null {
    return this.errors()[field] ? `buy-${field}-error` : null;
  }

  protected start(event: Event): void {
    event.preventDefault();
    const vehicle = this.vehicle();
    const structure = this.structure();
    if (this.sending() || !vehicle || !structure) return;
    const errors = checkBuyer(this.values());
    this.general.set(null);
    this.errors.set(errors);
    if (Object.keys(errors).length > 0) return this.focusFirstError();

    this.sending.set(true);
    const input = startDealInputOf(vehicle.id, this.values(), structure);
    this.retail.startDeal(input, this.fillKey.keyFor(input)).subscribe({
      next: ({ deal, accessToken }) => {
        this.analytics.formSubmit('deal', vehicle.id);
        this.access.remember(deal.id, accessToken);
        void this.router.navigate(['/deals', deal.id]);
      },
      error: (error: unknown) => {
        this.sending.set(false);
        const refusal = refusalOf(error, buyerFieldOf, this.site);
        this.errors.set(refusal.fields);
        this.general.set(refusal.general);
        this.focusFirstError();
      },
    });
  }

  private focusFirstError(): void {
    afterNextRender(
      () => {
        const field = BUYER_FIELDS.find((name) => this.errors()[name]);
        const target = field ? this.document.getElementById(`buy-${field}`) : null;
        (target ?? this.document.getElementById('buy-status'))?.focus();
      },
      { injector: this.injector },
    );
  }
}
