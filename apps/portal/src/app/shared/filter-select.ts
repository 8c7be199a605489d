import { Component, computed, inject, input, output } from '@angular/core';
import { ControlContainer, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { FORM_FIELD_DEFAULTS } from './form-field-defaults';

/** One choice of a filter; `count` (a facet of the results) shows beside it when not null. */
export interface FilterOption {
  value: string;
  label: string;
  count?: number | null;
}

/** A select of a filter bar, as data: each bar lists its selects and renders them in order. */
export interface SelectFilter {
  label: string;
  /** The form control's name (also the element's `name`). */
  name: string;
  /** QA's hook on the select. */
  testId: string;
  options: readonly FilterOption[];
  multiple?: boolean;
  /** A single select's "no filter" choice ("Any make"). */
  anyLabel?: string;
  /** Shown as a disabled choice when there are none. */
  emptyText?: string;
  /** QA's hook on each choice (`facet-make`). */
  optionTestId?: string;
  /** What a count counts, for screen readers ("12 vehicles"). */
  countNoun?: string;
}

/**
 * A select of a filter bar (statuses, channels, a vehicle's make or body style): the choices with
 * their labels (and counts), the selected ones named in the field, each pick reported at once.
 * Bound to the control `filter.name` of the bar's form, which it finds through the form's container; its
 * `mat-select` keeps the `formcontrolname`, `name` and `data-testid` attributes QA's suite matches.
 */
@Component({
  selector: 'sr-filter-select',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [MatFormFieldModule, MatSelectModule, ReactiveFormsModule],
  // The bar's form (FilterBarFrame's [formGroup]) is this field's form.
  viewProviders: [
    { provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) },
  ],
  templateUrl: './filter-select.html',
  styleUrl: './filter-select.scss',
})
export class FilterSelect {
  private readonly container = inject(ControlContainer, { skipSelf: true });

  readonly filter = input.required<SelectFilter>();

  /** The new value: a list for a multiple select, one value or null otherwise. */
  readonly chosen = output<string[] | string | null>();

  private readonly labels = computed(() => new Map(this.filter().options.map((o) => [o.value, o.label])));

  /** The selected choices in words, for the closed field. */
  protected selectedText(): string {
    const value: unknown = this.container.control?.get(this.filter().name)?.value;
    const values = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
    return values.map((v) => this.labels().get(String(v)) ?? String(v)).join(', ');
  }
}
