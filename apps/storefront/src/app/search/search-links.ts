import type { Params } from '@angular/router';
import type { PublicVehicleParams, ValueFacet } from '@showroom/contracts';
import { DEFAULT_PAGE_SIZE, urlParamsOf } from '../data/search-url';
import { BODY_STYLE_LABELS, CONDITION_LABELS, DRIVETRAIN_LABELS, FUEL_TYPE_LABELS } from '../shared/labels';

/** The filters a shopper picks values of, as the results page offers them. */
export type PickedFacet = Extract<
  ValueFacet,
  'make' | 'model' | 'bodyStyle' | 'condition' | 'drivetrain' | 'fuelType'
>;

export const FACET_TITLES: Record<PickedFacet, string> = {
  make: 'Make',
  model: 'Model',
  bodyStyle: 'Body style',
  condition: 'Condition',
  fuelType: 'Fuel type',
  drivetrain: 'Drivetrain',
};
export const PICKED_FACETS = Object.keys(FACET_TITLES) as PickedFacet[];

const VALUE_LABELS: Partial<Record<PickedFacet, Record<string, string>>> = {
  bodyStyle: BODY_STYLE_LABELS,
  condition: CONDITION_LABELS,
  drivetrain: DRIVETRAIN_LABELS,
  fuelType: FUEL_TYPE_LABELS,
};

export function facetValueLabel(facet: PickedFacet, value: string): string {
  return VALUE_LABELS[facet]?.[value] ?? value;
}

/** The values picked for a facet ("Toyota,Honda" → ["Honda", "Toyota"]). */
export function pickedValues(query: PublicVehicleParams, facet: PickedFacet): string[] {
  const raw = query[facet];
  return typeof raw === 'string' && raw !== '' ? raw.split(',') : [];
}

/**
 * The results URL with `value` of `facet` picked or, when it already is, unpicked; back to the
 * first page, since the old page number means nothing for another set of cars.
 */
export function toggledFacet(query: PublicVehicleParams, facet: PickedFacet, value: string): Params {
  const picked = pickedValues(query, facet);
  const next = picked.includes(value) ? picked.filter((item) => item !== value) : [...picked, value];
  const changed: Record<string, unknown> = {
    ...query,
    [facet]: next.join(',') || undefined,
    page: undefined,
  };
  // A model means nothing without its make: dropping the last make drops the models too.
  if (facet === 'make' && next.length === 0) changed['model'] = undefined;
  return urlParamsOf(changed as PublicVehicleParams);
}

export interface ActiveFilter {
  label: string;
  /** The results URL without this filter. */
  params: Params;
}

const BOUND_TEXT: Record<string, (value: number) => string> = {
  yearMin: (year) => `From ${year}`,
  yearMax: (year) => `Up to ${year}`,
  priceMin: (cents) => `From $${(cents / 100).toLocaleString('en-US')}`,
  priceMax: (cents) => `Up to $${(cents / 100).toLocaleString('en-US')}`,
  mileageMin: (miles) => `From ${miles.toLocaleString('en-US')} mi`,
  mileageMax: (miles) => `Up to ${miles.toLocaleString('en-US')} mi`,
};

/** Every filter in force, each with the link that removes it alone. */
export function activeFilters(query: PublicVehicleParams): ActiveFilter[] {
  const filters: ActiveFilter[] = [];
  if (query.q) {
    filters.push({ label: `“${query.q}”`, params: urlParamsOf({ ...query, q: undefined, page: undefined }) });
  }
  for (const facet of PICKED_FACETS) {
    for (const value of pickedValues(query, facet)) {
      filters.push({ label: facetValueLabel(facet, value), params: toggledFacet(query, facet, value) });
    }
  }
  for (const [bound, text] of Object.entries(BOUND_TEXT)) {
    const value = query[bound as keyof PublicVehicleParams];
    if (typeof value === 'number') {
      filters.push({
        label: text(value),
        params: urlParamsOf({ ...query, [bound]: undefined, page: undefined }),
      });
    }
  }
  return filters;
}

export interface PageLink {
  page: number;
  params: Params;
  current: boolean;
}

export interface Paging {
  pageCount: number;
  previous: Params | null;
  next: Params | null;
  /** A window of page numbers around the current one, with the first and last; null marks a gap. */
  pages: (PageLink | null)[];
}

/** The API serves at most this many pages of one search. */
const LAST_PAGE = 1_000;

export function pagingOf(query: PublicVehicleParams, total: number): Paging {
  const pageSize = Number(query.pageSize ?? DEFAULT_PAGE_SIZE);
  const pageCount = Math.min(LAST_PAGE, Math.max(1, Math.ceil(total / pageSize)));
  const current = Math.min(Number(query.page ?? 1), pageCount);
  const link = (page: number): PageLink => ({
    page,
    params: urlParamsOf({ ...query, page }),
    current: page === current,
  });
  const shown = new Set(
    [1, pageCount, current - 1, current, current + 1].filter((p) => p >= 1 && p <= pageCount),
  );
  const pages: (PageLink | null)[] = [];
  let last = 0;
  for (const page of [...shown].sort((a, b) => a - b)) {
    if (page - last > 1) pages.push(null);
    pages.push(link(page));
    last = page;
  }
  return {
    pageCount,
    previous: current > 1 ? link(current - 1).params : null,
    next: current < pageCount ? link(current + 1).params : null,
    pages,
  };
}

const BODY_PLURALS: Record<string, string> = {
  sedan: 'sedans',
  coupe: 'coupes',
  convertible: 'convertibles',
  hatchback: 'hatchbacks',
  wagon: 'wagons',
  suv: 'SUVs',
  pickup: 'pickup trucks',
  minivan: 'minivans',
  van: 'vans',
};

/** "Used Toyota SUVs for sale", "Cars for sale", "Cars matching “toyta”": the page's heading and title. */
export function searchHeading(query: PublicVehicleParams): string {
  const single = (facet: PickedFacet) => {
    const values = pickedValues(query, facet);
    return values.length === 1 ? (values[0] as string) : null;
  };
  const condition = single('condition');
  const bodyStyle = single('bodyStyle');
  const words = [
    condition ? CONDITION_LABELS[condition as keyof typeof CONDITION_LABELS] : null,
    single('make'),
    single('make') ? single('model') : null,
    (bodyStyle && BODY_PLURALS[bodyStyle]) ?? 'cars',
  ].filter(Boolean) as string[];
  const text = words.join(' ');
  const heading = `${text[0]?.toUpperCase()}${text.slice(1)}`;
  return query.q ? `${heading} matching “${query.q}”` : `${heading} for sale`;
}
