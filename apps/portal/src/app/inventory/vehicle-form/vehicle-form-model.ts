import {
  AbstractControl,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import {
  CURRENCIES,
  FIRST_MODEL_YEAR,
  MAX_MILEAGE,
  MAX_PRICE_CENTS,
  normalizeVin,
  vinProblem,
  type DRIVETRAINS,
  type FUEL_TYPES,
  type InvalidParam,
  type TRANSMISSIONS,
  type Vehicle,
  type VehicleCondition,
  type VehicleInput,
  type VehicleStatus,
  type VehicleUpdate,
  type VinDecodingResponse,
} from '@showroom/contracts';
import type { BodyStyle } from '../../api/vehicles-api';
import { centsToDollars, dollarsToCentsOrNull, hasWholeCents } from '../../core/money';
import {
  applyInvalidParams,
  type ErrorRule,
  fieldMessage,
  maxLengthMessage,
  requiredMessage,
} from '../../shared/form-errors';

type Drivetrain = (typeof DRIVETRAINS)[number];
type Transmission = (typeof TRANSMISSIONS)[number];
type FuelType = (typeof FUEL_TYPES)[number];
type Currency = (typeof CURRENCIES)[number];

export const MAX_MODEL_YEAR = new Date().getFullYear() + 2;
export const STOCK_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

export interface VehicleFormControls {
  vin: FormControl<string>;
  stockNumber: FormControl<string>;
  condition: FormControl<VehicleCondition>;
  status: FormControl<VehicleStatus>;
  year: FormControl<number | null>;
  make: FormControl<string>;
  model: FormControl<string>;
  trim: FormControl<string>;
  bodyStyle: FormControl<BodyStyle | null>;
  drivetrain: FormControl<Drivetrain | null>;
  transmission: FormControl<Transmission | null>;
  fuelType: FormControl<FuelType | null>;
  engine: FormControl<string>;
  exteriorColor: FormControl<string>;
  interiorColor: FormControl<string>;
  mileage: FormControl<number | null>;
  /** Dollars, as the dealer types them; sent as `priceCents`. */
  price: FormControl<number | null>;
  msrp: FormControl<number | null>;
  currency: FormControl<Currency>;
  description: FormControl<string>;
  /** "Show on website": on the dealership's website and feeds, or in the portal only. */
  published: FormControl<boolean>;
  /** What the dealership paid, in dollars; sent as `costCents`. Never shown to shoppers. */
  cost: FormControl<number | null>;
  /** The team's own notes. Never shown to shoppers. */
  internalNotes: FormControl<string>;
}
export type VehicleForm = FormGroup<VehicleFormControls>;
export type VehicleFormValue = ReturnType<VehicleForm['getRawValue']>;
export type VehicleField = keyof VehicleFormControls;

/** The VIN as the contracts check it: length, letters (no I, O, Q) and check digit. */
export function vinValidator(control: AbstractControl<string>): ValidationErrors | null {
  const vin = normalizeVin(control.value ?? '');
  if (vin === '') return null;
  const problem = vinProblem(vin);
  return problem ? { vin: problem } : null;
}

function wholeNumber(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  return value === null || Number.isInteger(value) ? null : { wholeNumber: true };
}

function dollarAmount(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  return value === null || hasWholeCents(value) ? null : { cents: true };
}

export function createVehicleForm(fb: NonNullableFormBuilder): VehicleForm {
  const maxDollars = MAX_PRICE_CENTS / 100;
  return fb.group({
    vin: fb.control('', [Validators.required, vinValidator]),
    stockNumber: fb.control('', [
      Validators.required,
      Validators.maxLength(20),
      Validators.pattern(STOCK_NUMBER_PATTERN),
    ]),
    condition: fb.control<VehicleCondition>('used', Validators.required),
    status: fb.control<VehicleStatus>('available', Validators.required),
    year: fb.control<number | null>(null, [
      Validators.required,
      Validators.min(FIRST_MODEL_YEAR),
      Validators.max(MAX_MODEL_YEAR),
      wholeNumber,
    ]),
    make: fb.control('', [Validators.required, Validators.maxLength(40)]),
    model: fb.control('', [Validators.required, Validators.maxLength(60)]),
    trim: fb.control('', Validators.maxLength(60)),
    bodyStyle: fb.control<BodyStyle | null>(null),
    drivetrain: fb.control<Drivetrain | null>(null),
    transmission: fb.control<Transmission | null>(null),
    fuelType: fb.control<FuelType | null>(null),
    engine: fb.control('', Validators.maxLength(80)),
    exteriorColor: fb.control('', Validators.maxLength(40)),
    interiorColor: fb.control('', Validators.maxLength(40)),
    mileage: fb.control<number | null>(null, [
      Validators.required,
      Validators.min(0),
      Validators.max(MAX_MILEAGE),
      wholeNumber,
    ]),
    price: fb.control<number | null>(null, [Validators.min(0), Validators.max(maxDollars), dollarAmount]),
    msrp: fb.control<number | null>(null, [Validators.min(0), Validators.max(maxDollars), dollarAmount]),
    currency: fb.control<Currency>('USD'),
    description: fb.control('', Validators.maxLength(5000)),
    published: fb.control(true),
    cost: fb.control<number | null>(null, [Validators.min(0), Validators.max(maxDollars), dollarAmount]),
    internalNotes: fb.control('', Validators.maxLength(2000)),
  });
}

export function formValueFromVehicle(vehicle: Vehicle): VehicleFormValue {
  return {
    vin: vehicle.vin,
    stockNumber: vehicle.stockNumber,
    condition: vehicle.condition,
    status: vehicle.status,
    year: vehicle.year,
    make: vehicle.make,
    model: vehicle.model,
    trim: vehicle.trim ?? '',
    bodyStyle: vehicle.bodyStyle,
    drivetrain: vehicle.drivetrain,
    transmission: vehicle.transmission,
    fuelType: vehicle.fuelType,
    engine: vehicle.engine ?? '',
    exteriorColor: vehicle.exteriorColor ?? '',
    interiorColor: vehicle.interiorColor ?? '',
    mileage: vehicle.mileage,
    price: vehicle.priceCents === null ? null : centsToDollars(vehicle.priceCents),
    msrp: vehicle.msrpCents === null ? null : centsToDollars(vehicle.msrpCents),
    currency: vehicle.currency,
    description: vehicle.description ?? '',
    published: vehicle.published,
    cost: vehicle.costCents === null ? null : centsToDollars(vehicle.costCents),
    internalNotes: vehicle.internalNotes ?? '',
  };
}

const optionalText = (value: string): string | null => value.trim() || null;

/** The create request. Only called on a valid form, so required numbers are present. */
export function vehicleInputFromForm(value: VehicleFormValue): VehicleInput {
  return {
    vin: normalizeVin(value.vin),
    stockNumber: value.stockNumber.trim(),
    condition: value.condition,
    status: value.status,
    year: value.year ?? 0,
    make: value.make.trim(),
    model: value.model.trim(),
    trim: optionalText(value.trim),
    bodyStyle: value.bodyStyle,
    drivetrain: value.drivetrain,
    transmission: value.transmission,
    fuelType: value.fuelType,
    engine: optionalText(value.engine),
    exteriorColor: optionalText(value.exteriorColor),
    interiorColor: optionalText(value.interiorColor),
    mileage: value.mileage ?? 0,
    priceCents: dollarsToCentsOrNull(value.price),
    msrpCents: dollarsToCentsOrNull(value.msrp),
    currency: value.currency,
    description: optionalText(value.description),
    published: value.published,
    costCents: dollarsToCentsOrNull(value.cost),
    internalNotes: optionalText(value.internalNotes),
  };
}

/**
 * The edit request: only the fields the dealer changed, so an edit never resends (and so
 * overwrites) fields it did not touch. Empty when nothing changed.
 */
export function vehicleUpdateFromForm(value: VehicleFormValue, original: Vehicle): VehicleUpdate {
  const next = vehicleInputFromForm(value);
  const before: VehicleInput = {
    vin: original.vin,
    stockNumber: original.stockNumber,
    condition: original.condition,
    status: original.status,
    year: original.year,
    make: original.make,
    model: original.model,
    trim: original.trim,
    bodyStyle: original.bodyStyle,
    drivetrain: original.drivetrain,
    transmission: original.transmission,
    fuelType: original.fuelType,
    engine: original.engine,
    exteriorColor: original.exteriorColor,
    interiorColor: original.interiorColor,
    mileage: original.mileage,
    priceCents: original.priceCents,
    msrpCents: original.msrpCents,
    currency: original.currency,
    description: original.description,
    published: original.published,
    costCents: original.costCents,
    internalNotes: original.internalNotes,
  };
  const update: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof VehicleInput)[]) {
    if (next[key] !== before[key]) update[key] = next[key];
  }
  return update as VehicleUpdate;
}

