import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { Router, RouterLink, type Params } from '@angular/router';
import type { PublicVehicleList, PublicVehicleParams } from '@showroom/contracts';
import { urlParamsOf } from '../data/search-url';
import { MILEAGE_OPTIONS, PRICE_OPTIONS, yearOptions } from './range-options';
import { FACET_TITLES, PICKED_FACETS, facetValueLabel, pickedValues, toggledFacet } from './search-links';

/** The range form's own fields (and the page, which a new filter resets). */
const FORM_FIELDS = new Set(['yearMin', 'yearMax', 'priceMin', 'priceMax', 'mileageMax', 'page']);

/** How many values of a facet show before "More". */
const FIRST_VALUES = 8;

/**
 * The results' filters: each facet value a link (crawlable, works without JavaScript) and the
 * ranges a GET form to /cars that carries the other filters along in hidden fields.
 */
@Component({
  selector: 'sf-search-filters',
  imports: [RouterLink, NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './search-filters.html',
  styleUrl: './search-filters.scss',
})
export class SearchFilters {
  readonly query = input.required<PublicVehicleParams>();
  readonly list = input<PublicVehicleList | null>(null);
  private readonly router = inject(Router);

  protected readonly priceOptions = PRICE_OPTIONS;
  protected readonly mileageOptions = MILEAGE_OPTIONS;
  protected readonly years = computed(() => yearOptions(this.list()?.ranges.year ?? undefined));

  protected readonly facets = computed(() => {
    const query = this.query();
    const facets = this.list()?.facets ?? {};
    return PICKED_FACETS.map((facet) => {
      const picked = pickedValues(query, facet);
      const counted = facets[facet] ?? [];
      // A picked value stays listed (to unpick it) even when the other filters leave it no cars.
      const values = [
        ...counted.map((count) => ({ value: count.value, count: count.count })),
        ...picked
          .filter((value) => !counted.some((count) => count.value === value))
          .map((value) => ({ value, count: 0 })),
      ].map((entry) => ({
        ...entry,
        label: facetValueLabel(facet, entry.value),
        picked: picked.includes(entry.value),
        params: toggledFacet(query, facet, entry.value),
      }));
      return {
        facet,
        title: FACET_TITLES[facet],
        first: values.slice(0, FIRST_VALUES),
        more: values.slice(FIRST_VALUES),
      };
    }).filter(
      (group) =>
        group.first.length > 0 && !(group.facet === 'model' && pickedValues(query, 'make').length === 0),
    );
  });

  /** The filters the range form does not show, carried along as hidden fields. */
  protected readonly carried = computed(() =>
    Object.entries(urlParamsOf(this.query()) as Params)
      .filter(([name]) => !FORM_FIELDS.has(name))
      .map(([name, value]) => ({ name, value: String(value) })),
  );

  protected bound(name: 'yearMin' | 'yearMax' | 'priceMin' | 'priceMax' | 'mileageMax'): string {
    const value = this.query()[name];
    return value === undefined ? '' : String(value);
  }

  protected applyRanges(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const params: Record<string, string> = {};
    form.forEach((value, key) => {
      if (typeof value === 'string' && value !== '') params[key] = value;
    });
    void this.router.navigate(['/cars'], { queryParams: urlParamsOf(params as PublicVehicleParams) });
  }
}
