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
  type BodyStyle,
  type Drivetrain,
  type FacetCount,
  type FuelType,
  type VehicleCondition,
  type VehicleFacets,
  type VehicleRanges,
  type VehicleStatus,
} from '@showroom/contracts';
import { debounceTime, merge } from 'rxjs';
import { FilterBar } from '../../shared/filter-bar';
import { FilterBarFrame } from '../../shared/filter-bar-frame';
import { type FilterOption, FilterSelect, type SelectFilter } from '../../shared/filter-select';
import {
  BODY_STYLE_LABELS,
  CONDITION_LABELS,
  DRIVETRAIN_LABELS,
  FUEL_TYPE_LABELS,
  labelOf,
  STATUS_LABELS,
} from '../shared/vehicle-labels';
import { activeFilterCount, type InventoryListState, type ListFilters } from './list-state';
import { RANGE_NAMES, RANGES, rangeHint } from './range-fields';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/**
 * The search answers as the dealer types: a pause just long enough that a burst of keys is one
 * request (a stale request is cancelled anyway), short enough that results land within 100 ms of
 * the last key (the engine answers in a few milliseconds).
 */
export const SEARCH_PAUSE_MS = 40;

/**
 * The inventory's filter bar (see `FilterBar`). The selects list the facets of the results with their
 * counts, several values each; drivetrain, fuel, color and the year, price and mileage ranges wait
 * behind "More filters" until one is set. Typed numbers apply after a pause.
 */
@Component({
  selector: 'sr-vehicle-filters',
  providers: [FORM_FIELD_DEFAULTS],
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
  /** Lowest and highest year, price and mileage of the results, shown under the range fields. */
  readonly ranges = input<VehicleRanges | null>(null);

  protected readonly moreFilters = signal(false);
  protected readonly activeCount = computed(() => activeFilterCount(this.state()));
  /** How many of the filters behind "More filters" are set: while any is, they stay shown. */
  protected readonly moreCount = computed(() => {
    const s = this.state();
    const lists = [s.drivetrain, s.fuelType, s.exteriorColor].filter((list) => list.length > 0).length;
    return lists + RANGE_NAMES.filter((name) => s[name] !== null).length;
  });
  protected readonly rangeFields = RANGES;
  protected readonly hint = (name: (typeof RANGE_NAMES)[number]) => rangeHint(name, this.ranges());

  protected readonly form = inject(FormBuilder).group({
    q: [''],
    status: [[] as VehicleStatus[]],
    condition: [[] as VehicleCondition[]],
    bodyStyle: [[] as BodyStyle[]],
    drivetrain: [[] as Drivetrain[]],
    fuelType: [[] as FuelType[]],
    make: [[] as string[]],
    model: [[] as string[]],
    exteriorColor: [[] as string[]],
    yearMin: [null as number | null],
    yearMax: [null as number | null],
    priceMin: [null as number | null],
    priceMax: [null as number | null],
    mileageMin: [null as number | null],
    mileageMax: [null as number | null],
  });

  /** The selects always shown, in order; a selected value the facets no longer list stays selectable. */
  protected readonly selects = computed((): SelectFilter[] => {
    const facets = this.facets();
    const s = this.state();
    return [
      { label: 'Status', name: 'status', testId: 'filter-status', multiple: true, options: STATUS_OPTIONS },
      facetSelect(
        'Condition',
        'condition',
        facetOptions(facets?.condition, s.condition, CONDITION_LABELS, VEHICLE_CONDITIONS),
      ),
      facetSelect('Make', 'make', facetOptions(facets?.make, s.make), 'No makes in these results'),
      facetSelect('Model', 'model', facetOptions(facets?.model, s.model), 'No models in these results'),
      facetSelect(
        'Body style',
        'bodyStyle',
        facetOptions(facets?.bodyStyle, s.bodyStyle, BODY_STYLE_LABELS),
        'No body styles in these results',
      ),
    ];
  });

  /** The selects behind "More filters". */
  protected readonly moreSelects = computed((): SelectFilter[] => {
    const facets = this.facets();
    const s = this.state();
    return [
      facetSelect(
        'Drivetrain',
        'drivetrain',
        facetOptions(facets?.drivetrain, s.drivetrain, DRIVETRAIN_LABELS),
      ),
      facetSelect('Fuel', 'fuelType', facetOptions(facets?.fuelType, s.fuelType, FUEL_TYPE_LABELS)),
      facetSelect(
        'Exterior color',
        'exteriorColor',
        facetOptions(facets?.exteriorColor, s.exteriorColor),
        'No colors in these results',
      ),
    ];
  });

  constructor() {
    super();
    this.followState(
      (s) => ({
        q: s.q ?? '',
        status: s.status,
        condition: s.condition,
        bodyStyle: s.bodyStyle,
        drivetrain: s.drivetrain,
        fuelType: s.fuelType,
        make: s.make,
        model: s.model,
        exteriorColor: s.exteriorColor,
        yearMin: s.yearMin,
        yearMax: s.yearMax,
        priceMin: s.priceMin,
        priceMax: s.priceMax,
        mileageMin: s.mileageMin,
        mileageMax: s.mileageMax,
      }),
      { searchPauseMs: SEARCH_PAUSE_MS },
    );

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

type FacetName = 'condition' | 'make' | 'model' | 'bodyStyle' | 'drivetrain' | 'fuelType' | 'exteriorColor';

/** A facet's select: several values, each with its count; QA's hooks follow the name (`filter-body-style`). */
function facetSelect(
  label: string,
  name: FacetName,
  options: FilterOption[],
  emptyText?: string,
): SelectFilter {
  const hook = name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return {
    label,
    name,
    testId: `filter-${hook}`,
    optionTestId: `facet-${hook}`,
    multiple: true,
    countNoun: 'vehicles',
    emptyText,
    options,
  };
}

const STATUS_OPTIONS: FilterOption[] = VEHICLE_STATUSES.map((status) => ({
  value: status,
  label: STATUS_LABELS[status],
}));

function wholeOrNull(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value) || value < 0) return null;
  return Math.floor(value);
}

/**
 * The choices of a facet's select. A closed vocabulary (`all`: conditions, drivetrains) lists every
 * value, 0 where the results have none; free text (makes, colours) lists what the results have.
 */
function facetOptions(
  facets: readonly FacetCount[] | undefined,
  selected: readonly string[],
  labels: Record<string, string> = {},
  all: readonly string[] = [],
): FilterOption[] {
  const counts = new Map((facets ?? []).map((facet) => [facet.value, facet.count]));
  const values = all.length > 0 ? [...all] : (facets ?? []).map((facet) => facet.value);
  for (const value of selected) if (!values.includes(value)) values.push(value);
  return values.map((value) => ({
    value,
    label: labelOf(labels, value),
    count: counts.get(value) ?? (all.length > 0 ? 0 : null),
  }));
}
