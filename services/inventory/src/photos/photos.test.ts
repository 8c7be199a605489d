import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_MEDIA_BUCKET, LOCAL_S3_CREDENTIALS } from '@showroom/server-storage';
import { inventoryAppForTests } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';
import { photoJpeg, pngDeclaring, sidewaysJpegWithGps } from './photo-fixtures';

type File = { bytes: Buffer; name: string; type?: string };

describe('vehicle photos: upload, variants in S3, order, hero, delete', () => {
  const ctx = inventoryAppForTests();
  let manager: string;
  let s3: S3Client;

  beforeAll(async () => {
    manager = await ctx.tokenFor('manager', ctx.dealershipId);
    s3 = new S3Client({
      endpoint: ctx.s3Endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { ...LOCAL_S3_CREDENTIALS },
    });
  });

  const as = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, token = manager) =>
    request(ctx.app)[method](path).auth(token, { type: 'bearer' }).set('X-Dealership-Id', ctx.dealershipId);
  const newVehicle = async (): Promise<string> => {
    const res = await as('post', '/api/inventory/vehicles').send(vehicleInput());
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const upload = (vehicleId: string, files: File[]) => {
    const req = as('post', `/api/inventory/vehicles/${vehicleId}/photos`);
    for (const file of files)
      req.attach('photos', file.bytes, { filename: file.name, contentType: file.type ?? 'image/jpeg' });
    return req;
  };
  const photosOf = async (vehicleId: string) => {
    const res = await as('get', `/api/inventory/vehicles/${vehicleId}/photos`);
    expect(res.status).toBe(200);
    return res.body.items as Array<{
      id: string;
      position: number;
      hero: boolean;
      urls: Record<string, Record<string, string>>;
      contentHash: string;
    }>;
  };
  const keysOf = (vehicleId: string) => ctx.objects.list(`photos/${ctx.dealershipId}/${vehicleId}/`);
  const keyOfUrl = (url: string) => url.replace('http://media.test/media/', '');
  const changesOf = async (vehicleId: string) =>
    (
      await ctx.database.writer
        .selectFrom('vehicle_changes')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .where('dealership_id', '=', ctx.dealershipId)
        .where('vehicle_id', '=', vehicleId)
        .executeTakeFirstOrThrow()
    ).n;

  it('stores several files in one upload as WebP and JPEG variants, immutable, never upscaled', async () => {
    const vehicleId = await newVehicle();
    // Read (and cached) before the upload: the upload must invalidate it.
    expect((await as('get', `/api/inventory/vehicles/${vehicleId}`)).body).toMatchObject({
      photoCount: 0,
      heroPhoto: null,
    });
    const res = await upload(vehicleId, [
      { bytes: await photoJpeg(2400, 1600, 1), name: 'front.jpg' },
      { bytes: await photoJpeg(640, 480, 2), name: 'side.jpg' },
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(
      res.body.items.map((item: { name: string; duplicate: boolean }) => [item.name, item.duplicate]),
    ).toEqual([
      ['front.jpg', false],
      ['side.jpg', false],
    ]);
    const [front, side] = res.body.items.map((item: { photo: unknown }) => item.photo);
    expect(front).toMatchObject({
      position: 0,
      hero: true,
      width: 1920,
      height: 1280,
      source: 'upload',
      originalName: 'front.jpg',
    });
    expect(side).toMatchObject({ position: 1, hero: false, width: 640, height: 480 });
    expect(front.urls.card.webp).toMatch(
      new RegExp(
        `^http://media\\.test/media/photos/${ctx.dealershipId}/${vehicleId}/[0-9a-f]{16}_${front.id}-card\\.webp$`,
      ),
    );
    expect(await keysOf(vehicleId)).toHaveLength(12);

    const expected = { thumbnail: [320, 213], card: [800, 533], full: [1920, 1280] } as const;
    for (const [variant, [width, height]] of Object.entries(expected)) {
      for (const format of ['webp', 'jpeg'] as const) {
        const key = keyOfUrl(front.urls[variant][format]);
        const stored = await ctx.objects.get(key);
        expect(stored?.contentType).toBe(format === 'webp' ? 'image/webp' : 'image/jpeg');
        const meta = await sharp(stored?.body).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual([format, width, height]);
        const head = await s3.send(new HeadObjectCommand({ Bucket: LOCAL_MEDIA_BUCKET, Key: key }));
        expect(head.CacheControl).toBe('public, max-age=31536000, immutable');
      }
    }
    // 640 wide: the card variant is the photo's own size, the full one too.
    const sideFull = await sharp((await ctx.objects.get(keyOfUrl(side.urls.full.jpeg)))?.body).metadata();
    expect([sideFull.width, sideFull.height]).toEqual([640, 480]);

    const vehicle = await as('get', `/api/inventory/vehicles/${vehicleId}`);
    expect(vehicle.body.photoCount).toBe(2);
    expect(vehicle.body.heroPhoto).toEqual(front.urls);
    // Same version, new photos: a browser revalidating with the ETag must get the new body, not 304.
    expect(vehicle.headers['cache-control']).toBe('no-store');
    const revalidated = await as('get', `/api/inventory/vehicles/${vehicleId}`).set('If-None-Match', '"v1"');
    expect(revalidated.status).toBe(200);
    expect(revalidated.body.photoCount).toBe(2);
  });

  it('applies the EXIF orientation and strips every piece of metadata, the GPS position first', async () => {
    const vehicleId = await newVehicle();
    const original = await sidewaysJpegWithGps(300, 200);
    const before = await sharp(original).metadata();
    expect(before.orientation).toBe(6);
    // The GPS latitude 51/1 is in the original's EXIF as a rational.
    expect(before.exif?.includes(Buffer.from([0, 0, 0, 51, 0, 0, 0, 1]))).toBe(true);

    const res = await upload(vehicleId, [{ bytes: original, name: 'lot.jpg' }]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const photo = res.body.items[0].photo;
    expect([photo.width, photo.height]).toEqual([200, 300]);
    for (const format of ['webp', 'jpeg'] as const) {
      const meta = await sharp((await ctx.objects.get(keyOfUrl(photo.urls.full[format])))?.body).metadata();
      expect([meta.width, meta.height]).toEqual([200, 300]);
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
    }
  });

  it('keeps the same file once per vehicle, and counts it as a duplicate', async () => {
    const vehicleId = await newVehicle();
    const bytes = await photoJpeg(400, 300, 7);
    const first = await upload(vehicleId, [{ bytes, name: 'a.jpg' }]);
    const again = await upload(vehicleId, [
      { bytes, name: 'a-copy.jpg' },
      { bytes, name: 'a-copy-2.jpg' },
    ]);
    expect(again.status).toBe(201);
    expect(again.body.items.map((item: { duplicate: boolean }) => item.duplicate)).toEqual([true, true]);
    expect(again.body.items[0].photo.id).toBe(first.body.items[0].photo.id);
    expect(await photosOf(vehicleId)).toHaveLength(1);
    expect(await keysOf(vehicleId)).toHaveLength(6);
  });

  it('reorders, chooses the hero and deletes (objects included), each a change the feed follows', async () => {
    const vehicleId = await newVehicle();
    const res = await upload(vehicleId, [
      { bytes: await photoJpeg(200, 150, 11), name: '1.jpg' },
      { bytes: await photoJpeg(200, 150, 12), name: '2.jpg' },
      { bytes: await photoJpeg(200, 150, 13), name: '3.jpg' },
    ]);
    const [one, two, three] = res.body.items.map((item: { photo: { id: string } }) => item.photo.id);
    const changesBefore = await changesOf(vehicleId);

    const reordered = await as('put', `/api/inventory/vehicles/${vehicleId}/photos/order`).send({
      photoIds: [three, one, two],
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.items.map((p: { id: string }) => p.id)).toEqual([three, one, two]);
    expect(reordered.body.items.map((p: { position: number }) => p.position)).toEqual([0, 1, 2]);
    // The hero stays the one chosen (the first upload) until another is chosen.
    expect(reordered.body.items.find((p: { hero: boolean }) => p.hero).id).toBe(one);

    // A screen drawn before a photo arrived (an upload being answered, the robot) names only the
    // photos it shows: those go first, in that order; the ones it did not name keep their relative
    // order after them.
    const partial = await as('put', `/api/inventory/vehicles/${vehicleId}/photos/order`).send({
      photoIds: [two],
    });
    expect(partial.status).toBe(200);
    expect(partial.body.items.map((p: { id: string }) => p.id)).toEqual([two, three, one]);
    expect(partial.body.items.map((p: { position: number }) => p.position)).toEqual([0, 1, 2]);
    const back = await as('put', `/api/inventory/vehicles/${vehicleId}/photos/order`).send({
      photoIds: [three, one, two],
    });
    expect(back.body.items.map((p: { id: string }) => p.id)).toEqual([three, one, two]);

    const stranger = await as('put', `/api/inventory/vehicles/${vehicleId}/photos/order`).send({
      photoIds: [three, '00000000-0000-4000-8000-000000000000'],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.invalidParams).toEqual([
      { name: 'body.photoIds', reason: 'must name only photos of the vehicle' },
    ]);

    const hero = await as('put', `/api/inventory/vehicles/${vehicleId}/photos/hero`).send({ photoId: two });
    expect(hero.status).toBe(200);
    expect(hero.body.items.filter((p: { hero: boolean }) => p.hero).map((p: { id: string }) => p.id)).toEqual(
      [two],
    );
    const heroUrls = hero.body.items.find((p: { id: string }) => p.id === two).urls;
    expect((await as('get', `/api/inventory/vehicles/${vehicleId}`)).body.heroPhoto).toEqual(heroUrls);

    const deleted = await as('delete', `/api/inventory/vehicles/${vehicleId}/photos/${two}`);
    expect(deleted.status).toBe(204);
    const left = await photosOf(vehicleId);
    expect(left.map((p) => [p.id, p.position, p.hero])).toEqual([
      [three, 0, true],
      [one, 1, false],
    ]);
    expect(await keysOf(vehicleId)).toHaveLength(12);
    expect(
      (await keysOf(vehicleId)).some((key) =>
        key.startsWith(keyOfUrl(heroUrls.full.webp).slice(0, -'-full.webp'.length)),
      ),
    ).toBe(false);
    const vehicle = await as('get', `/api/inventory/vehicles/${vehicleId}`);
    expect(vehicle.body.photoCount).toBe(2);
    expect(vehicle.body.heroPhoto).toEqual(left[0]?.urls);
    expect(await changesOf(vehicleId)).toBe(changesBefore + 5);

    expect((await as('delete', `/api/inventory/vehicles/${vehicleId}/photos/${two}`)).status).toBe(404);
  });

  it('shows the hero in the vehicle list and on the website, and the gallery on the vehicle page', async () => {
    const vehicleId = await newVehicle();
    const published = await as('patch', `/api/inventory/vehicles/${vehicleId}`)
      .set('If-Match', '"v1"')
      .send({ published: true });
    expect(published.status).toBe(200);
    const res = await upload(vehicleId, [
      { bytes: await photoJpeg(300, 200, 21), name: 'a.jpg' },
      { bytes: await photoJpeg(300, 200, 22), name: 'b.jpg' },
    ]);
    const [a, b] = res.body.items.map((item: { photo: { urls: unknown } }) => item.photo.urls);

    const list = await as('get', '/api/inventory/vehicles').query({ pageSize: '100' });
    const hit = list.body.items.find((item: { id: string }) => item.id === vehicleId);
    expect(hit).toMatchObject({ heroPhoto: a, photoCount: 2 });

    const page = await request(ctx.app).get(
      `/api/inventory/public/dealerships/${ctx.dealershipId}/vehicles/${vehicleId}`,
    );
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body).toMatchObject({ heroPhoto: a, photoCount: 2, photos: [a, b] });
  });

  it('refuses more than 60 photos per vehicle, naming each file not added', async () => {
    const vehicleId = await newVehicle();
    const files = await Promise.all(
      Array.from({ length: 61 }, async (_, i) => ({
        bytes: await photoJpeg(16, 12, 1000 + i),
        name: `p${i}.jpg`,
      })),
    );
    const first = await upload(vehicleId, files.slice(0, 60));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const over = await upload(vehicleId, files.slice(60));
    expect(over.status).toBe(409);
    expect(over.body.invalidParams).toEqual([
      { name: 'photos[0]', reason: 'p60.jpg was not added: the vehicle already has 60 photos' },
    ]);
    expect(await photosOf(vehicleId)).toHaveLength(60);
    expect(await keysOf(vehicleId)).toHaveLength(360);
  }, 60_000);

  it('deletes a vehicle’s photos, rows and objects, with the vehicle', async () => {
    const vehicleId = await newVehicle();
    await upload(vehicleId, [
      { bytes: await photoJpeg(100, 80, 51), name: 'a.jpg' },
      { bytes: await photoJpeg(100, 80, 52), name: 'b.jpg' },
    ]);
    expect(await keysOf(vehicleId)).toHaveLength(12);
    const deleted = await as('delete', `/api/inventory/vehicles/${vehicleId}`).set('If-Match', '"v1"');
    expect(deleted.status).toBe(204);
    expect(await keysOf(vehicleId)).toEqual([]);
    const rows = await ctx.database.writer
      .selectFrom('vehicle_photos')
      .select('id')
      .where('dealership_id', '=', ctx.dealershipId)
      .where('vehicle_id', '=', vehicleId)
      .execute();
    expect(rows).toEqual([]);
  });

  it('keeps one photo when the same file is uploaded twice at once, its objects intact', async () => {
    const vehicleId = await newVehicle();
    const bytes = await photoJpeg(640, 480, 61);
    const [first, second] = await Promise.all([
      upload(vehicleId, [{ bytes, name: 'one.jpg' }]),
      upload(vehicleId, [{ bytes, name: 'two.jpg' }]),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    const duplicates = [first, second].map((res) => res.body.items[0].duplicate).sort();
    expect(duplicates).toEqual([false, true]);
    expect(first.body.items[0].photo.id).toBe(second.body.items[0].photo.id);
    expect(await photosOf(vehicleId)).toHaveLength(1);
    const keys = await keysOf(vehicleId);
    expect(keys).toHaveLength(6);
    for (const key of keys) expect((await ctx.objects.get(key))?.body.length).toBeGreaterThan(0);
  });

  it('leaves nothing of a file whose upload is cut off mid-way', async () => {
    const vehicleId = await newVehicle();
    const bytes = await photoJpeg(800, 600, 71);
    const boundary = 'cut-off-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="cut.jpg"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    );
    const server = ctx.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answered = await new Promise<number | 'cut'>((resolve) => {
        const req = httpRequest({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/inventory/vehicles/${vehicleId}/photos`,
          headers: {
            Authorization: `Bearer ${manager}`,
            'X-Dealership-Id': ctx.dealershipId,
            'Content-Type': `multipart/form-data; boundary=${boundary}`,
            'Content-Length': String(head.length + bytes.length + 100),
          },
        });
        req.on('response', (res) => resolve(res.statusCode ?? 0));
        req.on('error', () => resolve('cut'));
        req.write(Buffer.concat([head, bytes.subarray(0, bytes.length >> 1)]), () =>
          setTimeout(() => req.destroy(), 100),
        );
      });
      expect(answered).toBe('cut');
      // The handler saw the body end early and stored nothing; give it a moment to finish.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await photosOf(vehicleId)).toEqual([]);
      expect(await keysOf(vehicleId)).toEqual([]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  describe('bad files: refused with a problem naming the file, nothing left in S3 or MySQL', () => {
    const jpeg = () => photoJpeg(400, 300, 31);
    const cases: Array<[string, () => Promise<File>, RegExp]> = [
      [
        'a PDF named .jpg and sent as image/jpeg',
        async () => ({ bytes: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n'), name: 'car.jpg' }),
        /^car\.jpg is a PDF document, not a photo we take/,
      ],
      [
        'text named .jpg',
        async () => ({ bytes: Buffer.from('just some text, not a picture'), name: 'notes.jpg' }),
        /^notes\.jpg is not an image/,
      ],
      [
        'a truncated JPEG',
        async () => {
          const bytes = await jpeg();
          return { bytes: bytes.subarray(0, bytes.length >> 1), name: 'cut.jpg' };
        },
        /^cut\.jpg is cut short/,
      ],
      [
        'a decompression bomb (a tiny PNG declaring 100000×100000)',
        async () => ({ bytes: pngDeclaring(100_000, 100_000), name: 'bomb.png', type: 'image/png' }),
        /^bomb\.png is 100000×100000 pixels \(10000 MP\); photos may have at most 50 MP$/,
      ],
      [
        'a 60 MP blank image, compressed small',
        async () => ({
          bytes: await sharp({ create: { width: 10_000, height: 6_000, channels: 3, background: '#fff' } })
            .png({ compressionLevel: 9 })
            .toBuffer(),
          name: 'blank.png',
          type: 'image/png',
        }),
        /^blank\.png is 10000×6000 pixels \(60 MP\)/,
      ],
      [
        'a GIF',
        async () => ({
          bytes: await sharp({ create: { width: 8, height: 8, channels: 3, background: '#f00' } })
            .gif()
            .toBuffer(),
          name: 'anim.gif',
          type: 'image/gif',
        }),
        /^anim\.gif is a GIF, not a photo we take/,
      ],
      [
        'an SVG',
        async () => ({
          bytes: Buffer.from(
            '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
          ),
          name: 'logo.svg',
          type: 'image/svg+xml',
        }),
        /^logo\.svg is an SVG drawing, not a photo we take/,
      ],
      [
        'a file over 25 MB',
        async () => {
          const bytes = Buffer.alloc(25 * 1024 * 1024 + 1, 0x20);
          (await jpeg()).copy(bytes);
          return { bytes, name: 'huge.jpg' };
        },
        /^huge\.jpg is larger than 25 MB$/,
      ],
    ];

    it.each(cases)(
      '%s',
      async (_label, make, reason) => {
        const vehicleId = await newVehicle();
        const good = await photoJpeg(120, 90, Math.floor(Math.random() * 1e6));
        const res = await upload(vehicleId, [{ bytes: good, name: 'good.jpg' }, await make()]);
        expect(res.status, JSON.stringify(res.body)).toBe(422);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body.type).toBe('https://showroom.dev/problems/invalid-image');
        expect(res.body.detail).toBe('1 of 2 photos added; 1 refused.');
        expect(res.body.invalidParams).toHaveLength(1);
        expect(res.body.invalidParams[0].name).toBe('photos[1]');
        expect(res.body.invalidParams[0].reason).toMatch(reason);
        // The good file was kept whole; of the bad one nothing is left.
        const photos = await photosOf(vehicleId);
        expect(photos).toHaveLength(1);
        expect(await keysOf(vehicleId)).toHaveLength(6);
        expect((await as('get', `/api/inventory/vehicles/${vehicleId}`)).body.photoCount).toBe(1);
      },
      30_000,
    );

    it('refuses a body that is not multipart, and a form without photo files', async () => {
      const vehicleId = await newVehicle();
      const json = await as('post', `/api/inventory/vehicles/${vehicleId}/photos`).send({ photos: ['x'] });
      expect(json.status).toBe(415);
      const empty = await as('post', `/api/inventory/vehicles/${vehicleId}/photos`).field('note', 'hello');
      expect(empty.status).toBe(400);
      expect(empty.body.invalidParams).toEqual([
        { name: 'note', reason: 'unexpected field; send only files in "photos"' },
      ]);
      expect(await keysOf(vehicleId)).toEqual([]);
    });

    it('a stray field after a good file: the file is added and the answer says so (201), naming the field it skipped', async () => {
      const vehicleId = await newVehicle();
      const res = await as('post', `/api/inventory/vehicles/${vehicleId}/photos`)
        .attach('photos', await photoJpeg(120, 90, 61), { filename: 'good.jpg', contentType: 'image/jpeg' })
        .field('note', 'hello');
      expect(res.status).toBe(201);
      expect(res.body.items.map((item: { name: string }) => item.name)).toEqual(['good.jpg']);
      expect(res.body.ignored).toEqual([
        { name: 'note', reason: 'unexpected field; send only files in "photos"' },
      ]);
      expect(await photosOf(vehicleId)).toHaveLength(1);
    });
  });

  it('answers 404 on every photo route for another dealership’s vehicle, and changes nothing there', async () => {
    const vehicleId = await newVehicle();
    const res = await upload(vehicleId, [{ bytes: await photoJpeg(100, 80, 41), name: 'mine.jpg' }]);
    const photoId = res.body.items[0].photo.id;
    const other = ctx.newDealership();
    const theirs = await ctx.tokenFor('owner', other);
    const asThem = (method: 'get' | 'post' | 'put' | 'delete', path: string) =>
      request(ctx.app)[method](path).auth(theirs, { type: 'bearer' }).set('X-Dealership-Id', other);
    const base = `/api/inventory/vehicles/${vehicleId}/photos`;
    const answers = [
      await asThem('post', base).attach('photos', await photoJpeg(100, 80, 42), 'theirs.jpg'),
      await asThem('get', base),
      await asThem('put', `${base}/order`).send({ photoIds: [photoId] }),
      await asThem('put', `${base}/hero`).send({ photoId }),
      await asThem('delete', `${base}/${photoId}`),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404]);
    expect((await photosOf(vehicleId)).map((p) => p.id)).toEqual([photoId]);
    expect(await keysOf(vehicleId)).toHaveLength(6);
    expect(await ctx.objects.list(`photos/${other}/`)).toEqual([]);
  });
});
