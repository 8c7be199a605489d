import { decodeVin, type TradeInInput } from '@showroom/contracts';
import type { InvalidParam } from '@showroom/contracts';
import { vinMismatch } from './trade-problems';

/** The vehicle a trade is, once the VIN (if given) and what the shopper typed agree. */
export interface DescribedTrade {
  vin: string | null;
  year: number;
  make: string;
  model: string | null;
  trim: string | null;
}

const sameText = (a: string, b: string) =>
  a.trim().localeCompare(b.trim(), 'en', { sensitivity: 'accent' }) === 0;

/**
 * The trade's vehicle. With a VIN, its decoding fills what the shopper left out (the year when the
 * VIN names one model year, the make from its manufacturer code) and must agree with what was
 * typed: a contradiction answers 422 naming the field, as does a year or make nobody can tell.
 */
export function describeTrade(
  input: TradeInInput,
  referenceYear = new Date().getUTCFullYear(),
): DescribedTrade {
  const model = input.model ?? null;
  const trim = input.trim ?? null;
  if (!input.vin) {
    // The contract requires year, make and model without a VIN.
    return { vin: null, year: input.year as number, make: input.make as string, model, trim };
  }
  const decoded = decodeVin(input.vin, referenceYear);
  const refused: InvalidParam[] = [];
  let year = input.year;
  if (
    year !== undefined &&
    decoded.candidateModelYears.length > 0 &&
    !decoded.candidateModelYears.includes(year)
  ) {
    refused.push({
      name: 'body.year',
      reason: `the VIN is of model year ${decoded.candidateModelYears.join(' or ')}, not ${year}`,
    });
  }
  year ??= decoded.modelYear ?? undefined;
  if (year === undefined) {
    refused.push({ name: 'body.year', reason: 'the VIN does not tell the model year; give the year' });
  }
  let make = input.make;
  if (make !== undefined && decoded.make !== null && !sameText(make, decoded.make)) {
    refused.push({ name: 'body.make', reason: `the VIN is of a ${decoded.make}, not a ${make}` });
  }
  make ??= decoded.make ?? undefined;
  if (make === undefined) {
    refused.push({ name: 'body.make', reason: 'the VIN does not tell the make; give the make' });
  }
  if (refused.length > 0 || year === undefined || make === undefined) {
    throw vinMismatch(refused);
  }
  return { vin: decoded.vin, year, make, model, trim };
}
