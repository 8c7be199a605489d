import {
  type AbstractControl,
  type FormControl,
  type FormGroup,
  type NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import type { InvalidParam, Problem, RooftopInput } from '@showroom/contracts';
import {
  applyInvalidParams,
  type ErrorRule,
  fieldMessage,
  maxLengthMessage,
  requiredMessage,
  withoutBodyPrefix,
} from '../shared/form-errors';
import {
  ADDRESS_LABELS,
  ADDRESS_RULES,
  type AddressControls,
  addressControls,
  addressFieldOf,
  addressOf,
} from '../website/address-fields';
import { domainProblem, PHONE_PATTERN, tidyDomain } from '../website/website-model';

export interface RooftopControls extends AddressControls {
  name: FormControl<string>;
  timeZone: FormControl<string>;
  phone: FormControl<string>;
  domain: FormControl<string>;
}
export type RooftopForm = FormGroup<RooftopControls>;
export type RooftopField = keyof RooftopControls;

/**
 * Every IANA zone this browser knows, for the select. The dealer's own zone (chosen at first) is in it
 * even when the browser names it by an alias its list leaves out ("UTC").
 */
export function timeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const own = browserTimeZone();
  return zones.includes(own) ? zones : [own, ...zones];
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function hostName(control: AbstractControl<string>): ValidationErrors | null {
  const domain = tidyDomain(control.value);
  const problem = domain ? domainProblem(domain) : null;
  return problem ? { domain: problem } : null;
}

export function createRooftopForm(fb: NonNullableFormBuilder): RooftopForm {
  return fb.group({
    name: fb.control('', [Validators.required, Validators.maxLength(120)]),
    ...addressControls(fb, { optional: false }),
    timeZone: fb.control(browserTimeZone(), [Validators.required]),
    phone: fb.control('', [Validators.pattern(PHONE_PATTERN)]),
    domain: fb.control('', [hostName]),
  });
}

export function rooftopInputFrom(form: RooftopForm): RooftopInput {
  const value = form.getRawValue();
  const address = addressOf(value);
  if (!address) throw new Error('a rooftop is created with its address (the form requires it)');
  const phone = value.phone.trim();
  const domain = tidyDomain(value.domain);
  return {
    name: value.name.trim(),
    address,
    timeZone: value.timeZone,
    ...(phone ? { phone } : {}),
    ...(domain ? { domain } : {}),
  };
}

const SERVER_FIELDS: Readonly<Record<string, RooftopField>> = {
  name: 'name',
  address: 'street',
  timeZone: 'timeZone',
  phone: 'phone',
  domain: 'domain',
};

/**
 * A conflict that names no field is about the name (the group already has a rooftop by it): the
 * problem as if it named the name.
 */
export function withNameConflict(problem: Problem): Problem {
  if (problem.status !== 409 || problem.invalidParams?.length) return problem;
  return { ...problem, invalidParams: [{ name: 'name', reason: problem.detail ?? problem.title }] };
}

/**
 * Why the service will not let this dealer see or grow the group (403), in its own words, e.g. "Only an
 * owner of every rooftop of Demo Motor Group may add rooftops or see them all; you own 1 of its 2.";
 * null for any other problem.
 */
export function refusalOf(problem: Problem | null): string | null {
  if (problem?.status !== 403) return null;
  return problem.detail ?? problem.title;
}

/** The refused fields go on theirs (`body.address.city` on the city); returns those no field takes. */
export function applyRooftopServerErrors(
  form: RooftopForm,
  invalidParams: readonly InvalidParam[],
): InvalidParam[] {
  return applyInvalidParams(form, invalidParams, (name) => {
    const path = withoutBodyPrefix(name);
    return addressFieldOf(path) ?? SERVER_FIELDS[path] ?? null;
  });
}

const LABELS: Readonly<Record<RooftopField, string>> = {
  ...ADDRESS_LABELS,
  name: 'Name',
  timeZone: 'Time zone',
  phone: 'Phone',
  domain: 'Domain',
};

const RULES: readonly ErrorRule[] = [
  requiredMessage,
  ...ADDRESS_RULES,
  (errors) => (errors['pattern'] ? 'Use a phone number such as (512) 555-0100 or +1 512 555 0100' : null),
  (errors) => (typeof errors['domain'] === 'string' ? `Domain ${errors['domain']}` : null),
  maxLengthMessage,
];

export function rooftopErrorMessage(field: RooftopField, errors: ValidationErrors | null): string | null {
  return fieldMessage(LABELS[field], errors, RULES);
}
