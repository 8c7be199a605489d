import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { BodyStyle, PublicVehicleList } from '@showroom/contracts';
import { catchError, of } from 'rxjs';
import { InventoryApi } from '../data/inventory-api';
import { Seo } from '../seo/seo';
import { SITE } from '../site/site';
import { BODY_STYLE_LABELS, CONDITION_LABELS } from '../shared/labels';
import { SearchBox } from '../shared/search-box';
import { VehicleCard } from '../shared/vehicle-card';

const FEATURED = 8;

/** The dealership's front page: who it is, a search box, its newest cars and ways to browse. */
@Component({
  selector: 'sf-home-page',
  imports: [RouterLink, SearchBox, VehicleCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
})
export class HomePage {
  protected readonly site = inject(SITE);
  private readonly seo = inject(Seo);

  // Newest on the lot first; one request gives the cars and the counts to browse by.
  private readonly newest = toSignal(
    inject(InventoryApi)
      .search({ sort: 'daysInStock', pageSize: 12, facets: 'bodyStyle,condition' })
      .pipe(catchError(() => of(null as PublicVehicleList | null))),
    { initialValue: undefined },
  );

  protected readonly loading = computed(() => this.newest() === undefined);
  /** The newest cars with photos (a lot without photos yet still shows its newest). */
  protected readonly featured = computed(() => {
    const items = this.newest()?.items ?? [];
    const withPhotos = items.filter((vehicle) => vehicle.heroPhoto);
    return (withPhotos.length > 0 ? withPhotos : items).slice(0, FEATURED);
  });
  protected readonly total = computed(() => this.newest()?.total ?? 0);
  protected readonly bodyStyles = computed(() =>
    (this.newest()?.facets.bodyStyle ?? [])
      .filter((facet) => facet.count > 0 && facet.value !== 'other')
      .map((facet) => ({
        value: facet.value,
        label: BODY_STYLE_LABELS[facet.value as BodyStyle] ?? facet.value,
        count: facet.count,
      })),
  );
  protected readonly conditions = computed(() =>
    (this.newest()?.facets.condition ?? [])
      .filter((facet) => facet.count > 0)
      .map((facet) => ({
        value: facet.value,
        label: CONDITION_LABELS[facet.value as keyof typeof CONDITION_LABELS] ?? facet.value,
        count: facet.count,
      })),
  );

  constructor() {
    const place = this.site.address ? ` in ${this.site.address.city}, ${this.site.address.region}` : '';
    this.seo.page({
      title: this.site.name,
      description:
        this.site.tagline ??
        `${this.site.name}: new and used cars for sale${place}. Browse our inventory, book a test drive or value your trade-in.`,
      path: '/',
    });
  }
}
