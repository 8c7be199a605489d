import type { PublicVehicle } from '@showroom/contracts';

type Currency = PublicVehicle['currency'];

const priceFormats = new Map<string, Intl.NumberFormat>();

/** 2_499_900 cents → "$24,999": whole units as car prices are advertised, cents only when there are some. */
export function formatPrice(cents: number, currency: Currency = 'USD'): string {
  const whole = cents % 100 === 0;
  const key = `${currency}:${whole}`;
  let format = priceFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(currency === 'CAD' ? 'en-CA' : 'en-US', {
      style: 'currency',
      currency,
      // CAD in en-CA is "$"; a US shopper on a Canadian site still reads the price in dollars.
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    });
    priceFormats.set(key, format);
  }
  return format.format(cents / 100);
}

/** The price a card or a page shows: a car without one is priced on request. */
export function priceText(vehicle: Pick<PublicVehicle, 'priceCents' | 'currency'>): string {
  return vehicle.priceCents === null ? 'Call for price' : formatPrice(vehicle.priceCents, vehicle.currency);
}

const count = new Intl.NumberFormat('en-US');

/** 34567 → "34,567 mi"; a new car's handful of delivery miles still shows. */
export function formatMileage(miles: number): string {
  return `${count.format(miles)} mi`;
}

export function formatCount(value: number): string {
  return count.format(value);
}
