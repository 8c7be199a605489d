import {
  AbstractControl,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import type { ContactMethod, InvalidParam, ManualLeadInput, ManualLeadSource } from '@showroom/contracts';
import {
  applyInvalidParams,
  emailMessage,
  type ErrorRule,
  fieldMessage,
  maxLengthMessage,
  requiredMessage,
  withoutBodyPrefix,
} from '../../shared/form-errors';

export interface LeadFormControls {
  source: FormControl<ManualLeadSource | null>;
  firstName: FormControl<string>;
  lastName: FormControl<string>;
  email: FormControl<string>;
  phone: FormControl<string>;
  preferredContact: FormControl<ContactMethod | null>;
  message: FormControl<string>;
  /** A stock number or a VIN, as the salesperson has it at hand. */
  vehicle: FormControl<string>;
  assigneeId: FormControl<string | null>;
}
export type LeadForm = FormGroup<LeadFormControls>;
export type LeadField = keyof LeadFormControls;

const VIN_SHAPE = /^[A-HJ-NPR-Z0-9]{17}$/i;

/**
 * The contracts' `normalizePhone` rule (7 to 15 digits, a North American leading 1 dropped), kept
 * here because importing it from the schema module would pull zod into the portal.
 */
export function isPhoneNumber(value: string): boolean {
  let digits = value.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  return digits.length >= 7 && digits.length <= 15;
}

function phoneNumber(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value?.trim();
  return !value || isPhoneNumber(value) ? null : { phone: true };
}

/** The service needs a way to reach the shopper: an e-mail address or a phone number. */
function emailOrPhone(group: AbstractControl): ValidationErrors | null {
  const { email, phone } = (group as LeadForm).controls;
  return email.value.trim() || phone.value.trim() ? null : { contact: true };
}

export function createLeadForm(fb: NonNullableFormBuilder): LeadForm {
  return fb.group(
    {
      source: fb.control<ManualLeadSource | null>(null, Validators.required),
      firstName: fb.control('', [Validators.required, Validators.maxLength(80)]),
      lastName: fb.control('', Validators.maxLength(80)),
      email: fb.control('', [Validators.email, Validators.maxLength(254)]),
      phone: fb.control('', [phoneNumber, Validators.maxLength(40)]),
      preferredContact: fb.control<ContactMethod | null>(null),
      message: fb.control('', Validators.maxLength(4000)),
      vehicle: fb.control('', Validators.maxLength(20)),
      assigneeId: fb.control<string | null>(null),
    },
    { validators: emailOrPhone },
  );
}

const optional = (value: string): string | undefined => value.trim() || undefined;

/** The create request: empty fields stay out, the vehicle is sent as a VIN when it looks like one. */
export function manualLeadFromForm(form: LeadForm): ManualLeadInput {
  const value = form.getRawValue();
  const vehicle = value.vehicle.trim();
  const input: ManualLeadInput = {
    source: value.source ?? 'other',
    firstName: value.firstName.trim(),
    lastName: optional(value.lastName),
    email: optional(value.email),
    phone: optional(value.phone),
    preferredContact: value.preferredContact ?? undefined,
    message: optional(value.message),
    vehicle: vehicle ? (VIN_SHAPE.test(vehicle) ? { vin: vehicle } : { stockNumber: vehicle }) : undefined,
    assigneeId: value.assigneeId ?? undefined,
  };
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== undefined),
  ) as unknown as ManualLeadInput;
}

/**
 * Puts each of the service's `invalidParams` on the control it is about (`body.vehicle.vin` on the
 * vehicle field), as a `server` error shown until the field is edited. Returns the ones that match
 * no field, shown above the form.
 */
export function applyServerErrors(form: LeadForm, invalidParams: readonly InvalidParam[]): InvalidParam[] {
  return applyInvalidParams(form, invalidParams, (name) => withoutBodyPrefix(name).split('.')[0]);
}

const LABELS: Record<LeadField, string> = {
  source: 'Source',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'E-mail',
  phone: 'Phone',
  preferredContact: 'Preferred contact',
  message: 'Message',
  vehicle: 'Vehicle',
  assigneeId: 'Assignee',
};

const RULES: readonly ErrorRule[] = [
  requiredMessage,
  emailMessage,
  (errors) => (errors['phone'] ? 'Not a phone number: use 7 to 15 digits' : null),
  maxLengthMessage,
];

/** The one message a field shows; the server's reason wins, it knows what it refused. */
export function errorMessage(field: LeadField, errors: ValidationErrors | null): string | null {
  return fieldMessage(LABELS[field], errors, RULES);
}
