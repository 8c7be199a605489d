import { Component, input } from '@angular/core';
import {
  type AbstractControl,
  type FormControl,
  type NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PostalAddress } from '@showroom/contracts';
import { merge } from 'rxjs';
import { type ErrorRule, maxLengthMessage, requiredMessage } from '../shared/form-errors';
import { PAGE_FORM } from '../shared/page-form';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

export const ADDRESS_FIELDS = ['street', 'city', 'region', 'postalCode', 'country'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type AddressControls = Record<AddressField, FormControl<string>>;

export const ADDRESS_LABELS: Readonly<Record<AddressField, string>> = {
  street: 'Street',
  city: 'City',
  region: 'State',
  postalCode: 'ZIP code',
  country: 'Country',
};

/** The contract's lengths (PostalAddressSchema). */
const MAX_LENGTHS: Readonly<Record<AddressField, number>> = {
  street: 120,
  city: 80,
  region: 40,
  postalCode: 16,
  country: 2,
};

const COUNTRY = /^[A-Za-z]{2}$/;

function countryCode(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  return value && !COUNTRY.test(value) ? { country: true } : null;
}

/** A field of an optional address: required as soon as any other part is filled in. */
function neededWithTheRest(control: AbstractControl<string>): ValidationErrors | null {
  const siblings = control.parent?.controls as Partial<AddressControls> | undefined;
  if (!siblings || control.value.trim()) return null;
  const anyFilled = ADDRESS_FIELDS.some((field) => siblings[field]?.value.trim());
  return anyFilled ? { required: true } : null;
}

/**
 * The five controls of a postal address, to spread into a form. `optional`: all blank is no address
 * (the website's), else every part is required (a new rooftop's).
 */
export function addressControls(
  fb: NonNullableFormBuilder,
  { optional }: { optional: boolean },
): AddressControls {
  const controls = Object.fromEntries(
    ADDRESS_FIELDS.map((field) => [
      field,
      fb.control(field === 'country' && !optional ? 'US' : '', [
        optional ? neededWithTheRest : Validators.required,
        Validators.maxLength(MAX_LENGTHS[field]),
        ...(field === 'country' ? [countryCode] : []),
      ]),
    ]),
  ) as AddressControls;
  if (optional) {
    // Filling in (or clearing) one part changes whether the others are needed. Runs before the
    // form recomputes its own status, so the form sees them all.
    const all = Object.values(controls);
    merge(...all.map((control) => control.valueChanges)).subscribe(() => {
      for (const control of all) control.updateValueAndValidity({ onlySelf: true, emitEvent: false });
    });
  }
  return controls;
}

/** The address to send; null when every part is blank. */
export function addressOf(value: Record<AddressField, string>): PostalAddress | null {
  const address = {
    street: value.street.trim(),
    city: value.city.trim(),
    region: value.region.trim(),
    postalCode: value.postalCode.trim(),
    country: value.country.trim().toUpperCase(),
  };
  return Object.values(address).every((part) => part === '') ? null : address;
}

export function addressFormValue(address: PostalAddress | null): Record<AddressField, string> {
  return {
    street: address?.street ?? '',
    city: address?.city ?? '',
    region: address?.region ?? '',
    postalCode: address?.postalCode ?? '',
    country: address?.country ?? '',
  };
}

/** `body.address.city` (or `address.city`) → `city`. */
export function addressFieldOf(path: string): AddressField | null {
  const match = /^address\.(\w+)$/.exec(path);
  return match && (ADDRESS_FIELDS as readonly string[]).includes(match[1])
    ? (match[1] as AddressField)
    : null;
}

export const ADDRESS_RULES: readonly ErrorRule[] = [
  requiredMessage,
  (errors) => (errors['country'] ? 'Use the two-letter country code, e.g. US' : null),
  maxLengthMessage,
];

/** "1200 N Grand Ave, Springfield, IL 62702" */
export function addressLine(address: PostalAddress | null): string {
  if (!address) return '';
  return `${address.street}, ${address.city}, ${address.region} ${address.postalCode}`;
}

/**
 * Street, city, state, ZIP and country of the page's form (its controls by those names), each with
 * its message. Each input keeps `name` and `data-testid="address-<field>"` for tests and QA's suite.
 */
@Component({
  selector: 'sr-address-fields',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  viewProviders: [PAGE_FORM],
  template: `
    <mat-form-field class="street">
      <mat-label>{{ labels.street }}</mat-label>
      <input
        matInput
        formControlName="street"
        name="street"
        autocomplete="street-address"
        data-testid="address-street"
      />
      <mat-error>{{ errors().street }}</mat-error>
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ labels.city }}</mat-label>
      <input
        matInput
        formControlName="city"
        name="city"
        autocomplete="address-level2"
        data-testid="address-city"
      />
      <mat-error>{{ errors().city }}</mat-error>
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ labels.region }}</mat-label>
      <input
        matInput
        formControlName="region"
        name="region"
        autocomplete="address-level1"
        data-testid="address-region"
      />
      <mat-error>{{ errors().region }}</mat-error>
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ labels.postalCode }}</mat-label>
      <input
        matInput
        formControlName="postalCode"
        name="postalCode"
        autocomplete="postal-code"
        data-testid="address-postalCode"
      />
      <mat-error>{{ errors().postalCode }}</mat-error>
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ labels.country }}</mat-label>
      <input
        matInput
        formControlName="country"
        name="country"
        maxlength="2"
        autocomplete="country"
        data-testid="address-country"
      />
      <mat-hint>Two letters, e.g. US</mat-hint>
      <mat-error>{{ errors().country }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      align-items: start;
      gap: 0 16px;
    }
    .street {
      grid-column: 1 / -1;
    }
    mat-form-field {
      width: 100%;
    }
  `,
})
export class AddressFields {
  readonly errors = input.required<Readonly<Record<AddressField, string | null>>>();
  protected readonly labels = ADDRESS_LABELS;
}
