import {
  type AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import type {
  AnalyticsConsentRule,
  AnalyticsSettings,
  AnalyticsSettingsInput,
  SourceCosts,
  SourceCostsInput,
} from '@showroom/contracts';
import { dollarsToCents, hasWholeCents } from '../../core/money';

/**
 * The settings page's forms and what crosses between them and the API: the sample rate is a share
 * (0.25) in the API and a percentage (25) on screen; costs are cents in the API and dollars here.
 */

export const CONSENT_EXPLANATIONS: Record<AnalyticsConsentRule, { label: string; text: string }> = {
  implied: {
    label: 'Implied consent',
    text:
      'Every visit to the website is counted unless the shopper’s browser asks not to be tracked ' +
      '(Global Privacy Control). No banner is shown.',
  },
  opt_in: {
    label: 'Opt-in',
    text:
      'The website asks each shopper first, with a banner; only visits of shoppers who accept are ' +
      'counted. Choose this where the law requires consent; the figures will be lower.',
  },
};

export function createSettingsForm() {
  return new FormGroup({
    firstResponseTargetMinutes: new FormControl(15, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(1), Validators.max(24 * 60)],
    }),
    consent: new FormControl<AnalyticsConsentRule>('implied', { nonNullable: true }),
    samplePercent: new FormControl(100, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(1), Validators.max(100)],
    }),
  });
}
export type SettingsForm = ReturnType<typeof createSettingsForm>;

export function settingsFormValue(settings: AnalyticsSettings) {
  return {
    firstResponseTargetMinutes: settings.firstResponseTargetMinutes,
    consent: settings.consent,
    // 0.1 * 100 is 10.000000000000002: round to what a person typed.
    samplePercent: Math.round(settings.sampleRate * 10_000) / 100,
  };
}

export function settingsInputOf(form: SettingsForm): AnalyticsSettingsInput {
  const value = form.getRawValue();
  return {
    firstResponseTargetMinutes: Math.round(value.firstResponseTargetMinutes),
    consent: value.consent,
    sampleRate: Math.round(value.samplePercent * 100) / 10_000,
  };
}

// ---------------------------------------------------------------------------------------------
// Monthly cost per source
// ---------------------------------------------------------------------------------------------

/** A cost in whole cents: "12.345" is a typo, not a price. */
function wholeCents(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  return value === null || hasWholeCents(value) ? null : { cents: true };
}

export function createCostRow(source = '', dollars: number | null = null, known = false) {
  return new FormGroup({
    source: new FormControl(source, {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(80)],
    }),
    dollars: new FormControl<number | null>(dollars, {
      validators: [Validators.min(0), Validators.max(10_000_000), wholeCents],
    }),
    /** A source that sent leads that month: its name is given, not typed. */
    known: new FormControl(known, { nonNullable: true }),
  });
}
export type CostRow = ReturnType<typeof createCostRow>;

/** The month's known sources first (as the service lists them), then any other source costs were entered for. */
export function costRowsOf(costs: SourceCosts): CostRow[] {
  const entered = new Map(costs.costs.map((c) => [c.source, c.costCents / 100]));
  const rows = costs.knownSources.map((source) => createCostRow(source, entered.get(source) ?? null, true));
  for (const cost of costs.costs) {
    if (!costs.knownSources.includes(cost.source))
      rows.push(createCostRow(cost.source, cost.costCents / 100));
  }
  return rows;
}

/** The month's costs as saved: rows left blank are not costs; names are trimmed as the service trims them. */
export function costsInputOf(rows: FormArray<CostRow>): SourceCostsInput {
  return {
    costs: rows
      .getRawValue()
      .filter((row) => row.dollars !== null && row.source.trim() !== '')
      .map((row) => ({ source: row.source.trim(), costCents: dollarsToCents(row.dollars ?? 0) })),
  };
}

/** Source names that appear more than once (the service takes each at most once a month). */
export function duplicateSources(rows: FormArray<CostRow>): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const row of rows.getRawValue()) {
    const name = row.source.trim().toLowerCase();
    if (!name) continue;
    if (seen.has(name)) duplicates.add(row.source.trim());
    seen.add(name);
  }
  return [...duplicates];
}

/** "2026-12" and 1 → "2027-01". */
export function shiftMonth(month: string, by: number): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const index = year * 12 + (monthNumber - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2026-12" → "December 2026". */
export function monthLabel(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}
