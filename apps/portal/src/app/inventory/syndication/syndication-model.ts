import {
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import {
  EXCLUSION_REASON_TEXT,
  type ExclusionReason,
  type InvalidParam,
  type PriceHistoryEntry,
  type SyndicationChannel,
  type SyndicationSettings,
  type SyndicationSettingsInput,
} from '@showroom/contracts';
import {
  applyInvalidParams,
  type ErrorRule,
  fieldMessage,
  maxLengthMessage,
  requiredMessage,
  withoutBodyPrefix,
} from '../../shared/form-errors';

/**
 * Spelled out here rather than imported: the contracts' constants live in the schema module, and
 * importing their values would pull zod into the portal. The types keep the lists equal.
 */
export const CHANNELS: readonly SyndicationChannel[] = ['google', 'meta', 'marketplace'];

export const CHANNEL_NAMES: Record<SyndicationChannel, string> = {
  google: 'Google vehicle listings',
  meta: 'Meta automotive catalog',
  marketplace: 'Marketplaces (CSV)',
};

export const CHANNEL_HELP: Record<SyndicationChannel, string> = {
  google: 'Tab-delimited feed for Google Merchant Center vehicle ads and vehicle listings.',
  meta: 'CSV and XML feeds for a Meta (Facebook, Instagram) automotive catalog.',
  marketplace: 'A CSV file for marketplaces that take an inventory file.',
};

/** Why a vehicle was left out of a feed, in the service's words (one list for the API and the portal). */
export const REASON_TEXT: Record<ExclusionReason, string> = EXCLUSION_REASON_TEXT;

export interface SyndicationControls {
  google: FormControl<boolean>;
  meta: FormControl<boolean>;
  marketplace: FormControl<boolean>;
  requirePrice: FormControl<boolean>;
  minPhotos: FormControl<number>;
  requireDescription: FormControl<boolean>;
  storeCode: FormControl<string>;
  street: FormControl<string>;
  city: FormControl<string>;
  region: FormControl<string>;
  postalCode: FormControl<string>;
  country: FormControl<string>;
  websiteBaseUrl: FormControl<string>;
}
export type SyndicationForm = FormGroup<SyndicationControls>;
export type SyndicationField = keyof SyndicationControls;

export function createSyndicationForm(fb: NonNullableFormBuilder): SyndicationForm {
  return fb.group({
    google: fb.control(false),
    meta: fb.control(false),
    marketplace: fb.control(false),
    requirePrice: fb.control(true),
    minPhotos: fb.control(1, [Validators.required, Validators.min(0), Validators.max(60)]),
    requireDescription: fb.control(false),
    storeCode: fb.control('', [Validators.maxLength(64), Validators.pattern(/^[A-Za-z0-9_.-]*$/)]),
    street: fb.control('', Validators.maxLength(120)),
    city: fb.control('', Validators.maxLength(80)),
    region: fb.control('', Validators.maxLength(80)),
    postalCode: fb.control('', Validators.maxLength(20)),
    country: fb.control('US', [Validators.required, Validators.pattern(/^[A-Za-z]{2}$/)]),
    websiteBaseUrl: fb.control('', [Validators.maxLength(200), Validators.pattern(/^(https?:\/\/\S+)?$/)]),
  });
}

export function formValueFromSettings(
  settings: SyndicationSettings,
): ReturnType<SyndicationForm['getRawValue']> {
  return {
    ...settings.channels,
    ...settings.webReady,
    storeCode: settings.storeCode ?? '',
    street: settings.address.street ?? '',
    city: settings.address.city ?? '',
    region: settings.address.region ?? '',
    postalCode: settings.address.postalCode ?? '',
    country: settings.address.country,
    websiteBaseUrl: settings.websiteBaseUrl ?? '',
  };
}

/** The whole settings (the service replaces them); empty text becomes null. */
export function settingsFromForm(form: SyndicationForm): SyndicationSettingsInput {
  const v = form.getRawValue();
  const text = (value: string) => value.trim() || null;
  return {
    channels: { google: v.google, meta: v.meta, marketplace: v.marketplace },
    webReady: {
      requirePrice: v.requirePrice,
      minPhotos: Number(v.minPhotos),
      requireDescription: v.requireDescription,
    },
    storeCode: text(v.storeCode),
    address: {
      street: text(v.street),
      city: text(v.city),
      region: text(v.region),
      postalCode: text(v.postalCode),
      country: v.country.trim().toUpperCase(),
    },
    websiteBaseUrl: text(v.websiteBaseUrl),
  };
}

const SERVER_FIELDS: Record<string, SyndicationField> = {
  'channels.google': 'google',
  'channels.meta': 'meta',
  'channels.marketplace': 'marketplace',
  'webReady.requirePrice': 'requirePrice',
  'webReady.minPhotos': 'minPhotos',
  'webReady.requireDescription': 'requireDescription',
  storeCode: 'storeCode',
  'address.street': 'street',
  'address.city': 'city',
  'address.region': 'region',
  'address.postalCode': 'postalCode',
  'address.country': 'country',
  websiteBaseUrl: 'websiteBaseUrl',
};

/** `body.address.country` goes on the country field; what no field takes is returned. */
export function applyServerErrors(
  form: SyndicationForm,
  invalidParams: readonly InvalidParam[],
): InvalidParam[] {
  return applyInvalidParams(form, invalidParams, (name) => SERVER_FIELDS[withoutBodyPrefix(name)] ?? null);
}

/** 1536 → "1.5 kB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** One line of a price history as the card shows it. */
export interface PriceStep {
  at: string;
  fromCents: number | null;
  toCents: number | null;
  currency: string;
  /** Positive when the price went up; null when either side has no price. */
  changeCents: number | null;
  kind: 'first' | 'drop' | 'rise' | 'removed';
  source: PriceHistoryEntry['source'];
}

/** Newest first, each with its change. */
export function priceSteps(entries: readonly PriceHistoryEntry[]): PriceStep[] {
  return entries
    .map((entry): PriceStep => {
      const changeCents =
        entry.fromCents === null || entry.toCents === null ? null : entry.toCents - entry.fromCents;
      return {
        at: entry.changedAt,
        fromCents: entry.fromCents,
        toCents: entry.toCents,
        currency: entry.currency,
        changeCents,
        kind:
          entry.toCents === null
            ? 'removed'
            : entry.fromCents === null
              ? 'first'
              : (changeCents ?? 0) < 0
                ? 'drop'
                : 'rise',
        source: entry.source,
      };
    })
    .reverse();
}

const LABELS: Record<SyndicationField, string> = {
  google: 'Google',
  meta: 'Meta',
  marketplace: 'Marketplaces',
  requirePrice: 'Price required',
  minPhotos: 'Photos needed',
  requireDescription: 'Description required',
  storeCode: 'Store code',
  street: 'Street',
  city: 'City',
  region: 'State or region',
  postalCode: 'Postal code',
  country: 'Country',
  websiteBaseUrl: 'Website',
};

const RULES: readonly ErrorRule[] = [
  requiredMessage,
  maxLengthMessage,
  (errors, label) => (errors['min'] || errors['max'] ? `${label}: 0 to 60` : null),
  (errors, label) =>
    errors['pattern']
      ? label === 'Country'
        ? 'Two letters, e.g. US'
        : label === 'Website'
          ? 'An address starting with https://'
          : 'Letters, digits, dot, dash and underscore only'
      : null,
];

/** The one message a field shows. */
export function errorMessage(field: SyndicationField, errors: ValidationErrors | null): string | null {
  return fieldMessage(LABELS[field], errors, RULES);
}
