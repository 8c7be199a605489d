import type { RangeFacet, VehicleRanges } from '@showroom/contracts';
import { formatCents } from '../../core/money';
import { formatMileage } from '../shared/vehicle-labels';

export type RangeName = 'yearMin' | 'yearMax' | 'priceMin' | 'priceMax' | 'mileageMin' | 'mileageMax';

export interface RangeField {
  name: RangeName;
  label: string;
  testId: string;
  min: number;
  step?: number;
  prefix?: string;
}

/** The from–to pairs of the filter bar: whole numbers (dollars for the price), applied after a pause. */
export const RANGES: readonly {
  label: string;
  facet: RangeFacet;
  fields: readonly [RangeField, RangeField];
}[] = [
  {
    label: 'Model year',
    facet: 'year',
    fields: [
      { name: 'yearMin', label: 'Year from', testId: 'filter-year-min', min: 1981 },
      { name: 'yearMax', label: 'Year to', testId: 'filter-year-max', min: 1981 },
    ],
  },
  {
    label: 'Price in dollars',
    facet: 'price',
    fields: [
      { name: 'priceMin', label: 'Min price', testId: 'filter-price-min', min: 0, step: 500, prefix: '$' },
      { name: 'priceMax', label: 'Max price', testId: 'filter-price-max', min: 0, step: 500, prefix: '$' },
    ],
  },
  {
    label: 'Mileage in miles',
    facet: 'mileage',
    fields: [
      { name: 'mileageMin', label: 'Min miles', testId: 'filter-mileage-min', min: 0, step: 1000 },
      { name: 'mileageMax', label: 'Max miles', testId: 'filter-mileage-max', min: 0, step: 1000 },
    ],
  },
];

/** The range fields' controls (and list state keys), in order. */
export const RANGE_NAMES: readonly RangeName[] = RANGES.flatMap((range) =>
  range.fields.map((field) => field.name),
);

/**
 * What the results span, under a range field: "Lowest 2015" under "Year from", "Highest $48,500"
 * under "Max price". Null when the service sent no range (no vehicle in the results has a value).
 */
export function rangeHint(name: RangeName, ranges: VehicleRanges | null): string | null {
  const range = RANGES.find((r) => r.fields.some((field) => field.name === name));
  const span = range ? ranges?.[range.facet] : null;
  if (!range || !span) return null;
  const lowest = range.fields[0].name === name;
  const value = lowest ? span.min : span.max;
  return `${lowest ? 'Lowest' : 'Highest'} ${formatRangeValue(range.facet, value, lowest)}`;
}

function formatRangeValue(facet: RangeFacet, value: number, lowest: boolean): string {
  switch (facet) {
    case 'year':
      return String(value);
    // Whole dollars, rounded outwards, so typing the hint's amount keeps every vehicle in.
    case 'price':
      return formatCents((lowest ? Math.floor(value / 100) : Math.ceil(value / 100)) * 100);
    case 'mileage':
      return formatMileage(value);
  }
}
