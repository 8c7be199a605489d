import { NgTemplateOutlet } from '@angular/common';
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
import { BODY_STYLE_LABELS, CONDITION_LABELS, labelOf, STATUS_LABELS } from '../shared/vehicle-labels';
import { activeFilterCount, type InventoryListState, type ListFilters } from './list-state';

interface FacetOption {
  value: string;
  label: string;
  count: number | null;
}

/**
 * The inventory's filter bar (see `FilterBar`): typed numbers too apply after a pause; make, model,
 * condition and body style list the facets of the results with their counts.
 */
@Component({
  selector: 'sr-vehicle-filters',
  imports: [
    FilterBarFrame,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    NgTemplateOutlet,
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
    return [s.yearMin, s.yearMax, s.priceMin, s.priceMax, s.mileageMin, s.mileageMax].filter(
      (v) => v !== null,
    ).length;
  });

  protected readonly statuses = VEHICLE_STATUSES;
  protected readonly statusLabels: Record<string, string> = STATUS_LABELS;
  protected readonly conditionLabels: Record<string, string> = CONDITION_LABELS;
  protected readonly bodyStyleLabels: Record<string, string> = BODY_STYLE_LABELS;

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

  /** Facet options with counts; a selected value the facets no longer list stays selectable. */
  protected readonly makeOptions = computed(() =>
    facetOptions(this.facets()?.make ?? [], this.state().make ? [this.state().make as string] : []),
  );
  protected readonly modelOptions = computed(() =>
    facetOptions(this.facets()?.model ?? [], this.state().model ? [this.state().model as string] : []),
  );
  protected readonly conditionOptions = computed(() =>
    facetOptions(this.facets()?.condition ?? [], this.state().condition, {
      all: VEHICLE_CONDITIONS,
      labels: CONDITION_LABELS,
    }),
  );
  protected readonly bodyStyleOptions = computed(() =>
    facetOptions(this.facets()?.bodyStyle ?? [], this.state().bodyStyle, { labels: BODY_STYLE_LABELS }),
  );

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
    const rangeNames = ['yearMin', 'yearMax', 'priceMin', 'priceMax', 'mileageMin', 'mileageMax'] as const;
    merge(...rangeNames.map((name) => controls[name].valueChanges))
      .pipe(debounceTime(600), takeUntilDestroyed())
      .subscribe(() => {
        const change: Partial<ListFilters> = {};
        for (const name of rangeNames) {
          const value = wholeOrNull(controls[name].value);
          if (value !== this.state()[name]) change[name] = value;
        }
        if (Object.keys(change).length > 0) this.report(change);
      });
  }
}

function wholeOrNull(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value) || value < 0) return null;
  return Math.floor(value);
}

function facetOptions(
  facets: readonly FacetCount[],
  selected: readonly string[],
  options: { all?: readonly string[]; labels?: Record<string, string> } = {},
): FacetOption[] {
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
