import {
  AbstractControl,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import type {
  ACK_TEMPLATE_FIELDS,
  InvalidParam,
  LeadSettings,
  LeadSettingsUpdate,
} from '@showroom/contracts';
import {
  applyInvalidParams,
  emailMessage,
  type ErrorRule,
  fieldMessage,
  requiredMessage,
  withoutBodyPrefix,
} from '../../shared/form-errors';

/**
 * The placeholders an acknowledgement may use. Spelled out here because `ACK_TEMPLATE_FIELDS` lives
 * in the schema module (importing its value would pull zod); the type keeps the two lists equal.
 */
export const ACK_PLACEHOLDERS: typeof ACK_TEMPLATE_FIELDS = [
  'firstName',
  'dealershipName',
  'vehicle',
  'assigneeName',
];

/** The contracts' rule for a site origin: scheme and host (and port), no path. */
export const ORIGIN_PATTERN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

export interface LeadSettingsControls {
  siteOrigins: FormControl<string[]>;
  ackEnabled: FormControl<boolean>;
  ackSubject: FormControl<string>;
  ackBody: FormControl<string>;
  crmForwardEmail: FormControl<string>;
  fromName: FormControl<string>;
  replyTo: FormControl<string>;
}
export type LeadSettingsForm = FormGroup<LeadSettingsControls>;
export type LeadSettingsField = keyof LeadSettingsControls;

function origins(control: AbstractControl<string[] | null>): ValidationErrors | null {
  const bad = (control.value ?? []).filter((origin) => !ORIGIN_PATTERN.test(origin));
  return bad.length > 0 ? { origin: bad.join(', ') } : null;
}

export function createLeadSettingsForm(fb: NonNullableFormBuilder): LeadSettingsForm {
  return fb.group({
    siteOrigins: fb.control<string[]>([], [origins, Validators.maxLength(20)]),
    ackEnabled: fb.control(false),
    ackSubject: fb.control('', [Validators.required, Validators.maxLength(200)]),
    ackBody: fb.control('', [Validators.required, Validators.maxLength(5000)]),
    crmForwardEmail: fb.control('', [Validators.email, Validators.maxLength(254)]),
    fromName: fb.control('', [Validators.required, Validators.maxLength(120)]),
    replyTo: fb.control('', [Validators.email, Validators.maxLength(254)]),
  });
}

export function formValueFromSettings(settings: LeadSettings): ReturnType<LeadSettingsForm['getRawValue']> {
  return {
    siteOrigins: [...settings.siteOrigins],
    ackEnabled: settings.acknowledgement.enabled,
    ackSubject: settings.acknowledgement.subject,
    ackBody: settings.acknowledgement.body,
    crmForwardEmail: settings.crmForwardEmail ?? '',
    fromName: settings.fromName,
    replyTo: settings.replyTo ?? '',
  };
}

/** "https://www.Example-Motors.com/" → "https://www.example-motors.com", as browsers send Origin. */
export function tidyOrigin(raw: string): string {
  const trimmed = raw.trim().replace(/\/+$/, '');
  const match = /^(https?:\/\/)([^/:]+)(:\d+)?$/i.exec(trimmed);
  return match ? `${match[1].toLowerCase()}${match[2].toLowerCase()}${match[3] ?? ''}` : trimmed;
}

/** Only what changed, so saving never overwrites a setting someone else changed meanwhile. */
export function settingsUpdateFromForm(form: LeadSettingsForm, before: LeadSettings): LeadSettingsUpdate {
  const value = form.getRawValue();
  const update: LeadSettingsUpdate = {};
  if (value.siteOrigins.join('\n') !== before.siteOrigins.join('\n')) update.siteOrigins = value.siteOrigins;
  const acknowledgement = {
    enabled: value.ackEnabled,
    subject: value.ackSubject.trim(),
    body: value.ackBody.trim(),
  };
  const ack = before.acknowledgement;
  if (
    acknowledgement.enabled !== ack.enabled ||
    acknowledgement.subject !== ack.subject ||
    acknowledgement.body !== ack.body
  ) {
    update.acknowledgement = acknowledgement;
  }
  const crm = value.crmForwardEmail.trim() || null;
  if (crm !== before.crmForwardEmail) update.crmForwardEmail = crm;
  const fromName = value.fromName.trim();
  if (fromName !== before.fromName) update.fromName = fromName;
  const replyTo = value.replyTo.trim() || null;
  if (replyTo !== before.replyTo) update.replyTo = replyTo;
  return update;
}

const SERVER_FIELDS: Record<string, LeadSettingsField> = {
  siteOrigins: 'siteOrigins',
  'acknowledgement.enabled': 'ackEnabled',
  'acknowledgement.subject': 'ackSubject',
  'acknowledgement.body': 'ackBody',
  crmForwardEmail: 'crmForwardEmail',
  fromName: 'fromName',
  replyTo: 'replyTo',
};

/** `body.siteOrigins.2` goes on the origins, `body.acknowledgement.subject` on the subject; the rest is returned. */
export function applyServerErrors(
  form: LeadSettingsForm,
  invalidParams: readonly InvalidParam[],
): InvalidParam[] {
  return applyInvalidParams(form, invalidParams, (name) => {
    // An origin is named by its index (`siteOrigins.2`).
    const path = withoutBodyPrefix(name);
    return SERVER_FIELDS[path] ?? SERVER_FIELDS[path.replace(/\.\d+$/, '')] ?? null;
  });
}

const LABELS: Record<LeadSettingsField, string> = {
  siteOrigins: 'Site origins',
  ackEnabled: 'Acknowledgement',
  ackSubject: 'Subject',
  ackBody: 'Message',
  crmForwardEmail: 'CRM address',
  fromName: 'From name',
  replyTo: 'Reply-to',
};

const RULES: readonly ErrorRule[] = [
  (errors) =>
    typeof errors['origin'] === 'string'
      ? `Not an origin: ${errors['origin']}. Use scheme and host only, like https://www.example-motors.com`
      : null,
  requiredMessage,
  emailMessage,
  (errors, label) =>
    errors['maxlength'] ? `${label} is too long (at most ${errors['maxlength'].requiredLength})` : null,
];

export function errorMessage(field: LeadSettingsField, errors: ValidationErrors | null): string | null {
  return fieldMessage(LABELS[field], errors, RULES);
}
