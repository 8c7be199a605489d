import type { OpeningHours, PublicVehicleDetail, PublishedSite } from '@showroom/contracts';
import { DAY_NAMES } from '../shared/opening-hours';

const SCHEMA = 'https://schema.org';

/** Drops null and undefined fields: schema.org readers treat a null as a value. */
function compact<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null && value !== undefined),
  ) as Partial<T>;
}

const originOf = (site: PublishedSite) => site.canonicalOrigin.replace(/\/+$/, '');
/** One id for the dealership, so a car's seller points at the AutoDealer of the same site. */
export const dealerIdOf = (site: PublishedSite) => `${originOf(site)}/#dealer`;

/** Days sharing the same hours go in one specification, as schema.org readers prefer. */
function openingHoursSpecification(hours: OpeningHours) {
  const groups = new Map<string, string[]>();
  for (const period of hours) {
    const key = `${period.opens}-${period.closes}`;
    groups.set(key, [...(groups.get(key) ?? []), `${SCHEMA}/${DAY_NAMES[period.day]}`]);
  }
  return [...groups].map(([key, days]) => {
    const [opens, closes] = key.split('-');
    return { '@type': 'OpeningHoursSpecification', dayOfWeek: days, opens, closes };
  });
}

/** The dealership as a schema.org AutoDealer: name, address, phone, hours, logo, site. */
export function autoDealerJsonLd(site: PublishedSite): object {
  const { address } = site;
  return compact({
    '@context': SCHEMA,
    '@type': 'AutoDealer',
    '@id': dealerIdOf(site),
    name: site.name,
    url: `${originOf(site)}/`,
    description: site.tagline,
    telephone: site.phone,
    email: site.email,
    logo: site.logo?.url,
    image: site.logo?.url,
    address: address
      ? {
          '@type': 'PostalAddress',
          streetAddress: address.street,
          addressLocality: address.city,
          addressRegion: address.region,
          postalCode: address.postalCode,
          addressCountry: address.country,
        }
      : null,
    openingHoursSpecification: site.hours.length ? openingHoursSpecification(site.hours) : null,
  });
}

export const vehicleTitle = (vehicle: Pick<PublicVehicleDetail, 'year' | 'make' | 'model' | 'trim'>) =>
  [vehicle.year, vehicle.make, vehicle.model, vehicle.trim].filter(Boolean).join(' ');

/**
 * A car's page as a schema.org Car with its Offer (only when it has a price: an offer without
 * one is an error for search engines). Certified cars are used cars.
 */
export function carJsonLd(site: PublishedSite, vehicle: PublicVehicleDetail, pageUrl: string): object {
  const itemCondition = `${SCHEMA}/${vehicle.condition === 'new' ? 'NewCondition' : 'UsedCondition'}`;
  const images = vehicle.photos.length
    ? vehicle.photos.map((photo) => photo.full.jpeg)
    : vehicle.heroPhoto
      ? [vehicle.heroPhoto.full.jpeg]
      : null;
  return compact({
    '@context': SCHEMA,
    '@type': 'Car',
    name: vehicleTitle(vehicle),
    url: pageUrl,
    vehicleIdentificationNumber: vehicle.vin,
    sku: vehicle.stockNumber,
    brand: { '@type': 'Brand', name: vehicle.make },
    manufacturer: vehicle.make,
    model: vehicle.model,
    vehicleConfiguration: vehicle.trim,
    vehicleModelDate: String(vehicle.year),
    mileageFromOdometer: { '@type': 'QuantitativeValue', value: vehicle.mileage, unitCode: 'SMI' },
    itemCondition,
    bodyType: vehicle.bodyStyle,
    driveWheelConfiguration: vehicle.drivetrain,
    vehicleTransmission: vehicle.transmission,
    fuelType: vehicle.fuelType,
    vehicleEngine: vehicle.engine ? { '@type': 'EngineSpecification', name: vehicle.engine } : null,
    color: vehicle.exteriorColor,
    vehicleInteriorColor: vehicle.interiorColor,
    description: vehicle.description,
    image: images,
    offers:
      vehicle.priceCents === null
        ? null
        : {
            '@type': 'Offer',
            price: vehicle.priceCents / 100,
            priceCurrency: vehicle.currency,
            availability: `${SCHEMA}/InStock`,
            itemCondition,
            url: pageUrl,
            seller: { '@type': 'AutoDealer', '@id': dealerIdOf(site), name: site.name },
          },
  });
}