/** Server field names (dotted paths) that are named differently in the form. */
const SERVER_FIELDS: Record<string, VehicleField> = {
  priceCents: 'price',
  'price.amountCents': 'price',
  msrpCents: 'msrp',
  'msrp.amountCents': 'msrp',
  costCents: 'cost',
};

/**
 * Puts each of the service's `invalidParams` on the control it is about, as a `server` error the
 * field shows until the dealer edits it. Returns the ones that match no field (shown above the form).
 */
export function applyServerErrors(form: VehicleForm, invalidParams: readonly InvalidParam[]): InvalidParam[] {
  return applyInvalidParams(form, invalidParams, (name) => SERVER_FIELDS[name] ?? name.split('.')[0]);
}

/**
 * Fills year and make from a decoded VIN, but only where the dealer has not typed anything:
 * the dealer knows the car in front of them better than a lookup table.
 */
export function prefillFromVin(form: VehicleForm, decoding: VinDecodingResponse): VehicleField[] {
  const filled: VehicleField[] = [];
  const { year, make } = form.controls;
  if (decoding.modelYear !== null && year.value === null) {
    year.setValue(decoding.modelYear);
    filled.push('year');
  }
  if (decoding.make && make.value.trim() === '') {
    make.setValue(decoding.make);
    filled.push('make');
  }
  return filled;
}

