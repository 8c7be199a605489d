import {
  type AbstractControl,
  type FormControl,
  type FormGroup,
  type NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import {
  contrastRatio,
  type InvalidParam,
  MIN_BRAND_CONTRAST,
  type OpeningHours,
  SiteDomainSchema,
  type WebsiteSettings,
  type WebsiteSettingsUpdate,
} from '@showroom/contracts';
import {
  applyInvalidParams,
  emailMessage,
  type ErrorRule,
  fieldMessage,
  maxLengthMessage,
  withoutBodyPrefix,
} from '../shared/form-errors';
import {
  ADDRESS_LABELS,
  ADDRESS_RULES,
  type AddressControls,
  addressControls,
  addressFieldOf,
  addressFormValue,
  addressOf,
} from './address-fields';
import { sameHours } from './opening-hours';

/** The contract's limit on a dealership's own domains. */
export const MAX_CUSTOM_DOMAINS = 5;
const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
/** The contract's phone rule (WebsiteSettingsUpdateSchema.phone). */
export const PHONE_PATTERN = /^\+?[0-9 ().-]{7,25}$/;

export interface WebsiteControls extends AddressControls {
  tagline: FormControl<string>;
  phone: FormControl<string>;
  email: FormControl<string>;
  hours: FormControl<OpeningHours>;
  brandColour: FormControl<string>;
  accentColour: FormControl<string>;
  customDomains: FormControl<string[]>;
}
export type WebsiteForm = FormGroup<WebsiteControls>;
export type WebsiteField = keyof WebsiteControls;

/** How readable white text is on `colour` (brand) or `colour` is on white (accent): the same ratio. */
export function contrastOnWhite(colour: string): number | null {
  return HEX_COLOUR.test(colour) ? contrastRatio(colour.toLowerCase(), '#ffffff') : null;
}

/** The storefront puts white text on the brand colour and the accent on white: both need WCAG AA. */
function readableWithWhite(control: AbstractControl<string>): ValidationErrors | null {
  if (!HEX_COLOUR.test(control.value)) return { colour: true };
  const ratio = contrastOnWhite(control.value) ?? 0;
  return ratio < MIN_BRAND_CONTRAST ? { contrast: { ratio } } : null;
}

/** The contract's rule for a domain: a host name such as www.example-motors.com, lower case. */
export function domainProblem(domain: string): string | null {
  const parsed = SiteDomainSchema.safeParse(domain);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'is not a host name');
}

function domains(control: AbstractControl<string[]>): ValidationErrors | null {
  const bad = control.value.filter((domain) => domainProblem(domain) !== null);
  if (bad.length > 0) return { domain: bad.join(', ') };
  if (control.value.length > MAX_CUSTOM_DOMAINS) return { tooManyDomains: true };
  return null;
}

/** "HTTPS://WWW.Example-Motors.com/cars" → "www.example-motors.com": what a dealer pastes is a URL. */
export function tidyDomain(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/\.$/, '');
}

export function createWebsiteForm(fb: NonNullableFormBuilder): WebsiteForm {
  return fb.group({
    tagline: fb.control('', [Validators.maxLength(140)]),
    phone: fb.control('', [Validators.pattern(PHONE_PATTERN)]),
    email: fb.control('', [Validators.email, Validators.maxLength(254)]),
    ...addressControls(fb, { optional: true }),
    hours: fb.control<OpeningHours>([]),
    brandColour: fb.control('#000000', [readableWithWhite]),
    accentColour: fb.control('#000000', [readableWithWhite]),
    customDomains: fb.control<string[]>([], [domains]),
  });
}

export function formValueFromWebsite(website: WebsiteSettings): ReturnType<WebsiteForm['getRawValue']> {
  return {
    tagline: website.tagline ?? '',
    phone: website.phone ?? '',
    email: website.email ?? '',
    ...addressFormValue(website.address),
    hours: website.hours,
    brandColour: website.theme.brandColour,
    accentColour: website.theme.accentColour,
    customDomains: [...website.customDomains],
  };
}

/** Only what changed, so saving never overwrites what someone else changed meanwhile in another field. */
export function websiteUpdateFromForm(form: WebsiteForm, before: WebsiteSettings): WebsiteSettingsUpdate {
  const value = form.getRawValue();
  const update: WebsiteSettingsUpdate = {};
  const tagline = value.tagline.trim() || null;
  if (tagline !== before.tagline) update.tagline = tagline;
  const phone = value.phone.trim() || null;
  if (phone !== before.phone) update.phone = phone;
  const email = value.email.trim() || null;
  if (email !== before.email) update.email = email;
  const address = addressOf(value);
  if (JSON.stringify(address) !== JSON.stringify(before.address)) update.address = address;
  if (!sameHours(value.hours, before.hours)) update.hours = value.hours;
  const theme = {
    brandColour: value.brandColour.toLowerCase(),
    accentColour: value.accentColour.toLowerCase(),
  };
  if (theme.brandColour !== before.theme.brandColour || theme.accentColour !== before.theme.accentColour) {
    update.theme = theme;
  }
  if (value.customDomains.join('\n') !== before.customDomains.join('\n'))
    update.customDomains = value.customDomains;
  return update;
}

const SERVER_FIELDS: Readonly<Record<string, WebsiteField>> = {
  tagline: 'tagline',
  phone: 'phone',
  email: 'email',
  address: 'street',
  hours: 'hours',
  theme: 'brandColour',
  'theme.brandColour': 'brandColour',
  'theme.accentColour': 'accentColour',
  customDomains: 'customDomains',
};

/** `body.address.city` goes on the city, `body.hours.3.closes` on the hours, `body.customDomains.1` on the domains. */
export function applyWebsiteServerErrors(
  form: WebsiteForm,
  invalidParams: readonly InvalidParam[],
): InvalidParam[] {
  return applyInvalidParams(form, invalidParams, (name) => {
    const path = withoutBodyPrefix(name);
    const top = path.replace(/\.\d+(\..*)?$/, '');
    return addressFieldOf(path) ?? SERVER_FIELDS[path] ?? SERVER_FIELDS[top] ?? null;
  });
}

const LABELS: Readonly<Record<WebsiteField, string>> = {
  ...ADDRESS_LABELS,
  tagline: 'Tagline',
  phone: 'Phone',
  email: 'E-mail',
  hours: 'Opening hours',
  brandColour: 'Brand colour',
  accentColour: 'Accent colour',
  customDomains: 'Domains',
};

const RULES: readonly ErrorRule[] = [
  ...ADDRESS_RULES,
  (errors) => (errors['colour'] ? 'Use a colour as #RRGGBB, e.g. #1f3a5f' : null),
  (errors, label) =>
    errors['contrast']
      ? `${label} is too light: ${errors['contrast'].ratio.toFixed(1)}:1 against white, it needs ${MIN_BRAND_CONTRAST}:1. Pick a darker colour.`
      : null,
  (errors) =>
    typeof errors['domain'] === 'string'
      ? `Not a host name: ${errors['domain']}. Use one like www.example-motors.com (no https://, port or path)`
      : null,
  (errors) => (errors['tooManyDomains'] ? `At most ${MAX_CUSTOM_DOMAINS} domains` : null),
  (errors) => (errors['pattern'] ? 'Use a phone number such as (512) 555-0100 or +1 512 555 0100' : null),
  (errors) => (errors['hours'] ? 'Some days cannot be saved as they are: see the days marked' : null),
  emailMessage,
  maxLengthMessage,
];

export function websiteErrorMessage(field: WebsiteField, errors: ValidationErrors | null): string | null {
  return fieldMessage(LABELS[field], errors, RULES);
}
