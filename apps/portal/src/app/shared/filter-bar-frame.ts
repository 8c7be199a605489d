import { NgTemplateOutlet } from '@angular/common';
import { Component, inject, input, output, signal } from '@angular/core';
import { FormGroupDirective, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { FORM_FIELD_DEFAULTS } from './form-field-defaults';

/**
 * What every list's filter bar looks like around its own fields: the search box first, the fields in
 * a grid; on phones the search box beside a "Filters (n)" button that unfolds the fields. The bar's
 * form goes on this element (`[formGroup]`): the bar's fields (the content) find it there, and the
 * search box is its `q` control. Behaviour lives in `FilterBar`.
 */
@Component({
  selector: 'sr-filter-bar-frame',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    NgTemplateOutlet,
    ReactiveFormsModule,
  ],
  templateUrl: './filter-bar-frame.html',
  styleUrl: './filter-bar-frame.scss',
})
export class FilterBarFrame {
  readonly compact = input(false);
  /** How many filters are set, shown on the phone's "Filters" button. */
  readonly activeCount = input(0);
  /** The id of the fields' form (the phone's button controls it) and its accessible name. */
  readonly fieldsId = input.required<string>();
  readonly label = input.required<string>();
  /** Test hooks QA's suite uses: the search box and the phone's "Filters" button. */
  readonly searchTestId = input.required<string>();
  readonly toggleTestId = input.required<string>();
  readonly searchPlaceholder = input('');
  /** Enter in the search box, or the form submitted. */
  readonly searchNow = output<void>();
  readonly clearSearch = output<void>();

  /** On a phone, the dealer unfolded the fields ("Filters"). */
  readonly expanded = signal(false);
  protected readonly formGroup = inject(FormGroupDirective, { self: true });
}
