import type { Selectable } from 'kysely';
import {
  DEFAULT_SITE_THEME,
  OpeningHoursSchema,
  type OpeningHours,
  type PostalAddress,
} from '@showroom/contracts';
import { z } from 'zod';
import type { DealershipTable, WebsiteTable } from '../database';

export type WebsiteRow = Selectable<WebsiteTable>;
export type DealershipRow = Selectable<DealershipTable>;

/** A new website: the default theme, no hours published yet, no own domain. */
export const defaultWebsite = (dealershipId: string) => ({
  dealership_id: dealershipId,
  hours: '[]',
  brand_colour: DEFAULT_SITE_THEME.brandColour,
  accent_colour: DEFAULT_SITE_THEME.accentColour,
  custom_domains: '[]',
});

const DomainsSchema = z.array(z.string());

/** mysql2 hands MariaDB's JSON columns over as text. */
const parsedJson = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

export const hoursOf = (row: WebsiteRow): OpeningHours => OpeningHoursSchema.parse(parsedJson(row.hours));
export const customDomainsOf = (row: WebsiteRow): string[] =>
  DomainsSchema.parse(parsedJson(row.custom_domains));

/** The dealership's postal address, or null until every part of it is known. */
export function addressOf(dealership: DealershipRow): PostalAddress | null {
  const { street, city, region, postal_code: postalCode, country } = dealership;
  if (!street || !city || !region || !postalCode || !country) return null;
  return { street, city, region, postalCode, country };
}

/**
 * The dealership columns an address sets. Null takes the street address off the site and keeps the
 * city and region, which name the rooftop elsewhere (the directory, search).
 */
export function addressColumns(address: PostalAddress | null) {
  if (!address) return { street: null, postal_code: null, country: null };
  return {
    street: address.street,
    city: address.city,
    region: address.region,
    postal_code: address.postalCode,
    country: address.country,
  };
}

export const logoUploadOf = (row: WebsiteRow) =>
  row.logo_key && row.logo_hash && row.logo_width && row.logo_height
    ? { key: row.logo_key, hash: row.logo_hash, width: row.logo_width, height: row.logo_height }
    : null;
