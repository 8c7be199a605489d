import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { LeadIntent, PublicVehicle, PublicVehicleDetail, RetailTerms } from '@showroom/contracts';
import { catchError, map, of, switchMap } from 'rxjs';
import { ShopperAnalytics } from '../analytics/shopper-analytics';
import { InventoryApi } from '../data/inventory-api';
import { vehiclePath } from '../data/vehicle-paths';
import { LeadForm } from '../lead-forms/lead-form';
import { INTENT_COPY, VEHICLE_INTENTS } from '../lead-forms/lead-intents';
import { NotFoundPage } from '../pages/not-found-page';
import { PaymentPanel } from '../retail/payment-panel';
import { Seo } from '../seo/seo';
import { carJsonLd, vehicleTitle } from '../seo/structured-data';
import { SITE } from '../site/site';
import { telHref } from '../shared/contact-links';
import { DealershipContact } from '../shared/dealership-contact';
import { formatMileage, formatPrice, priceText } from '../shared/format';
import { CONDITION_LABELS } from '../shared/labels';
import { VehicleCard } from '../shared/vehicle-card';
import { breadcrumbJsonLd, type Crumb } from './breadcrumbs';
import { vehicleFacts } from './vehicle-facts';
import { VehicleGallery } from './vehicle-gallery';
import type { VehicleLookup } from './vehicle-resolver';

/** /cars/:vehicleId/:slug — one car: photos, price, facts, the dealership, and ways to ask about it. */
@Component({
  selector: 'sf-vehicle-page',
  imports: [RouterLink, VehicleGallery, VehicleCard, DealershipContact, NotFoundPage, LeadForm, PaymentPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './vehicle-page.html',
  styleUrl: './vehicle-page.scss',
})
export class VehiclePage {
  protected readonly site = inject(SITE);
  private readonly seo = inject(Seo);
  private readonly inventory = inject(InventoryApi);
  private readonly analytics = inject(ShopperAnalytics);

  private readonly routeData = inject(ActivatedRoute).data;
  private readonly lookup = toSignal(this.routeData.pipe(map((data) => data['lookup'] as VehicleLookup)), {
    requireSync: true,
  });
  /** The dealership's payment terms; null when retail did not answer (then no payment panel). */
  private readonly terms = toSignal(
    this.routeData.pipe(map((data) => (data['terms'] as RetailTerms | null | undefined) ?? null)),
    { requireSync: true },
  );
  /** The car and the terms, when a payment can be estimated (a car priced on request cannot). */
  protected readonly payment = computed(() => {
    const vehicle = this.vehicle();
    const terms = this.terms();
    return vehicle && vehicle.priceCents !== null && terms
      ? { vehicle: { ...vehicle, priceCents: vehicle.priceCents }, terms }
      : null;
  });
  protected readonly vehicle = computed(() => {
    const lookup = this.lookup();
    return lookup.found ? lookup.vehicle : null;
  });
  protected readonly unavailable = computed(() => {
    const lookup = this.lookup();
    return !lookup.found && lookup.reason === 'unavailable';
  });

  protected readonly similar = toSignal(
    toObservable(this.vehicle).pipe(
      switchMap((vehicle) =>
        vehicle
          ? this.inventory.similar(vehicle, 4).pipe(catchError(() => of([] as PublicVehicle[])))
          : of([]),
      ),
    ),
    { initialValue: [] as PublicVehicle[] },
  );

  protected readonly intents = VEHICLE_INTENTS.map((intent) => ({
    intent,
    action: INTENT_COPY[intent].action,
  }));
  /** The form the shopper picked; null until they pick one (the form's code loads then). */
  protected readonly intent = signal<LeadIntent | null>(null);
  protected readonly tel = telHref;

  protected readonly title = computed(() => {
    const vehicle = this.vehicle();
    return vehicle ? vehicleTitle(vehicle) : '';
  });
  protected readonly price = computed(() => {
    const vehicle = this.vehicle();
    return vehicle ? priceText(vehicle) : '';
  });
  /** The sticker price, shown when the dealership asks less. */
  protected readonly msrp = computed(() => {
    const vehicle = this.vehicle();
    return vehicle?.msrpCents && vehicle.priceCents !== null && vehicle.msrpCents > vehicle.priceCents
      ? formatPrice(vehicle.msrpCents, vehicle.currency)
      : null;
  });
  protected readonly summary = computed(() => {
    const vehicle = this.vehicle();
    return vehicle ? `${CONDITION_LABELS[vehicle.condition]} · ${formatMileage(vehicle.mileage)}` : '';
  });
  protected readonly facts = computed(() => {
    const vehicle = this.vehicle();
    return vehicle ? vehicleFacts(vehicle) : [];
  });
  protected readonly photos = computed(() => {
    const vehicle = this.vehicle();
    if (!vehicle) return [];
    return vehicle.photos.length > 0 ? vehicle.photos : vehicle.heroPhoto ? [vehicle.heroPhoto] : [];
  });
  protected readonly crumbs = computed((): Crumb[] => {
    const vehicle = this.vehicle();
    if (!vehicle) return [];
    return [
      { name: 'Home', path: '/' },
      { name: 'Cars', path: '/cars' },
      { name: vehicle.make, path: `/cars?make=${encodeURIComponent(vehicle.make)}` },
      { name: this.title(), path: vehiclePath(vehicle) },
    ];
  });

  constructor() {
    effect(() => {
      const vehicle = this.vehicle();
      if (vehicle) {
        this.describe(vehicle);
        this.analytics.vehicleView(vehicle.id);
      } else if (this.unavailable()) {
        this.seo.page({
          title: 'Temporarily unavailable',
          description: 'Please try again in a moment.',
          path: '/cars',
          noindex: true,
        });
      }
    });
    inject(DestroyRef).onDestroy(() => {
      this.seo.structuredData('vehicle', null);
      this.seo.structuredData('breadcrumbs', null);
    });
  }

  protected pick(intent: LeadIntent): void {
    this.intent.set(intent);
  }

  private describe(vehicle: PublicVehicleDetail): void {
    const path = vehiclePath(vehicle);
    const url = this.seo.urlOf(path);
    const details = [
      priceText(vehicle),
      formatMileage(vehicle.mileage),
      vehicle.exteriorColor,
      vehicle.drivetrain?.toUpperCase(),
      `VIN ${vehicle.vin}`,
    ]
      .filter(Boolean)
      .join(', ');
    const about = vehicle.description ? ` ${vehicle.description.replace(/\s+/g, ' ').slice(0, 140)}` : '';
    this.seo.page({
      title: `${this.title()} – ${priceText(vehicle)}`,
      description:
        `${CONDITION_LABELS[vehicle.condition]} ${this.title()} for sale at ${this.site.name}: ${details}.${about}`.slice(
          0,
          300,
        ),
      path,
      image: this.photos()[0]?.full.jpeg ?? null,
      type: 'product',
    });
    this.seo.structuredData('vehicle', carJsonLd(this.site, vehicle, url));
    this.seo.structuredData(
      'breadcrumbs',
      breadcrumbJsonLd(this.crumbs(), (crumbPath) => this.seo.urlOf(crumbPath)),
    );
  }
}
