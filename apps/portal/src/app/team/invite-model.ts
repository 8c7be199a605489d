import {
  type FormControl,
  type FormGroup,
  type NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import type { InvalidParam, InviteInput, Problem, Role } from '@showroom/contracts';
import {
  applyInvalidParams,
  emailMessage,
  type ErrorRule,
  fieldMessage,
  maxLengthMessage,
  requiredMessage,
  withoutBodyPrefix,
} from '../shared/form-errors';

export interface InviteControls {
  email: FormControl<string>;
  name: FormControl<string>;
  role: FormControl<Role | null>;
}
export type InviteForm = FormGroup<InviteControls>;
export type InviteField = keyof InviteControls;

/** The role a new person most often gets, when the inviter may give it. */
const USUAL_ROLE: Role = 'sales';

export function createInviteForm(fb: NonNullableFormBuilder, roles: readonly Role[]): InviteForm {
  return fb.group({
    email: fb.control('', [Validators.required, Validators.email, Validators.maxLength(254)]),
    name: fb.control('', [Validators.required, Validators.maxLength(120)]),
    role: fb.control<Role | null>(roles.includes(USUAL_ROLE) ? USUAL_ROLE : null, Validators.required),
  });
}

/** As the contract takes it: the e-mail trimmed and in lower case (the service does the same). */
export function inviteInputFrom(form: InviteForm): InviteInput {
  const value = form.getRawValue();
  if (!value.role) throw new Error('an invitation has a role (the form requires it)');
  return { email: value.email.trim().toLowerCase(), name: value.name.trim(), role: value.role };
}

/**
 * A conflict (409) names no field: the e-mail is already a member's or has a pending invitation. Shown
 * on the e-mail, as if the problem had named it.
 */
export function withEmailConflict(problem: Problem): Problem {
  if (problem.status !== 409 || problem.invalidParams?.length) return problem;
  return { ...problem, invalidParams: [{ name: 'email', reason: problem.detail ?? problem.title }] };
}

/** The refused fields go on theirs (`body.email` on the e-mail); returns those no field takes. */
export function applyInviteServerErrors(
  form: InviteForm,
  invalidParams: readonly InvalidParam[],
): InvalidParam[] {
  return applyInvalidParams(form, invalidParams, (name) => withoutBodyPrefix(name));
}

const LABELS: Readonly<Record<InviteField, string>> = { email: 'E-mail', name: 'Name', role: 'Role' };
const RULES: readonly ErrorRule[] = [requiredMessage, emailMessage, maxLengthMessage];

export function inviteErrorMessage(field: InviteField, errors: ValidationErrors | null): string | null {
  return fieldMessage(LABELS[field], errors, RULES);
}
