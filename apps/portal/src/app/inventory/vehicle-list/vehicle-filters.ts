import { Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  VEHICLE_CONDITIONS,
  VEHICLE_STATUSES,
  type FacetCount,
  type VehicleCondition,
  type VehicleFacets,
  type VehicleStatus,
} from '@showroom/contracts';
import { debounceTime, merge } from 'rxjs';
import type { BodyStyle } from '../../api/vehicles-api';
import { FilterBar } from '../../shared/filter-bar';
import { FilterBarFrame } from '../../shared/filter-bar-frame';
import { type FilterOption, FilterSelect, type SelectFilter } from '../../shared/filter-select';
import { BODY_STYLE_LABELS, CONDITION_LABELS, labelOf, STATUS_LABELS } from '../shared/vehicle-labels';
import { activeFilterCount, type InventoryListState, type ListFilters } from './list-state';

/**
 * The inventory's filter bar (see `FilterBar`): typed numbers too apply after a pause; make, model,
 * condition and body style list the facets of the results with their counts.
 */
@Component({
  selector: 'sr-vehicle-filters',
  imports: [
    FilterBarFrame,
    FilterSelect,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  templateUrl: './vehicle-filters.html',
  styleUrl: './vehicle-filters.scss',
})
export class VehicleFilters extends FilterBar<InventoryListState, ListFilters> {
  readonly facets = input<VehicleFacets | null>(null);

  protected readonly moreFilters = signal(false);
  protected readonly activeCount = computed(() => activeFilterCount(this.state()));
  protected readonly rangeCount = computed(() => {
    const s = this.state();
    return RANGE_NAMES.filter((name) => s[name] !== null).length;
  });
  protected readonly ranges = RANGES;

  protected readonly form = inject(FormBuilder).group({
    q: [''],
    status: [[] as VehicleStatus[]],
    condition: [[] as VehicleCondition[]],
    bodyStyle: [[] as BodyStyle[]],
    make: [null as string | null],
    model: [null as string | null],
    yearMin: [null as number | null],
    yearMax: [null as number | null],
    priceMin: [null as number | null],
    priceMax: [null as number | null],
    mileageMin: [null as number | null],
    mileageMax: [null as number | null],
  });

  /**
   * The selects, in order. Make, model, condition and body style list the facets of the results with
   * their counts; a selected value the facets no longer list stays selectable.
   */
  protected readonly selects = computed((): SelectFilter[] => {
    const facets = this.facets();
    const s = this.state();
    const facet = { countNoun: 'vehicles' };
    return [
      { label: 'Status', name: 'status', testId: 'filter-status', multiple: true, options: STATUS_OPTIONS },
      {
        ...facet,
        label: 'Condition',
        name: 'condition',
        testId: 'filter-condition',
        optionTestId: 'facet-condition',
        multiple: true,
        options: facetOptions(facets?.condition ?? [], s.condition, {
          all: VEHICLE_CONDITIONS,
          labels: CONDITION_LABELS,
        }),
      },
      {
        ...facet,
        label: 'Make',
        name: 'make',
        testId: 'filter-make',
        optionTestId: 'facet-make',
        anyLabel: 'Any make',
        options: facetOptions(facets?.make ?? [], s.make ? [s.make] : []),
      },
      {
        ...facet,
        label: 'Model',
        name: 'model',
        testId: 'filter-model',
        optionTestId: 'facet-model',
        anyLabel: 'Any model',
        options: facetOptions(facets?.model ?? [], s.model ? [s.model] : []),
      },
      {
        ...facet,
        label: 'Body style',
        name: 'bodyStyle',
        testId: 'filter-body-style',
        optionTestId: 'facet-body-style',
        multiple: true,
        emptyText: 'No body styles in these results',
        options: facetOptions(facets?.bodyStyle ?? [], s.bodyStyle, { labels: BODY_STYLE_LABELS }),
      },
    ];
  });

  constructor() {
    super();
    this.followState((s) => ({
      q: s.q ?? '',
      status: s.status,
      condition: s.condition,
      bodyStyle: s.bodyStyle,
      make: s.make,
      model: s.model,
      yearMin: s.yearMin,
      yearMax: s.yearMax,
      priceMin: s.priceMin,
      priceMax: s.priceMax,
      mileageMin: s.mileageMin,
      mileageMax: s.mileageMax,
    }));

    const controls = this.form.controls;
    merge(...RANGE_NAMES.map((name) => controls[name].valueChanges))
      .pipe(debounceTime(600), takeUntilDestroyed())
      .subscribe(() => {
        const change: Partial<ListFilters> = {};
        for (const name of RANGE_NAMES) {
          const value = wholeOrNull(controls[name].value);
          if (value !== this.state()[name]) change[name] = value;
        }
        if (Object.keys(change).length > 0) this.report(change);
      });
  }
}

type RangeName = 'yearMin' | 'yearMax' | 'priceMin' | 'priceMax' | 'mileageMin' | 'mileageMax';

/** The from–to pairs behind "Year, price, mileage": whole numbers, applied after a pause. */
const RANGES: readonly {
  label: string;
  fields: readonly {
    name: RangeName;
    label: string;
    testId: string;
    min: number;
    step?: number;
    prefix?: string;
  }[];
}[] = [
  {
    label: 'Model year',
    fields: [
      { name: 'yearMin', label: 'Year from', testId: 'filter-year-min', min: 1981 },
      { name: 'yearMax', label: 'Year to', testId: 'filter-year-max', min: 1981 },
    ],
  },
  {
    label: 'Price in dollars',
    fields: [
      { name: 'priceMin', label: 'Min price', testId: 'filter-price-min', min: 0, step: 500, prefix: '$' },
      { name: 'priceMax', label: 'Max price', testId: 'filter-price-max', min: 0, step: 500, prefix: '$' },
    ],
  },
  {
    label: 'Mileage in miles',
    fields: [
      { name: 'mileageMin', label: 'Min miles', testId: 'filter-mileage-min', min: 0, step: 1000 },
      { name: 'mileageMax', label: 'Max miles', testId: 'filter-mileage-max', min: 0, step: 1000 },
    ],
  },
];

/** The range fields' controls (and list state keys), in order. */
const RANGE_NAMES: readonly RangeName[] = RANGES.flatMap((range) => range.fields.map((field) => field.name));

const STATUS_OPTIONS: FilterOption[] = VEHICLE_STATUSES.map((status) => ({
  value: status,
  label: STATUS_LABELS[status],
}));

function wholeOrNull(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value) || value < 0) return null;
  return Math.floor(value);
}

function facetOptions(
  facets: readonly FacetCount[],
  selected: readonly string[],
  options: { all?: readonly string[]; labels?: Record<string, string> } = {},
): FilterOption[] {
  const { all = [], labels = {} } = options;
  const counts = new Map(facets.map((facet) => [facet.value, facet.count]));
  const values = all.length > 0 ? [...all] : facets.map((facet) => facet.value);
  for (const value of selected) if (!values.includes(value)) values.push(value);
  return values.map((value) => ({
    value,
    label: labelOf(labels, value),
    count: counts.get(value) ?? (all.length > 0 ? 0 : null),
  }));
}
