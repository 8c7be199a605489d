import request from 'supertest';
import sharp from 'sharp';
import { DEALERSHIP_HEADER, type TradeInInput, type ValuationGridRow } from '@showroom/contracts';
import type { RetailTestContext } from '../test/retail-test-app';

export const HONDA_2003_VIN = '1HGCM82633A004352';
export const FORD_2013_VIN = '1FTFW1ET9DFC10312';

/** A trade in good order: two keys, nothing wrong, nothing owed. */
export const GOOD_CONDITION: TradeInInput['condition'] = {
  overall: 'good',
  accidents: false,
  mechanicalIssues: false,
  warningLights: false,
  keys: 2,
};

export const ACCORD_ROW: ValuationGridRow = {
  make: 'Honda',
  model: 'Accord',
  yearFrom: 2000,
  yearTo: 2010,
  maxMileage: 200_000,
  lowCents: 300_000,
  highCents: 400_000,
};
export const ANY_HONDA_ROW: ValuationGridRow = {
  ...ACCORD_ROW,
  model: null,
  lowCents: 200_000,
  highCents: 250_000,
};

/** The dealership's manager saves the valuation grid in the portal. */
export async function saveGrid(ctx: RetailTestContext, dealershipId: string, rows: ValuationGridRow[]) {
  const { token } = await ctx.member('manager', dealershipId);
  await request(ctx.app)
    .put('/api/retail/valuation-grid')
    .auth(token, { type: 'bearer' })
    .set(DEALERSHIP_HEADER, dealershipId)
    .send({ rows })
    .expect(200);
}

/**
 * A phone photo: a JPEG 2400×1200 stored sideways (EXIF orientation 6) with the GPS position where
 * it was taken — what the upload must not keep.
 */
export function phonePhotoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1200, channels: 3, background: { r: 40, g: 90, b: 160 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '39/1 57/1 3/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '83/1 0/1 1/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** A small plain photo. */
export function smallPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .png()
    .toBuffer();
}
