/** Syndication's plain values, free of zod (ADR 3): the portal's channel and exclusion texts come without the schemas. */

/** Where a dealership's cars are sent: Google vehicle listings, Meta's automotive catalog, marketplaces. */
export const SYNDICATION_CHANNELS = ['google', 'meta', 'marketplace'] as const;
export type SyndicationChannel = (typeof SYNDICATION_CHANNELS)[number];

/** What a dealer sees as the channel's name. */
export const SYNDICATION_CHANNEL_NAMES: Record<SyndicationChannel, string> = {
  google: 'Google vehicle listings',
  meta: 'Meta automotive catalog',
  marketplace: 'Marketplaces (CSV)',
};

/** Why a vehicle was left out of a feed. */
export const EXCLUSION_REASONS = [
  'not_for_sale',
  'unpublished',
  'no_price',
  'no_photos',
  'too_few_photos',
  'no_description',
  'invalid_vin',
  'duplicate_vin',
  'no_exterior_color',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const EXCLUSION_REASON_TEXT: Record<ExclusionReason, string> = {
  not_for_sale: 'Not for sale (sold, archived or pending)',
  unpublished: 'Not published',
  no_price: 'No price',
  no_photos: 'No photos',
  too_few_photos: 'Fewer photos than the web-ready rule asks',
  no_description: 'No description',
  invalid_vin: 'VIN fails its check digit',
  duplicate_vin: 'The same VIN is on another vehicle of this dealership',
  no_exterior_color: 'No exterior colour (Meta requires it)',
};