/** What the portal calls each vehicle field (the form's labels, the import's mapping table). */
export const VEHICLE_FIELD_LABELS: Record<VehicleField, string> = {
  vin: 'VIN',
  stockNumber: 'Stock number',
  condition: 'Condition',
  status: 'Status',
  year: 'Year',
  make: 'Make',
  model: 'Model',
  trim: 'Trim',
  bodyStyle: 'Body style',
  drivetrain: 'Drivetrain',
  transmission: 'Transmission',
  fuelType: 'Fuel',
  engine: 'Engine',
  exteriorColor: 'Exterior color',
  interiorColor: 'Interior color',
  mileage: 'Mileage',
  price: 'Price',
  msrp: 'MSRP',
  currency: 'Currency',
  description: 'Description',
  published: 'Show on website',
  cost: 'Cost',
  internalNotes: 'Internal notes',
};

const RULES: readonly ErrorRule[] = [
  requiredMessage,
  // The contracts phrase VIN problems as predicates: "must be 17 characters (got 12)".
  (errors) => (typeof errors['vin'] === 'string' ? `VIN ${errors['vin']}` : null),
  (errors, label) => (errors['min'] ? `${label} must be at least ${errors['min'].min}` : null),
  (errors, label) =>
    errors['max'] ? `${label} must be at most ${errors['max'].max.toLocaleString('en-US')}` : null,
  maxLengthMessage,
  (errors, label) =>
    errors['pattern'] ? `${label}: letters, digits and dashes only, starting with a letter or digit` : null,
  (errors, label) => (errors['wholeNumber'] ? `${label} must be a whole number` : null),
  (errors, label) => (errors['cents'] ? `${label} can have at most two decimals` : null),
];

/** The one message a field shows; the server's reason wins, it knows what it refused. */
export function errorMessage(field: VehicleField, errors: ValidationErrors | null): string | null {
  return fieldMessage(VEHICLE_FIELD_LABELS[field], errors, RULES);
}
