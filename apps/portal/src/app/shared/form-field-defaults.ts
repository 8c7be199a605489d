import type { Provider } from '@angular/core';
import {
  MAT_FORM_FIELD_DEFAULT_OPTIONS,
  type MatFormFieldDefaultOptions,
} from '@angular/material/form-field';

/**
 * How the portal's form fields look: outlined, which keeps their labels at the dense sizes the filter
 * bars use, with dynamic subscripts so a long server message wraps instead of being cut off.
 *
 * Every component whose template has a `<mat-form-field>` provides it (tools/dev's
 * portal-form-fields test checks), dialogs included, rather than the shell once for all: the token
 * comes with Material's form field and Angular's forms, which would then load before any first
 * screen, none of which shows a field before its content.
 */
export const FORM_FIELD_DEFAULTS: Provider = {
  provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
  useValue: { appearance: 'outline', subscriptSizing: 'dynamic' } satisfies MatFormFieldDefaultOptions,
};
