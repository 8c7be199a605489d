import type { Signal } from '@angular/core';
import { computed } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { AbstractControl, FormGroup, ValidationErrors } from '@angular/forms';
import type { InvalidParam, Problem } from '@showroom/contracts';

/**
 * What the portal's forms (vehicle, new lead, lead settings) do with errors: the service's
 * `invalidParams` go on the fields they are about, what no field takes is listed above the form,
 * and each field shows one message.
 */

/** A refused save as the banner above the form shows it; `params` are the ones no field shows. */
export interface FormProblem {
  title: string;
  detail?: string;
  params: InvalidParam[];
}

export function formProblem(problem: Problem, params: InvalidParam[] = []): FormProblem {
  return { title: problem.title, detail: problem.detail, params };
}

/** The leads service names body fields `body.<path>`; its own checks name the path alone. */
export function withoutBodyPrefix(name: string): string {
  return name.replace(/^body\./, '');
}

/**
 * Puts each of the service's `invalidParams` on the control `fieldFor` names, as a `server` error the
 * field shows until it is edited. Returns the ones that match no control (shown above the form).
 */
export function applyInvalidParams(
  form: FormGroup,
  invalidParams: readonly InvalidParam[],
  fieldFor: (name: string) => string | null,
): InvalidParam[] {
  const unmatched: InvalidParam[] = [];
  for (const param of invalidParams) {
    const field = fieldFor(param.name);
    if (field === null || !(field in form.controls)) {
      unmatched.push(param);
      continue;
    }
    const control = form.controls[field];
    control.setErrors({ ...(control.errors ?? {}), server: param.reason });
    control.markAsTouched();
  }
  return unmatched;
}

/** One way a field says what is wrong with it; `null` when `errors` holds nothing it speaks of. */
export type ErrorRule = (errors: ValidationErrors, label: string) => string | null;

export const requiredMessage: ErrorRule = (errors, label) =>
  errors['required'] ? `${label} is required` : null;

export const maxLengthMessage: ErrorRule = (errors, label) =>
  errors['maxlength'] ? `${label} can have at most ${errors['maxlength'].requiredLength} characters` : null;

export const emailMessage: ErrorRule = (errors) => (errors['email'] ? 'Not an e-mail address' : null);

/** The one message a field shows: the server's reason wins (it knows what it refused), then `rules` in order. */
export function fieldMessage(
  label: string,
  errors: ValidationErrors | null,
  rules: readonly ErrorRule[],
): string | null {
  if (!errors) return null;
  if (typeof errors['server'] === 'string') return errors['server'];
  for (const rule of rules) {
    const message = rule(errors, label);
    if (message !== null) return message;
  }
  return `${label} is not valid`;
}

/**
 * Every field's message, read again on any change of any control (value, status, touched). Call in an
 * injection context; a page that follows the form's events for more passes its own `changed`.
 */
export function fieldErrors<C extends { [K in keyof C]: AbstractControl }>(
  form: FormGroup<C>,
  message: (field: keyof C, errors: ValidationErrors | null) => string | null,
  changed: Signal<unknown> = toSignal(form.events),
): Signal<Record<keyof C, string | null>> {
  const controls = form.controls as C;
  return computed(() => {
    changed();
    const messages = {} as Record<keyof C, string | null>;
    for (const field of Object.keys(controls) as (keyof C)[]) {
      messages[field] = message(field, controls[field].errors);
    }
    return messages;
  });
}

/** Focuses the first field in error once the DOM shows the messages, so a screen reader reads both. */
export function focusFirstInvalid(host: HTMLElement): void {
  setTimeout(() => {
    const invalid = host.querySelector<HTMLElement>(
      'input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid',
    );
    invalid?.focus();
  });
}

/** The banners sit above the form and the dealer pressed save at its bottom: bring them into view. */
export function revealBanner(host: HTMLElement): void {
  setTimeout(() => {
    const banner = host.querySelector<HTMLElement>('.banner');
    banner?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    banner?.focus({ preventScroll: true });
  });
}
