import {
  type FormArray,
  type FormControl,
  type FormGroup,
  type NonNullableFormBuilder,
  Validators,
} from '@angular/forms';
import type { CreditTier, RetailSettings, RetailSettingsUpdate } from '@showroom/contracts';
import { LEASE_TERMS } from '@showroom/contracts';
import { moneyFactorToAprBps } from '@showroom/retail-payments';
import { centsToDollars, dollarsToCents } from '../core/money';
import { CREDIT_TIER_LABELS, CREDIT_TIER_OPTIONS } from '../deals/shared/deal-labels';

/**
 * The retail settings form: fees in dollars, rates in percent, a lease's money factor as dealers
 * quote it (0.00125, its APR equivalent shown beside it), one row per credit tier and per lease term
 * (a tier or term left out is not offered). `settingsUpdateFrom` gives the contract's update.
 */

export type LeaseTerm = (typeof LEASE_TERMS)[number];

export interface TierControls {
  tier: FormControl<CreditTier>;
  offered: FormControl<boolean>;
  label: FormControl<string>;
  aprPercent: FormControl<number>;
  moneyFactor: FormControl<number>;
}

export interface ResidualControls {
  termMonths: FormControl<LeaseTerm>;
  /** Percent of MSRP; null: no lease of that term. */
  residualPercent: FormControl<number | null>;
}

export interface RetailTermsControls {
  documentation: FormControl<number>;
  title: FormControl<number>;
  registration: FormControl<number>;
  leaseAcquisition: FormControl<number>;
  salesTaxPercent: FormControl<number>;
  tradeReducesTaxable: FormControl<boolean>;
  feesTaxable: FormControl<boolean>;
  productsTaxable: FormControl<boolean>;
  leaseTax: FormControl<'monthly' | 'upfront'>;
  tiers: FormArray<FormGroup<TierControls>>;
  residuals: FormArray<FormGroup<ResidualControls>>;
  deposit: FormControl<number>;
  holdHours: FormControl<number>;
  retentionDays: FormControl<number>;
}
export type RetailTermsForm = FormGroup<RetailTermsControls>;

const fee = [Validators.required, Validators.min(0), Validators.max(5_000)];

export function createRetailTermsForm(fb: NonNullableFormBuilder): RetailTermsForm {
  return fb.group({
    documentation: fb.control(0, fee),
    title: fb.control(0, fee),
    registration: fb.control(0, fee),
    leaseAcquisition: fb.control(0, fee),
    salesTaxPercent: fb.control(0, [Validators.required, Validators.min(0), Validators.max(20)]),
    tradeReducesTaxable: fb.control(true),
    feesTaxable: fb.control(false),
    productsTaxable: fb.control(false),
    leaseTax: fb.control<'monthly' | 'upfront'>('monthly'),
    tiers: fb.array(
      CREDIT_TIER_OPTIONS.map((tier) =>
        fb.group({
          tier: fb.control(tier),
          offered: fb.control(false),
          label: fb.control(CREDIT_TIER_LABELS[tier], [Validators.required, Validators.maxLength(40)]),
          aprPercent: fb.control(0, [Validators.required, Validators.min(0), Validators.max(30)]),
          moneyFactor: fb.control(0, [Validators.required, Validators.min(0), Validators.max(0.01)]),
        }),
      ),
    ),
    residuals: fb.array(
      LEASE_TERMS.map((termMonths) =>
        fb.group({
          termMonths: fb.control<LeaseTerm>(termMonths),
          residualPercent: fb.control<number | null>(null, [Validators.min(10), Validators.max(90)]),
        }),
      ),
    ),
    deposit: fb.control(0, [Validators.required, Validators.min(0), Validators.max(10_000)]),
    holdHours: fb.control(48, [Validators.required, Validators.min(1), Validators.max(168)]),
    retentionDays: fb.control(90, [Validators.required, Validators.min(1), Validators.max(365)]),
  });
}

export function formValueFromSettings(settings: RetailSettings): ReturnType<RetailTermsForm['getRawValue']> {
  return {
    documentation: centsToDollars(settings.fees.documentationCents),
    title: centsToDollars(settings.fees.titleCents),
    registration: centsToDollars(settings.fees.registrationCents),
    leaseAcquisition: centsToDollars(settings.fees.leaseAcquisitionCents),
    salesTaxPercent: settings.tax.salesTaxBps / 100,
    tradeReducesTaxable: settings.tax.tradeReducesTaxable,
    feesTaxable: settings.tax.feesTaxable,
    productsTaxable: settings.tax.productsTaxable,
    leaseTax: settings.tax.leaseTax,
    tiers: CREDIT_TIER_OPTIONS.map((tier) => {
      const terms = settings.creditTiers.find((entry) => entry.tier === tier);
      return {
        tier,
        offered: terms !== undefined,
        label: terms?.label ?? CREDIT_TIER_LABELS[tier],
        aprPercent: terms ? terms.financeAprBps / 100 : 0,
        moneyFactor: terms?.leaseMoneyFactor ?? 0,
      };
    }),
    residuals: LEASE_TERMS.map((termMonths) => {
      const residual = settings.leaseResiduals.find((entry) => entry.termMonths === termMonths);
      return { termMonths, residualPercent: residual ? residual.residualBps / 100 : null };
    }),
    deposit: centsToDollars(settings.reservation.depositCents),
    holdHours: settings.reservation.holdHours,
    retentionDays: settings.creditApplicationRetentionDays,
  };
}

/** 6.25 → 625. */
function percentToBps(percent: number): number {
  return Math.round(percent * 100);
}

export function settingsUpdateFrom(form: RetailTermsForm): RetailSettingsUpdate {
  const value = form.getRawValue();
  return {
    fees: {
      documentationCents: dollarsToCents(value.documentation),
      titleCents: dollarsToCents(value.title),
      registrationCents: dollarsToCents(value.registration),
      leaseAcquisitionCents: dollarsToCents(value.leaseAcquisition),
    },
    tax: {
      salesTaxBps: percentToBps(value.salesTaxPercent),
      tradeReducesTaxable: value.tradeReducesTaxable,
      feesTaxable: value.feesTaxable,
      productsTaxable: value.productsTaxable,
      leaseTax: value.leaseTax,
    },
    creditTiers: value.tiers
      .filter((tier) => tier.offered)
      .map((tier) => ({
        tier: tier.tier,
        label: tier.label.trim(),
        financeAprBps: percentToBps(tier.aprPercent),
        leaseMoneyFactor: tier.moneyFactor,
      })),
    leaseResiduals: value.residuals
      .filter(
        (row): row is { termMonths: LeaseTerm; residualPercent: number } => row.residualPercent !== null,
      )
      .map((row) => ({ termMonths: row.termMonths, residualBps: percentToBps(row.residualPercent) })),
    reservation: { depositCents: dollarsToCents(value.deposit), holdHours: value.holdHours },
    creditApplicationRetentionDays: value.retentionDays,
  };
}

/** 0.00125 → "3.00%": what a money factor means as a rate. */
export function moneyFactorAsApr(moneyFactor: number | null): string {
  if (moneyFactor === null || !Number.isFinite(moneyFactor)) return '';
  return `${(moneyFactorToAprBps(moneyFactor) / 100).toFixed(2)}%`;
}
