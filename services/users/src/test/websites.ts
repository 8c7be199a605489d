import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { RooftopInput } from '@showroom/contracts';
import { etagOf } from '@showroom/server-kit';
import { websiteRepository } from '../websites/repository';
import type { UsersTestContext } from './users-test-app';

/** A logo-like PNG: a dark bar on a transparent background, `width`×`height`. */
export async function logoPng(width: number, height: number): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
  })
    .composite([
      {
        input: await sharp({
          create: {
            width: Math.max(1, Math.floor(width / 2)),
            height: Math.max(1, Math.floor(height / 2)),
            channels: 4,
            background: '#0b3d91',
          },
        })
          .png()
          .toBuffer(),
        gravity: 'centre',
      },
    ])
    .png()
    .toBuffer();
}

/** If-Match for the dealership's website as it stands (made with the defaults when it has none). */
export async function currentIfMatch(ctx: UsersTestContext, dealershipId: string): Promise<string> {
  await websiteRepository.ensureWebsite(ctx.database.writer, dealershipId);
  const website = await websiteRepository.findWebsite(ctx.database.writer, dealershipId);
  if (!website) throw new Error(`no website for ${dealershipId}`);
  return etagOf(website.version);
}

/** A rooftop to onboard, with a name of its own. */
export const rooftopInput = (overrides: Partial<RooftopInput> = {}): RooftopInput => ({
  name: `Test Rooftop ${randomUUID().slice(0, 8)}`,
  address: { street: '10 Main St', city: 'Dayton', region: 'OH', postalCode: '45402', country: 'us' },
  timeZone: 'America/New_York',
  phone: '(937) 555-0150',
  ...overrides,
});
