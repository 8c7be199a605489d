import { z } from 'zod';
import { PhotoVariantUrlsSchema } from './vehicle-photos';
import { csvOf, csvOfText, queryInt } from './query-params';
import {
  BODY_STYLES,
  DRIVETRAINS,
  FIRST_MODEL_YEAR,
  FUEL_TYPES,
  MAX_MILEAGE,
  MAX_PAGE_SIZE,
  MAX_PRICE_CENTS,
  MAX_SEARCH_TEXT,
  RANGE_FACETS,
  SEARCH_FACETS,
  VALUE_FACETS,
  VEHICLE_CONDITIONS,
  VEHICLE_SORTS,
  VEHICLE_STATUSES,
} from './vehicle-options';
import { VehicleSchema } from './vehicles';

/** Control characters and runs of spaces are cut from what a searcher types; the rest is kept. */
const searchText = z
  .string()
  .max(MAX_SEARCH_TEXT * 2, `at most ${MAX_SEARCH_TEXT} characters`)
  .transform((raw) =>
    raw
      // eslint-disable-next-line no-control-regex -- stripping control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  )
  .pipe(z.string().max(MAX_SEARCH_TEXT, `at most ${MAX_SEARCH_TEXT} characters`))
  .transform((text) => (text === '' ? undefined : text));

/** Free-text facet values (make, model, colour): comma-separated, each 1–60 characters, at most 20. */
const csvText = csvOfText(60, 20);

const shopperFilters = {
  q: searchText.optional(),
  condition: csvOf(VEHICLE_CONDITIONS).optional(),
  bodyStyle: csvOf(BODY_STYLES).optional(),
  drivetrain: csvOf(DRIVETRAINS).optional(),
  fuelType: csvOf(FUEL_TYPES).optional(),
  make: csvText.optional(),
  model: csvText.optional(),
  exteriorColor: csvText.optional(),
  yearMin: queryInt(FIRST_MODEL_YEAR, 2100).optional(),
  yearMax: queryInt(FIRST_MODEL_YEAR, 2100).optional(),
  priceMin: queryInt(0, MAX_PRICE_CENTS).optional(),
  priceMax: queryInt(0, MAX_PRICE_CENTS).optional(),
  mileageMin: queryInt(0, MAX_MILEAGE).optional(),
  mileageMax: queryInt(0, MAX_MILEAGE).optional(),
  sort: z.enum(VEHICLE_SORTS).optional(),
  /** Which facets to count (default: all); naming an unknown one is a 400. */
  facets: csvOf(SEARCH_FACETS).optional(),
  page: queryInt(1, 1_000).default(1),
  pageSize: queryInt(1, MAX_PAGE_SIZE).default(25),
};

type Bounded = { [K in 'year' | 'price' | 'mileage' as `${K}Min` | `${K}Max`]?: number };
function boundsInOrder<T extends z.ZodType<Bounded>>(schema: T) {
  return schema
    .refine((q) => q.yearMin === undefined || q.yearMax === undefined || q.yearMin <= q.yearMax, {
      path: ['yearMax'],
      message: 'yearMax must not be below yearMin',
    })
    .refine((q) => q.priceMin === undefined || q.priceMax === undefined || q.priceMin <= q.priceMax, {
      path: ['priceMax'],
      message: 'priceMax must not be below priceMin',
    })
    .refine((q) => q.mileageMin === undefined || q.mileageMax === undefined || q.mileageMin <= q.mileageMax, {
      path: ['mileageMax'],
      message: 'mileageMax must not be below mileageMin',
    });
}

/** The portal's inventory search: everything a shopper can ask, plus the status of the car. */
export const VehicleListQuerySchema = boundsInOrder(
  z.strictObject({ ...shopperFilters, status: csvOf(VEHICLE_STATUSES).optional() }),
);
export type VehicleListQuery = z.output<typeof VehicleListQuerySchema>;
export type VehicleListParams = z.input<typeof VehicleListQuerySchema>;

/** A dealership website's search: only published, available cars are ever searched. */
export const PublicVehicleQuerySchema = boundsInOrder(z.strictObject(shopperFilters));
export type PublicVehicleQuery = z.output<typeof PublicVehicleQuerySchema>;
export type PublicVehicleParams = z.input<typeof PublicVehicleQuerySchema>;

export const FacetCountSchema = z.object({ value: z.string(), count: z.int() });
export type FacetCount = z.infer<typeof FacetCountSchema>;
export const RangeSchema = z.object({ min: z.int(), max: z.int() }).nullable();
export type Range = z.infer<typeof RangeSchema>;

/** Counts per value of the matching vehicles; only the facets asked for are present. */
export const VehicleFacetsSchema = z.object(
  Object.fromEntries(VALUE_FACETS.map((facet) => [facet, z.array(FacetCountSchema).optional()])) as {
    [K in (typeof VALUE_FACETS)[number]]: z.ZodOptional<z.ZodArray<typeof FacetCountSchema>>;
  },
);
export type VehicleFacets = z.infer<typeof VehicleFacetsSchema>;
/** Lowest and highest year, price (cents) and mileage of the matching vehicles; null when none has one. */
export const VehicleRangesSchema = z.object(
  Object.fromEntries(RANGE_FACETS.map((facet) => [facet, RangeSchema.optional()])) as {
    [K in (typeof RANGE_FACETS)[number]]: z.ZodOptional<typeof RangeSchema>;
  },
);
export type VehicleRanges = z.infer<typeof VehicleRangesSchema>;

/** The fields a highlight can mark. */
export const HIGHLIGHT_FIELDS = [
  'year',
  'make',
  'model',
  'trim',
  'bodyStyle',
  'exteriorColor',
  'stockNumber',
  'vin',
] as const;
export type HighlightField = (typeof HIGHLIGHT_FIELDS)[number];
/** One field's text in parts, the matching ones marked; plain text, never HTML. */
export const HighlightSchema = z.object({
  field: z.enum(HIGHLIGHT_FIELDS),
  parts: z.array(z.object({ text: z.string(), match: z.boolean() })),
});
export type Highlight = z.infer<typeof HighlightSchema>;

/** The dealership (rooftop) a result belongs to: group searches mix several. */
export const RooftopSchema = z.object({ id: z.uuid(), name: z.string() });
export type Rooftop = z.infer<typeof RooftopSchema>;

const hitExtras = { rooftop: RooftopSchema, highlights: z.array(HighlightSchema) };

export const VehicleHitSchema = VehicleSchema.extend(hitExtras);
export type VehicleHit = z.infer<typeof VehicleHitSchema>;

const pageFields = {
  page: z.int(),
  pageSize: z.int(),
  total: z.int(),
  facets: VehicleFacetsSchema,
  ranges: VehicleRangesSchema,
};

export const VehicleListSchema = z.object({ items: z.array(VehicleHitSchema), ...pageFields });
export type VehicleList = z.infer<typeof VehicleListSchema>;

/**
 * What a shopper may see of a vehicle: no cost, no internal notes, no version, no status (only
 * available cars are public) and nothing of how long it has sat on the lot.
 */
export const PublicVehicleSchema = VehicleSchema.pick({
  id: true,
  dealershipId: true,
  vin: true,
  stockNumber: true,
  condition: true,
  year: true,
  make: true,
  model: true,
  trim: true,
  bodyStyle: true,
  drivetrain: true,
  transmission: true,
  fuelType: true,
  engine: true,
  exteriorColor: true,
  interiorColor: true,
  mileage: true,
  priceCents: true,
  msrpCents: true,
  currency: true,
  description: true,
  heroPhoto: true,
  photoCount: true,
  /** When the listing last changed (a sitemap's lastmod). */
  updatedAt: true,
});
export type PublicVehicle = z.infer<typeof PublicVehicleSchema>;
export const PublicVehicleHitSchema = PublicVehicleSchema.extend(hitExtras);
export type PublicVehicleHit = z.infer<typeof PublicVehicleHitSchema>;
export const PublicVehicleListSchema = z.object({ items: z.array(PublicVehicleHitSchema), ...pageFields });
export type PublicVehicleList = z.infer<typeof PublicVehicleListSchema>;
/** A vehicle's page: its gallery in order (the hero first only if the dealer put it first). */
export const PublicVehicleDetailSchema = PublicVehicleSchema.extend({
  photos: z.array(PhotoVariantUrlsSchema),
  rooftop: RooftopSchema,
});
export type PublicVehicleDetail = z.infer<typeof PublicVehicleDetailSchema>;

/**
 * How a website's browser may search: straight at Algolia with a key that only sees this
 * dealership's (or group's) public cars and expires, or through the public API.
 */
export const SearchAccessSchema = z.discriminatedUnion('engine', [
  z.object({
    engine: z.literal('algolia'),
    appId: z.string(),
    apiKey: z.string(),
    indexName: z.string(),
    validUntil: z.iso.datetime(),
  }),
  z.object({ engine: z.literal('api'), url: z.string() }),
]);
export type SearchAccess = z.infer<typeof SearchAccessSchema>;
