import {
  FIRST_MODEL_YEAR,
  MAX_MILEAGE,
  type DealTradeIn,
  type TradeCondition,
  type TradeInInput,
} from '@showroom/contracts';
import { centsOfDollars, dollarsOfCents } from '../retail/deal-structure';

/** The trade-in form as typed. */
export interface TradeInValues {
  /** Identify the car by its VIN, or by year, make and model. */
  identify: 'vin' | 'details';
  vin: string;
  year: string;
  make: string;
  model: string;
  trim: string;
  mileage: string;
  overall: TradeCondition | '';
  accidents: boolean;
  mechanicalIssues: boolean;
  warningLights: boolean;
  keys: string;
  payoff: string;
  lender: string;
}
export type TradeInField =
  'vin' | 'year' | 'make' | 'model' | 'trim' | 'mileage' | 'overall' | 'keys' | 'payoff' | 'lender';
export type TradeInErrors = Partial<Record<TradeInField, string>>;

export const TRADE_IN_FIELDS: TradeInField[] = [
  'vin',
  'year',
  'make',
  'model',
  'trim',
  'mileage',
  'overall',
  'keys',
  'payoff',
  'lender',
];

export const MAX_TRADE_PHOTOS = 8;
export const MAX_TRADE_PHOTO_BYTES = 10 * 1024 * 1024;

export const EMPTY_TRADE_IN: TradeInValues = {
  identify: 'vin',
  vin: '',
  year: '',
  make: '',
  model: '',
  trim: '',
  mileage: '',
  overall: '',
  accidents: false,
  mechanicalIssues: false,
  warningLights: false,
  keys: '2',
  payoff: '',
  lender: '',
};

/** The form filled from a trade-in already on the deal (to change it). */
export function tradeInValuesOf(trade: DealTradeIn): TradeInValues {
  return {
    identify: trade.vin ? 'vin' : 'details',
    vin: trade.vin ?? '',
    year: String(trade.year),
    make: trade.make,
    model: trade.model ?? '',
    trim: trade.trim ?? '',
    mileage: String(trade.mileage),
    overall: trade.condition.overall,
    accidents: trade.condition.accidents,
    mechanicalIssues: trade.condition.mechanicalIssues,
    warningLights: trade.condition.warningLights,
    keys: String(trade.condition.keys),
    payoff: trade.payoffCents > 0 ? dollarsOfCents(trade.payoffCents) : '',
    lender: trade.lender ?? '',
  };
}

const wholeNumber = (text: string) => {
  const digits = text.replace(/[\s,]/g, '');
  return /^\d{1,9}$/.test(digits) ? Number(digits) : null;
};
const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;
const normalVin = (text: string) => text.replace(/[\s-]/g, '').toUpperCase();

/** The checks worth making before a round trip (the VIN's check digit is the API's to judge). */
export function checkTradeIn(values: TradeInValues, thisYear: number): TradeInErrors {
  const errors: TradeInErrors = {};
  if (values.identify === 'vin') {
    if (!VIN.test(normalVin(values.vin)))
      errors.vin =
        'Enter the 17 characters of the VIN (no I, O or Q), or give the year, make and model instead.';
  } else {
    const year = wholeNumber(values.year);
    if (year === null || year < FIRST_MODEL_YEAR || year > thisYear + 1)
      errors.year = `Enter the model year, ${FIRST_MODEL_YEAR} to ${thisYear + 1}.`;
    if (!values.make.trim()) errors.make = 'Enter the make, e.g. Honda.';
    if (!values.model.trim()) errors.model = 'Enter the model, e.g. Civic.';
  }
  const mileage = wholeNumber(values.mileage);
  if (mileage === null || mileage > MAX_MILEAGE)
    errors.mileage = 'Enter the mileage as a number, e.g. 48000.';
  if (!values.overall) errors.overall = 'Choose the condition that fits best.';
  if (centsOfDollars(values.payoff) === null)
    errors.payoff = 'Enter the amount in dollars, e.g. 6500, or leave it empty.';
  return errors;
}

const present = (text: string) => text.trim() || undefined;

export function tradeInInputOf(values: TradeInValues): TradeInInput {
  const lender = present(values.lender);
  const trim = present(values.trim);
  const identity =
    values.identify === 'vin'
      ? { vin: normalVin(values.vin) }
      : {
          year: wholeNumber(values.year) ?? 0,
          make: values.make.trim(),
          model: values.model.trim(),
          ...(trim ? { trim } : {}),
        };
  return {
    ...identity,
    mileage: wholeNumber(values.mileage) ?? 0,
    condition: {
      overall: values.overall || 'good',
      accidents: values.accidents,
      mechanicalIssues: values.mechanicalIssues,
      warningLights: values.warningLights,
      keys: Number(values.keys),
    },
    payoffCents: centsOfDollars(values.payoff) ?? 0,
    ...(lender ? { lender } : {}),
  };
}

/** The API's names (body paths) → the form's fields. */
export function tradeInFieldOf(name: string): TradeInField | null {
  if (name === 'condition.overall') return 'overall';
  if (name === 'condition.keys') return 'keys';
  if (name === 'payoffCents') return 'payoff';
  return (TRADE_IN_FIELDS as string[]).includes(name) ? (name as TradeInField) : null;
}

/** Why a chosen photo cannot go, or null; `already`: photos the trade-in has. */
export function photoProblem(files: readonly File[], already: number): string | null {
  if (already + files.length > MAX_TRADE_PHOTOS)
    return `A trade-in takes up to ${MAX_TRADE_PHOTOS} photos: choose ${Math.max(0, MAX_TRADE_PHOTOS - already)} or fewer.`;
  const big = files.find((file) => file.size > MAX_TRADE_PHOTO_BYTES);
  if (big) return `${big.name} is larger than 10 MB: choose a smaller photo.`;
  const other = files.find((file) => file.type && !file.type.startsWith('image/'));
  if (other) return `${other.name} is not a photo: choose JPEG, PNG, WebP or HEIC pictures.`;
  return null;
}
