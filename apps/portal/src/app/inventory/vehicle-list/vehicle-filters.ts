import { NgTemplateOutlet } from '@angular/common';
import { Component, computed, effect, inject, input, output, signal } from '@angular/core';
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
import { debounceTime, map, merge } from 'rxjs';
import type { BodyStyle } from '../../api/vehicles-api';
import { BODY_STYLE_LABELS, CONDITION_LABELS, labelOf, STATUS_LABELS } from '../shared/vehicle-labels';
import { activeFilterCount, type InventoryListState, type ListFilters } from './list-state';

interface FacetOption {
  value: string;
  label: string;
  count: number | null;
}

/**
 * The filter bar. Shows the state it is given and reports what the dealer changes; selects apply
 * at once, typed text and numbers after a pause so the list does not reload on every key.
 */
@Component({
  selector: 'sr-vehicle-filters',
  imports: [
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
export class VehicleFilters {
  readonly state = input.required<InventoryListState>();
  readonly facets = input<VehicleFacets | null>(null);
  /** On phones the bar starts folded behind a "Filters" button. */
  readonly compact = input(false);
  readonly filtersChange = output<Partial<ListFilters>>();
  readonly clearAll = output<void>();

  /** The last change this bar reported: when the URL echoes it back, the control keeps what the
   * dealer has typed since (the echo may be older than their latest keystrokes). */
  private echo: Partial<ListFilters> = {};

  protected readonly expanded = signal(false);
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
  protected readonly labelOf = labelOf;

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
    // The URL is the source of truth: show it without echoing it back as a change.
    effect(() => {
      const s = this.state();
      const value: Partial<typeof this.form.value> = {
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
      };
      for (const [name, echoed] of Object.entries(this.echo) as [keyof ListFilters, unknown][]) {
        if (echoed === s[name]) delete value[name];
      }
      this.echo = {};
      this.form.patchValue(value, { emitEvent: false });
    });

    const controls = this.form.controls;
    controls.q.valueChanges
      .pipe(
        debounceTime(350),
        map((q) => q?.trim() || null),
        takeUntilDestroyed(),
      )
      .subscribe((q) => {
        if (q !== this.state().q) this.report({ q });
      });

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

  protected labelList(values: readonly string[] | null, labels: Record<string, string>): string {
    return (values ?? []).map((value) => labelOf(labels, value)).join(', ');
  }

  protected select(change: Partial<ListFilters>): void {
    this.report(change);
  }

  private report(change: Partial<ListFilters>): void {
    this.echo = change;
    this.filtersChange.emit(change);
  }

  /** Enter in the search box applies at once instead of waiting for the pause. */
  protected applySearchNow(): void {
    const q = this.form.controls.q.value?.trim() || null;
    if (q !== this.state().q) this.report({ q });
  }

  protected clearSearch(): void {
    this.form.controls.q.setValue('', { emitEvent: false });
    if (this.state().q !== null) this.report({ q: null });
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
