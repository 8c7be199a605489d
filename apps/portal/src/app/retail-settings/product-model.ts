import {
  type AbstractControl,
  type FormArray,
  type FormControl,
  type FormGroup,
  type NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import type { ProductKind, ProtectionProduct, ProtectionProductInput } from '@showroom/contracts';
import { centsToDollars, dollarsToCents } from '../core/money';

/** A protection product as the dialog edits it: coverage options in months and dollars, 1 to 6 of them. */

export const MAX_PRODUCT_OPTIONS = 6;

export interface ProductOptionControls {
  termMonths: FormControl<number>;
  price: FormControl<number>;
}

export interface ProductControls {
  kind: FormControl<ProductKind>;
  name: FormControl<string>;
  description: FormControl<string>;
  active: FormControl<boolean>;
  options: FormArray<FormGroup<ProductOptionControls>>;
}
export type ProductForm = FormGroup<ProductControls>;

export function productOptionGroup(
  fb: NonNullableFormBuilder,
  option = { termMonths: 36, price: 0 },
): FormGroup<ProductOptionControls> {
  return fb.group({
    termMonths: fb.control(option.termMonths, [Validators.required, Validators.min(6), Validators.max(120)]),
    price: fb.control(option.price, [Validators.required, Validators.min(0), Validators.max(20_000)]),
  });
}

/** Each coverage term once: a shopper picks by term. */
function distinctTerms(control: AbstractControl): ValidationErrors | null {
  const options = (control as FormArray<FormGroup<ProductOptionControls>>).getRawValue();
  const terms = options.map((option) => option.termMonths);
  return new Set(terms).size === terms.length ? null : { repeatedTerm: true };
}

export function createProductForm(
  fb: NonNullableFormBuilder,
  product: ProtectionProduct | null,
): ProductForm {
  const options = product?.options.map((option) => ({
    termMonths: option.termMonths,
    price: centsToDollars(option.priceCents),
  })) ?? [{ termMonths: 36, price: 0 }];
  return fb.group({
    kind: fb.control<ProductKind>(product?.kind ?? 'service-contract'),
    name: fb.control(product?.name ?? '', [Validators.required, Validators.maxLength(80)]),
    description: fb.control(product?.description ?? '', [Validators.maxLength(600)]),
    active: fb.control(product?.active ?? true),
    options: fb.array(
      options.map((option) => productOptionGroup(fb, option)),
      [Validators.minLength(1), Validators.maxLength(MAX_PRODUCT_OPTIONS), distinctTerms],
    ),
  });
}

export function productInputFrom(form: ProductForm): ProtectionProductInput {
  const value = form.getRawValue();
  return {
    kind: value.kind,
    name: value.name.trim(),
    description: value.description.trim(),
    active: value.active,
    options: value.options
      .map((option) => ({ termMonths: option.termMonths, priceCents: dollarsToCents(option.price) }))
      .sort((a, b) => a.termMonths - b.termMonths),
  };
}

/** The product as its input, with `active` changed: what deactivating or activating sends. */
export function withActive(product: ProtectionProduct, active: boolean): ProtectionProductInput {
  const { kind, name, description, options } = product;
  return { kind, name, description, options, active };
}
