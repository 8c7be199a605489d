import { Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { FORM_FIELD_DEFAULTS } from './form-field-defaults';

export interface SortOption<S> {
  value: S;
  label: string;
}

/** A list's "Sort by" choice. Its own component, so its code (Material's select) can load after the rows. */
@Component({
  selector: 'sr-sort-field',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [MatFormFieldModule, MatSelectModule],
  template: `
    <mat-form-field class="sr-dense field" subscriptSizing="dynamic">
      <mat-label>Sort by</mat-label>
      <mat-select
        name="sort"
        [attr.data-testid]="testId()"
        [value]="sort()"
        (selectionChange)="sortChange.emit($event.value)"
      >
        @for (option of options(); track option.value) {
          <mat-option [value]="option.value">{{ option.label }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .field {
      width: 100%;
    }
  `,
})
export class SortField<S> {
  readonly options = input.required<readonly SortOption<S>[]>();
  readonly sort = input.required<S>();
  readonly testId = input.required<string>();
  readonly sortChange = output<S>();
}
