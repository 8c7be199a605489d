import { Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PAGE_FORM } from '../../shared/page-form';
import { VehicleFormField } from './vehicle-form-field';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/**
 * An amount of the vehicle form in dollars and cents (price, MSRP, cost): `$` before it, a hint and
 * the control's error under it. Bound to the control `controlName` of the page's form, which it
 * finds through the form's container; the input keeps the `formcontrolname`, `name` and `data-testid`
 * attributes (all the control's name) that the form's tests and QA's suite match.
 */
@Component({
  selector: 'sr-money-field',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  viewProviders: [PAGE_FORM],
  template: `
    <mat-form-field class="field">
      <mat-label>{{ label() }}</mat-label>
      <span matTextPrefix>$&nbsp;</span>
      <input
        matInput
        type="number"
        inputmode="decimal"
        step="0.01"
        min="0"
        [formControlName]="controlName()"
        [attr.formcontrolname]="controlName()"
        [attr.name]="controlName()"
        [attr.data-testid]="controlName()"
      />
      @if (hint(); as hint) {
        <mat-hint>{{ hint }}</mat-hint>
      }
      <mat-error>{{ error() }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    @use 'form-page';

    @include form-page.field-host;
  `,
})
export class MoneyField extends VehicleFormField {
  readonly hint = input<string>();
}
