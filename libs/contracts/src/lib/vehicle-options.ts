// The vehicle vocabulary as plain values, free of zod, so the portal can import it without
// pulling the schema library into its bundles.

export const VEHICLE_CONDITIONS = ['new', 'used', 'certified'] as const;
export const VEHICLE_STATUSES = ['available', 'pending', 'sold', 'archived'] as const;
export const BODY_STYLES = [
  'sedan',
  'coupe',
  'convertible',
  'hatchback',
  'wagon',
  'suv',
  'pickup',
  'minivan',
  'van',
  'other',
] as const;
export const DRIVETRAINS = ['fwd', 'rwd', 'awd', '4wd'] as const;
export const TRANSMISSIONS = ['automatic', 'manual', 'cvt', 'dct'] as const;
export const FUEL_TYPES = [
  'gasoline',
  'diesel',
  'hybrid',
  'plug_in_hybrid',
  'electric',
  'flex_fuel',
] as const;
export const CURRENCIES = ['USD', 'CAD'] as const;
/**
 * `relevance` ranks by the text match (the default when there is text); `daysInStock` ascending is
 * "newest on the lot" (the default without text), descending "longest in stock".
 */
export const VEHICLE_SORTS = [
  'relevance',
  'price',
  '-price',
  'year',
  '-year',
  'mileage',
  '-mileage',
  'daysInStock',
  '-daysInStock',
] as const;

/** Facets counted by value, in the order the portal shows them. */
export const VALUE_FACETS = [
  'make',
  'model',
  'bodyStyle',
  'condition',
  'drivetrain',
  'fuelType',
  'exteriorColor',
] as const;
/** Facets answered as the lowest and highest value of the matching vehicles. */
export const RANGE_FACETS = ['year', 'price', 'mileage'] as const;
/**
 * The filters that pick values of a field (a vehicle matches one of the values picked): the value
 * facets and the status. Each range facet filters by two bounds instead, `<facet>Min` and `<facet>Max`.
 */
export const VALUE_FILTERS = [
  'status',
  'condition',
  'bodyStyle',
  'drivetrain',
  'fuelType',
  'make',
  'model',
  'exteriorColor',
] as const;
export type ValueFilter = (typeof VALUE_FILTERS)[number];
export const SEARCH_FACETS = [...VALUE_FACETS, ...RANGE_FACETS] as const;
export type ValueFacet = (typeof VALUE_FACETS)[number];
export type RangeFacet = (typeof RANGE_FACETS)[number];
export type SearchFacet = (typeof SEARCH_FACETS)[number];
/** Longest free text a search accepts; longer is refused, not silently cut. */
export const MAX_SEARCH_TEXT = 100;

/** Hard upper limit of one page of vehicles. */
export const MAX_PAGE_SIZE = 100;
/** Largest price we accept: ten million in the currency's major unit, in cents. */
export const MAX_PRICE_CENTS = 1_000_000_000;
export const MAX_MILEAGE = 2_000_000;
export const FIRST_MODEL_YEAR = 1981;

export type VehicleCondition = (typeof VEHICLE_CONDITIONS)[number];
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];
export type VehicleSort = (typeof VEHICLE_SORTS)[number];

/** A dealer's stock numbers start with the condition's letter: N1001 new, U1001 used, C1001 certified. */
export const STOCK_NUMBER_LETTER: Record<VehicleCondition, 'N' | 'U' | 'C'> = {
  new: 'N',
  used: 'U',
  certified: 'C',
};
export type BodyStyle = (typeof BODY_STYLES)[number];
export type Drivetrain = (typeof DRIVETRAINS)[number];
export type FuelType = (typeof FUEL_TYPES)[number];
