import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import request from 'supertest';
import type { RooftopInput } from '@showroom/contracts';
import type { DemoUser } from '@showroom/demo-data';
import { etagOf } from '@showroom/server-kit';
import { forDealership } from '@showroom/server-mysql';
import { websiteRepository } from '../websites/repository';
import { tokenOf } from './team-requests';
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

/** The website and rooftop routes as `user`, acting for `dealershipId`, would call them. */
export async function websiteClient(ctx: UsersTestContext, user: DemoUser, dealershipId: string) {
  const token = await tokenOf(ctx, user);
  const app = request(ctx.app);
  const as = (test: request.Test) =>
    test.auth(token, { type: 'bearer' }).set('X-Dealership-Id', dealershipId);
  const withIfMatch = (test: request.Test, ifMatch?: string) =>
    ifMatch ? test.set('If-Match', ifMatch) : test;
  return {
    get: () => as(app.get('/api/users/website')),
    patch: (body: object, ifMatch?: string) =>
      withIfMatch(as(app.patch('/api/users/website')), ifMatch).send(body),
    /** PATCH with the version as it stands. */
    save: async (body: object) => {
      const current = await as(app.get('/api/users/website'));
      return as(app.patch('/api/users/website')).set('If-Match', String(current.headers['etag'])).send(body);
    },
    putLogo: (bytes: Buffer, filename: string, ifMatch?: string) =>
      withIfMatch(as(app.put('/api/users/website/logo')), ifMatch).attach('logo', bytes, { filename }),
    deleteLogo: () => as(app.delete('/api/users/website/logo')),
    retry: () => as(app.post('/api/users/website/provisioning/retry')),
    listRooftops: () => as(app.get('/api/users/rooftops')),
    addRooftop: (body: object) => as(app.post('/api/users/rooftops')).send(body),
  };
}

/** The dealership's provisioning request row, as the provisioner will find it. */
export async function provisioningRequestOf(ctx: UsersTestContext, dealershipId: string) {
  const row = await forDealership(ctx.database.writer, dealershipId)
    .selectFrom('website_provisioning')
    .select(['version', 'state', 'next_attempt_at'])
    .executeTakeFirst();
  return row ?? null;
}
