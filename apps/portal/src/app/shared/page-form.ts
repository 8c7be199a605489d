import { inject, type Provider } from '@angular/core';
import { ControlContainer } from '@angular/forms';

/**
 * For the `viewProviders` of a field component: the form of the page it stands in (the
 * `[formGroup]` around it) is its form, so its own `formControlName` binds the page's control.
 */
export const PAGE_FORM: Provider = {
  provide: ControlContainer,
  useFactory: () => inject(ControlContainer, { skipSelf: true }),
};
