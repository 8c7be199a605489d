import sharp from 'sharp';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEMO_DEALERSHIPS, DEMO_USERS } from '@showroom/demo-data';
import { tokenOf } from '../test/team-requests';
import { TEST_MEDIA_PUBLIC_URL, usersAppOnDemoTenants } from '../test/users-test-app';
import { logoPng, provisioningRequestOf, websiteClient } from '../test/websites';
import { siteToPublish } from './published-site';
import { SiteUrls } from './site-urls';

const { downtown, rival } = DEMO_DEALERSHIPS;
const uploads = (dealershipId: string) => `sites/uploads/${dealershipId}/`;

/** A wide JPEG logo photographed sideways (EXIF orientation 6) with the GPS position it was taken at. */
async function sidewaysJpegWithGps(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#1b5e20' } })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 57/1 41/1' } })
    .jpeg()
    .toBuffer();
}

describe('website logo: a dealer uploads the logo their site shows', () => {
  const ctx = usersAppOnDemoTenants();
  const manager = () => websiteClient(ctx, DEMO_USERS.manager, downtown.id);

  it('when the manager uploads a large sideways JPEG with GPS, then a PNG that fits 600×200, upright and without metadata, is stored privately and the site is provisioned with it', async () => {
    const client = await manager();
    const before = (await client.get()).body.version as number;
    // Stored 400×1600 and shown turned: 1600×400 upright, which fits the box at 600×150.
    const photo = await sidewaysJpegWithGps(400, 1600);
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const res = await client.putLogo(photo, 'Logo Final.JPG');

    expect(res.status).toBe(200);
    expect(res.headers['etag']).toBe(`"v${before + 1}"`);
    expect(res.body.logo).toMatchObject({ width: 600, height: 150 });
    const keys = await ctx.objects.list(uploads(downtown.id));
    expect(keys).toHaveLength(1);
    const hash16 = /logo-([0-9a-f]{16})\.png$/.exec(keys[0] ?? '')?.[1];
    expect(hash16).toBeDefined();
    expect(res.body.logo.url).toBe(`${TEST_MEDIA_PUBLIC_URL}/sites/assets/${downtown.id}/logo-${hash16}.png`);
    expect(res.body.logo.webpUrl).toBe(
      `${TEST_MEDIA_PUBLIC_URL}/sites/assets/${downtown.id}/logo-${hash16}.webp`,
    );

    const stored = await ctx.objects.get(keys[0] as string);
    expect(stored?.contentType).toBe('image/png');
    const meta = await sharp(stored?.body).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 600, 150]);
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();

    expect(await provisioningRequestOf(ctx, downtown.id)).toMatchObject({ version: before + 1 });
    const site = await siteToPublish(
      ctx.database.writer,
      downtown.id,
      new SiteUrls({
        SITES_PLATFORM_DOMAIN: 'localhost',
        SITES_ORIGIN_TEMPLATE: 'http://{host}:4400',
      }),
    );
    expect(site?.logoUpload).toMatchObject({ key: keys[0], width: 600, height: 150 });
    expect(site?.logoUpload?.hash.startsWith(hash16 as string)).toBe(true);
  });

  it('when a small logo is uploaded, then it is kept at its size (never enlarged) and replaces the previous upload', async () => {
    const client = await manager();
    const res = await client.putLogo(await logoPng(120, 40), 'small.png');

    expect(res.status).toBe(200);
    expect(res.body.logo).toMatchObject({ width: 120, height: 40 });
    const keys = await ctx.objects.list(uploads(downtown.id));
    expect(keys).toHaveLength(1);
    expect(res.body.logo.url).toContain(keys[0]?.split('/').pop()?.replace('.png', ''));
  });

  it('when a PDF renamed .png is uploaded, then 422 names the file and what it is, and the logo stays', async () => {
    const client = await manager();
    const before = (await client.get()).body;
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
    const res = await client.putLogo(pdf, 'brochure.png');

    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toBe('https://showroom.dev/problems/invalid-image');
    expect(res.body.invalidParams).toEqual([
      { name: 'logo', reason: expect.stringMatching(/^brochure\.png is a PDF document/) },
    ]);
    expect((await client.get()).body).toEqual(before);
  });

  it('when the file is over 2 MB, then 422 names it as too large and nothing is stored', async () => {
    const client = await manager();
    const before = await ctx.objects.list(uploads(downtown.id));
    const huge = Buffer.concat([await logoPng(100, 100), Buffer.alloc(2 * 1024 * 1024 + 1, 7)]);
    const res = await client.putLogo(huge, 'billboard.png');

    expect(res.status).toBe(422);
    expect(res.body.invalidParams).toEqual([{ name: 'logo', reason: 'billboard.png is larger than 2 MB' }]);
    expect(await ctx.objects.list(uploads(downtown.id))).toEqual(before);
  });

  it('when an image is more than 4000 pixels wide, then 422 says so before decoding it', async () => {
    const wide = await sharp({ create: { width: 4100, height: 10, channels: 3, background: '#000000' } })
      .png()
      .toBuffer();
    const res = await (await manager()).putLogo(wide, 'banner.png');

    expect(res.status).toBe(422);
    expect(res.body.invalidParams[0].reason).toBe(
      'banner.png is 4100×10 pixels; a logo may be at most 4000 pixels on a side',
    );
  });

  it('when the upload is not multipart, then 415', async () => {
    const res = await request(ctx.app)
      .put('/api/users/website/logo')
      .auth(await tokenOf(ctx, DEMO_USERS.manager), { type: 'bearer' })
      .set('X-Dealership-Id', downtown.id)
      .set('Content-Type', 'image/png')
      .send(await logoPng(10, 10));

    expect(res.status).toBe(415);
  });

  it('when an upload names a stale version, then 412 and the stored logo is unchanged', async () => {
    const client = await manager();
    await client.putLogo(await logoPng(200, 50), 'current.png');
    const before = (await client.get()).body;

    const res = await client.putLogo(await logoPng(300, 60), 'late.png', `"v${before.version - 1}"`);

    expect(res.status).toBe(412);
    expect((await client.get()).body.logo).toEqual(before.logo);
    // The refused upload left no object behind.
    expect(await ctx.objects.list(uploads(downtown.id))).toHaveLength(1);
  });

  it('when the logo is removed, then the site shows none, the upload is deleted and provisioning is asked for', async () => {
    const client = await manager();
    const res = await client.deleteLogo();

    expect(res.status).toBe(200);
    expect(res.body.logo).toBeNull();
    expect(await ctx.objects.list(uploads(downtown.id))).toEqual([]);
    expect(await provisioningRequestOf(ctx, downtown.id)).toMatchObject({ version: res.body.version });
  });

  it('when another dealership uploads its logo, then this one’s uploads are untouched', async () => {
    await (await manager()).putLogo(await logoPng(200, 50), 'ours.png');
    const ours = await ctx.objects.list(uploads(downtown.id));

    const res = await (
      await websiteClient(ctx, DEMO_USERS.rivalOwner, rival.id)
    ).putLogo(await logoPng(220, 60), 'theirs.png');

    expect(res.status).toBe(200);
    expect(await ctx.objects.list(uploads(downtown.id))).toEqual(ours);
    expect(await ctx.objects.list(uploads(rival.id))).toHaveLength(1);
  });
});
