import { Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PAGE_FORM } from '../../shared/page-form';
import { VehicleFormField } from './vehicle-form-field';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/**
 * A long text of the vehicle form (the description, internal notes): how much of its room is used
 * under it, and what is wrong with it. Bound to the control `controlName` of the page's form, which
 * it finds through the form's container; the text area keeps the `formcontrolname` and `name`
 * attributes (the control's name) and the `data-testid` given that the form's tests and QA's suite match.
 */
@Component({
  selector: 'sr-text-area-field',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  viewProviders: [PAGE_FORM],
  template: `
    <mat-form-field class="field">
      <mat-label>{{ label() }}</mat-label>
      <textarea
        matInput
        [formControlName]="controlName()"
        [attr.formcontrolname]="controlName()"
        [attr.name]="controlName()"
        [attr.data-testid]="testId() ?? null"
        [rows]="rows()"
        [maxlength]="maxLength()"
      ></textarea>
      <mat-hint align="end">{{ length() }}/{{ maxLength() }}</mat-hint>
      <mat-error>{{ error() }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    @use 'form-page';

    @include form-page.field-host;
  `,
})
export class TextAreaField extends VehicleFormField {
  readonly rows = input.required<number>();
  readonly maxLength = input.required<number>();
  readonly testId = input<string>();

  /** The characters typed so far. */
  protected length(): number {
    const value: unknown = this.control()?.value;
    return typeof value === 'string' ? value.length : 0;
  }
}
