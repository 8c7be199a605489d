import { z } from 'zod';
import { decodeVin, normalizeVin, vinProblem } from './vin';
import { PhotoVariantUrlsSchema } from './vehicle-photos';
import {
  BODY_STYLES,
  CURRENCIES,
  DRIVETRAINS,
  FIRST_MODEL_YEAR,
  FUEL_TYPES,
  MAX_MILEAGE,
  MAX_PRICE_CENTS,
  TRANSMISSIONS,
  VEHICLE_CONDITIONS,
  VEHICLE_STATUSES,
} from './vehicle-options';

/** Scope of a service's machine token to look vehicles up (leads resolving a VIN or stock number). */
export const READ_INVENTORY_SCOPE = 'read:inventory';

export const VehicleConditionSchema = z.enum(VEHICLE_CONDITIONS);
export const VehicleStatusSchema = z.enum(VEHICLE_STATUSES);

/** A VIN as a dealer types it: trimmed and upper-cased, then checked (length, letters, check digit). */
export const VinSchema = z
  .string()
  .transform(normalizeVin)
  .superRefine((vin, ctx) => {
    const problem = vinProblem(vin);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const cents = z.int().min(0).max(MAX_PRICE_CENTS);

const vehicleFields = {
  vin: VinSchema,
  stockNumber: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'letters, digits and dashes only'),
  condition: VehicleConditionSchema,
  year: z
    .int()
    .min(FIRST_MODEL_YEAR)
    .max(new Date().getUTCFullYear() + 2),
  make: text(40),
  model: text(60),
  trim: optionalText(60),
  bodyStyle: z.enum(BODY_STYLES).nullable().optional(),
  drivetrain: z.enum(DRIVETRAINS).nullable().optional(),
  transmission: z.enum(TRANSMISSIONS).nullable().optional(),
  fuelType: z.enum(FUEL_TYPES).nullable().optional(),
  engine: optionalText(80),
  exteriorColor: optionalText(40),
  interiorColor: optionalText(40),
  mileage: z.int().min(0).max(MAX_MILEAGE),
  priceCents: cents.nullable().optional(),
  msrpCents: cents.nullable().optional(),
  currency: z.enum(CURRENCIES).optional(),
  status: VehicleStatusSchema.optional(),
  description: z.string().trim().max(5000).nullable().optional(),
  /** Shown on the dealership's website and in its feeds; false keeps it in the portal only. */
  published: z.boolean().optional(),
  /** What the dealership paid: the portal's alone, never on a website, feed or search index. */
  costCents: cents.nullable().optional(),
  /** The team's own notes: the portal's alone, like the cost. */
  internalNotes: z.string().trim().max(2000).nullable().optional(),
};

/** The model year must be one the VIN's 10th character can stand for. */
function checkYearAgainstVin(value: { vin?: string; year?: number }, ctx: z.RefinementCtx): void {
  if (value.vin === undefined || value.year === undefined || vinProblem(value.vin)) return;
  const { candidateModelYears } = decodeVin(value.vin);
  if (candidateModelYears.length > 0 && !candidateModelYears.includes(value.year)) {
    ctx.addIssue({
      code: 'custom',
      path: ['year'],
      message: `the VIN's model-year code stands for ${candidateModelYears.join(' or ')}, not ${value.year}`,
    });
  }
}

export const VehicleInputSchema = z.strictObject(vehicleFields).superRefine(checkYearAgainstVin);
export type VehicleInput = z.input<typeof VehicleInputSchema>;
export type VehicleInputParsed = z.output<typeof VehicleInputSchema>;

/** A partial edit; `vin` and `year` are checked together when both are known. */
export const VehicleUpdateSchema = z
  .strictObject(vehicleFields)
  .partial()
  .refine((update) => Object.keys(update).length > 0, { message: 'send at least one field to change' });
export type VehicleUpdate = z.input<typeof VehicleUpdateSchema>;
export type VehicleUpdateParsed = z.output<typeof VehicleUpdateSchema>;
export { checkYearAgainstVin };

export const VehicleSchema = z.object({
  id: z.uuid(),
  dealershipId: z.uuid(),
  vin: z.string(),
  stockNumber: z.string(),
  condition: VehicleConditionSchema,
  year: z.int(),
  make: z.string(),
  model: z.string(),
  trim: z.string().nullable(),
  bodyStyle: z.enum(BODY_STYLES).nullable(),
  drivetrain: z.enum(DRIVETRAINS).nullable(),
  transmission: z.enum(TRANSMISSIONS).nullable(),
  fuelType: z.enum(FUEL_TYPES).nullable(),
  engine: z.string().nullable(),
  exteriorColor: z.string().nullable(),
  interiorColor: z.string().nullable(),
  mileage: z.int(),
  priceCents: z.int().nullable(),
  msrpCents: z.int().nullable(),
  currency: z.enum(CURRENCIES),
  status: VehicleStatusSchema,
  description: z.string().nullable(),
  published: z.boolean(),
  costCents: z.int().nullable(),
  internalNotes: z.string().nullable(),
  daysInStock: z.int(),
  /** The photo shown in lists and cards; null until the vehicle has one. */
  // Defaults: a reader of an inventory from before photos (a rolling deploy) still parses it.
  heroPhoto: PhotoVariantUrlsSchema.nullable().default(null),
  photoCount: z.int().default(0),
  version: z.int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Vehicle = z.infer<typeof VehicleSchema>;

export const StockNumberSuggestionSchema = z.object({ stockNumber: z.string() });
export type StockNumberSuggestion = z.infer<typeof StockNumberSuggestionSchema>;

export const VinDecodingSchema = z.object({
  vin: z.string(),
  valid: z.boolean(),
  problem: z.string().nullable(),
  wmi: z.string().nullable(),
  manufacturer: z.string().nullable(),
  make: z.string().nullable(),
  country: z.string().nullable(),
  modelYear: z.int().nullable(),
  candidateModelYears: z.array(z.int()),
  /** Set when this dealership already has a vehicle with this VIN. */
  existingVehicleId: z.uuid().nullable(),
});
export type VinDecodingResponse = z.infer<typeof VinDecodingSchema>;
