import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  RESPONSE_INIT,
  computed,
  effect,
  inject,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { PublicVehicleList, PublicVehicleParams } from '@showroom/contracts';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { ShopperAnalytics } from '../analytics/shopper-analytics';
import { InventoryApi } from '../data/inventory-api';
import { queryStringOf, searchParamsFromUrl, urlParamsOf } from '../data/search-url';
import { Seo } from '../seo/seo';
import { SITE } from '../site/site';
import { formatCount } from '../shared/format';
import { SORT_LABELS } from '../shared/labels';
import { SearchBox } from '../shared/search-box';
import { VehicleCard } from '../shared/vehicle-card';
import { SearchFilters } from './search-filters';
import { resultsJsonLd } from './results-structured-data';
import { activeFilters, pagingOf, searchHeading } from './search-links';

type Results =
  | { state: 'loading'; query: PublicVehicleParams }
  | { state: 'loaded'; query: PublicVehicleParams; list: PublicVehicleList }
  | { state: 'failed'; query: PublicVehicleParams };

/** /cars: the dealership's cars for a search kept wholly in the URL. */
@Component({
  selector: 'sf-search-page',
  imports: [RouterLink, VehicleCard, SearchFilters, SearchBox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './search-page.html',
  styleUrl: './search-page.scss',
})
export class SearchPage {
  private readonly inventory = inject(InventoryApi);
  private readonly router = inject(Router);
  private readonly seo = inject(Seo);
  private readonly site = inject(SITE);
  private readonly responseInit = inject(RESPONSE_INIT, { optional: true });
  private readonly analytics = inject(ShopperAnalytics);

  private readonly results = toSignal(
    inject(ActivatedRoute).queryParams.pipe(
      map((params) => searchParamsFromUrl(params)),
      switchMap((query) =>
        this.inventory.search(query).pipe(
          map((list): Results => ({ state: 'loaded', query, list })),
          catchError((error: unknown) => of<Results>(failed(query, error))),
          startWith<Results>({ state: 'loading', query }),
        ),
      ),
    ),
    { initialValue: { state: 'loading', query: {} } as Results },
  );

  protected readonly query = computed(() => this.results().query);
  protected readonly list = computed(() => {
    const results = this.results();
    return results.state === 'loaded' ? results.list : null;
  });
  protected readonly state = computed(() => this.results().state);
  protected readonly currentPath = computed(() => `/cars${queryStringOf(urlParamsOf(this.query()))}`);
  protected readonly heading = computed(() => searchHeading(this.query()));
  protected readonly filters = computed(() => activeFilters(this.query()));
  protected readonly paging = computed(() => pagingOf(this.query(), this.list()?.total ?? 0));
  protected readonly countText = computed(() => {
    const total = this.list()?.total ?? 0;
    return total === 1 ? '1 car' : `${formatCount(total)} cars`;
  });
  protected readonly sorts = Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label }));
  protected readonly sort = computed(
    () => this.query().sort ?? (this.query().q ? 'relevance' : 'daysInStock'),
  );
  /** Hidden fields of the sort form: the search it re-sorts, back to its first page. */
  protected readonly sortCarried = computed(() =>
    Object.entries(urlParamsOf({ ...this.query(), sort: undefined, page: undefined })).map(
      ([name, value]) => ({
        name,
        value: String(value),
      }),
    ),
  );

  constructor() {
    effect(() => {
      const results = this.results();
      if (results.state === 'loading') return;
      // A failed search is not cached by the CDN as if it were the page.
      if (results.state === 'failed' && this.responseInit) this.responseInit.status = 503;
      const path = this.currentPath();
      const total = results.state === 'loaded' ? results.list.total : 0;
      // What shoppers look for and how much of it the lot has (searches with no results are a report).
      if (results.state === 'loaded') this.analytics.search(results.query, total);
      const place = this.site.address ? ` in ${this.site.address.city}, ${this.site.address.region}` : '';
      this.seo.page({
        title: this.heading(),
        description: `${formatCount(total)} ${total === 1 ? 'car' : 'cars'} for sale at ${this.site.name}${place}. Photos, prices and details; ask about any car online.`,
        path,
        // Empty and failed searches are not pages worth finding.
        noindex: total === 0,
      });
      this.seo.structuredData(
        'results',
        results.state === 'loaded'
          ? resultsJsonLd(results.list, (vehiclePath) => this.seo.urlOf(vehiclePath))
          : null,
      );
    });
    inject(DestroyRef).onDestroy(() => this.seo.structuredData('results', null));
  }

  /** The sort form: a GET form without JavaScript, applied on change with it. */
  protected resort(event: Event): void {
    event.preventDefault();
    const form = (event.target as HTMLElement).closest('form') as HTMLFormElement;
    const sort = (form.elements.namedItem('sort') as HTMLSelectElement).value as PublicVehicleParams['sort'];
    void this.router.navigate(['/cars'], {
      queryParams: urlParamsOf({ ...this.query(), sort, page: undefined }),
    });
  }
}

function failed(query: PublicVehicleParams, error: unknown): Results {
  // A 400 is a URL the API will not take (e.g. a hand-typed bound in the wrong order): no cars for it.
  if (error instanceof HttpErrorResponse && error.status === 400) {
    return { state: 'loaded', query, list: emptyList(query) };
  }
  return { state: 'failed', query };
}

function emptyList(query: PublicVehicleParams): PublicVehicleList {
  return { items: [], page: Number(query.page ?? 1), pageSize: 25, total: 0, facets: {}, ranges: {} };
}
