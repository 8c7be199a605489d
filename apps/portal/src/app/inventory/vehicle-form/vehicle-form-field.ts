import { Directive, inject, input } from '@angular/core';
import { ControlContainer } from '@angular/forms';
import { errorMessage, type VehicleField } from './vehicle-form-model';

/**
 * What the vehicle form's field components share: the control of the page's form they are bound to
 * (`controlName`, found through the form's container: give the component `PAGE_FORM` as view
 * provider), their label, and what is wrong with the value in the form's words.
 */
@Directive()
export abstract class VehicleFormField {
  private readonly container = inject(ControlContainer, { skipSelf: true });

  readonly controlName = input.required<VehicleField>();
  readonly label = input.required<string>();

  protected control() {
    return this.container.control?.get(this.controlName());
  }

  /** Shown while the field is in error. */
  protected error(): string | null {
    return errorMessage(this.controlName(), this.control()?.errors ?? null);
  }
}
