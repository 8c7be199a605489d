import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forDealership } from '@showroom/server-mysql';
import { startInventoryTestApp, type InventoryTestContext } from '../test/inventory-test-app';
import { freshVin } from '../test/vehicle-fixtures';
import { asManager, asRole, csvOf, feedCar } from './import-test-support';

describe('feed import', () => {
  let ctx: InventoryTestContext;
  beforeAll(async () => {
    ctx = await startInventoryTestApp({
      env: {
        FEED_IMPORT_POLL_INTERVAL_MS: '20',
        FEED_IMPORT_BATCH_ROWS: '2',
        FEED_IMPORT_MAX_ATTEMPTS: '1',
        FEED_IMPORT_STALE_AFTER_MS: '300',
        FEED_IMPORT_MAX_BYTES: '65536',
      },
    });
  });
  afterAll(() => ctx.close());
  const dealer = () => asManager(ctx, ctx.newDealership());

  it('reads an Excel CSV (BOM, CRLF, quoted commas, $ prices, 45,000 miles, blank lines, trailing empty columns, any header case)', async () => {
    const d = await dealer();
    const [a, b] = [freshVin(2022), freshVin(2021)];
    const text =
      '\uFEFFvin ,STOCK NUMBER,condition,Year,Make,Model,Trim,Mileage,Price,Description,,\r\n' +
      `${a},A-1,Used,2022,  Honda ,Accord,"Sport, 2.0T","45,000","$12,995.00","Clean, one owner",,\r\n` +
      '\r\n' +
      ',,,,,,,,,,,\r\n' +
      `${b},A-2,new,2021,Honda,Accord,EX,,"31,500",,,\r\n`;
    const uploaded = await d.upload(Buffer.from(text));
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.headers).toEqual([
      'vin',
      'STOCK NUMBER',
      'condition',
      'Year',
      'Make',
      'Model',
      'Trim',
      'Mileage',
      'Price',
      'Description',
    ]);
    expect(uploaded.body.detectedPresetId).toBe('showroom');
    expect(uploaded.body.job).toMatchObject({ status: 'uploaded', rowsTotal: 2 });
    expect(uploaded.body.preview[0][6]).toBe('Sport, 2.0T');
    expect(uploaded.body.suggestedMapping).toMatchObject({
      vin: 'vin',
      stockNumber: 'STOCK NUMBER',
      price: 'Price',
    });
    const stored = await ctx.objects.get(`imports/${d.dealershipId}/${uploaded.body.job.id}.csv`);
    expect(stored?.body.equals(Buffer.from(text))).toBe(true);

    const started = await d.send('post', `/api/inventory/imports/${uploaded.body.job.id}/start`).send({
      mapping: uploaded.body.suggestedMapping,
      rules: {},
    });
    expect(started.status).toBe(202);
    const job = await d.finished(uploaded.body.job.id);
    expect(job).toMatchObject({
      status: 'succeeded',
      rowsDone: 2,
      counts: { created: 2, updated: 0, unchanged: 0, skipped: 0 },
    });
    const cars = await d.vehicles();
    expect(cars.get(a)).toMatchObject({
      make: 'Honda',
      stock_number: 'A-1',
      trim: 'Sport, 2.0T',
      mileage: 45_000,
      description: 'Clean, one owner',
    });
    expect(Number(cars.get(a)?.price_cents)).toBe(1_299_500);
    expect(cars.get(b)).toMatchObject({ vehicle_condition: 'new', mileage: 0 });
    expect(await d.count('vehicle_changes')).toBe(2);
    expect(await d.count('vehicle_price_history')).toBe(2);
    // Kept only to resume from: gone once the import succeeded.
    expect(await ctx.objects.get(`imports/${d.dealershipId}/${uploaded.body.job.id}.csv`)).toBeNull();
  });

  it('recognises a vAuto export and imports it with its own words (New/Used, Odometer, Series, photo links by spaces)', async () => {
    const d = await dealer();
    const vin = freshVin(2022);
    const file = csvOf([
      {
        'Stock #': 'V-77',
        VIN: vin,
        Year: '2022',
        Make: 'Honda',
        Model: 'Accord',
        Series: 'Touring 2.0T',
        Body: 'Sedan 4D',
        'New/Used': 'U',
        Odometer: '12,345 mi',
        Price: '$31,250',
        'Drive Type': 'Front Wheel Drive',
        Transmission: '10-Speed Automatic',
        Fuel: 'Gasoline Fuel',
        'Photo URLs': 'http://192.0.2.1/1.jpg http://192.0.2.1/2.jpg',
      },
    ]);
    const uploaded = await d.upload(file);
    expect(uploaded.body.detectedPresetId).toBe('vauto');
    const job = await d.importFile(file);
    expect(job.counts).toMatchObject({ created: 1, skipped: 0 });
    expect((await d.vehicles()).get(vin)).toMatchObject({
      stock_number: 'V-77',
      trim: 'Touring 2.0T',
      body_style: 'sedan',
      vehicle_condition: 'used',
      mileage: 12_345,
      drivetrain: 'fwd',
      transmission: 'automatic',
      fuel_type: 'gasoline',
    });
    expect(await d.count('photo_fetch_jobs')).toBe(1);
  });

  it('skips bad rows with their line, field and reason, and imports the good ones', async () => {
    const d = await dealer();
    const good = feedCar();
    const badVin = feedCar({
      VIN: `${good.VIN.slice(0, 8)}${good.VIN[8] === '0' ? '1' : '0'}${good.VIN.slice(9)}`,
    });
    const badNumber = feedCar({ Mileage: 'about 40k' });
    const noMake = feedCar({ Make: '' });
    const excelMangled = feedCar({ Price: '1.2995E+04' });
    const wrongYear = feedCar({ Year: '2015' });
    const job = await d.importFile(csvOf([good, badVin, badNumber, noMake, excelMangled, wrongYear]));
    expect(job).toMatchObject({ status: 'succeeded', counts: { created: 1, skipped: 5 } });
    const report = await d.report(job.id);
    const errors = report.items.filter((i) => i.severity === 'error').map((i) => [i.line, i.field]);
    expect(errors).toEqual([
      [3, 'vin'],
      [4, 'mileage'],
      [5, 'make'],
      [6, 'price'],
      [7, 'year'],
    ]);
    expect(report.items[0]?.reason).toMatch(/check digit/);
    expect(report.items.find((i) => i.line === 6)?.reason).toMatch(/scientific notation/);
    expect([...(await d.vehicles()).keys()]).toEqual([good.VIN]);
  });

  it('importing the same file twice changes nothing', async () => {
    const d = await dealer();
    const file = csvOf([feedCar(), feedCar(), feedCar({ Price: '' })], { bom: true });
    const first = await d.importFile(file);
    expect(first.counts).toMatchObject({ created: 3, skipped: 0 });
    const before = {
      cars: await d.vehicles(),
      changes: await d.count('vehicle_changes'),
      prices: await d.count('vehicle_price_history'),
    };
    const second = await d.importFile(file);
    expect(second.counts).toEqual({ created: 0, updated: 0, unchanged: 3, skipped: 0, missing: 0 });
    const after = await d.vehicles();
    for (const [vin, car] of before.cars) expect(after.get(vin)).toEqual(car);
    expect(await d.count('vehicle_changes')).toBe(before.changes);
    expect(await d.count('vehicle_price_history')).toBe(before.prices);
  });

  it('keeps locked fields of cars on the lot while the price still updates', async () => {
    const d = await dealer();
    const car = feedCar({ 'Stock Number': 'L-1' });
    await d.importFile(csvOf([car]));
    const job = await d.importFile(
      csvOf([{ ...car, Trim: 'Touring', Mileage: '25,100', Price: '$24,995' }]),
      {
        locked: ['trim', 'mileage'],
      },
    );
    expect(job.counts).toMatchObject({ updated: 1 });
    const stored = (await d.vehicles()).get(car.VIN);
    expect(stored).toMatchObject({ trim: 'Sport', mileage: 24_500, version: 2 });
    expect(Number(stored?.price_cents)).toBe(2_499_500);
    expect(await d.count('vehicle_price_history')).toBe(2);
  });

  describe('a full feed handles the cars it no longer lists as the dealer chose', () => {
    for (const [missing, expected] of [
      ['mark_sold', 'sold'],
      ['archive', 'archived'],
      ['delete', undefined],
      ['keep', 'available'],
    ] as const) {
      it(missing, async () => {
        const d = await dealer();
        const [stays, goes] = [feedCar(), feedCar()];
        await d.importFile(csvOf([stays, goes]));
        const job = await d.importFile(csvOf([stays]), { mode: 'full', missing });
        expect(job.counts).toMatchObject({ unchanged: 1, missing: 1 });
        const cars = await d.vehicles();
        expect(cars.get(stays.VIN)?.status).toBe('available');
        expect(cars.get(goes.VIN)?.status).toBe(expected);
        // Again: the car already gone is not missing twice, and nothing else moves.
        const again = await d.importFile(csvOf([stays]), { mode: 'full', missing });
        expect(again.counts.missing).toBe(missing === 'keep' ? 1 : 0);
      });
    }

    it('a car whose row was skipped for a bad value is listed, so not missing', async () => {
      const d = await dealer();
      const [fine, mistyped] = [feedCar(), feedCar()];
      await d.importFile(csvOf([fine, mistyped]));
      const job = await d.importFile(csvOf([fine, { ...mistyped, Price: 'call us' }]), {
        mode: 'full',
        missing: 'mark_sold',
      });
      expect(job.counts).toMatchObject({ unchanged: 1, skipped: 1, missing: 0 });
      expect((await d.vehicles()).get(mistyped.VIN)?.status).toBe('available');
    });

    it('a file without a single vehicle does not empty the lot', async () => {
      const d = await dealer();
      const car = feedCar();
      await d.importFile(csvOf([car]));
      const job = await d.importFile(csvOf([{ ...car, VIN: 'NOT-A-VIN' }]), {
        mode: 'full',
        missing: 'delete',
      });
      expect(job.counts).toMatchObject({ skipped: 1, missing: 0 });
      expect((await d.vehicles()).get(car.VIN)?.status).toBe('available');
      expect((await d.report(job.id)).items.map((i) => i.reason)).toContain(
        'the file lists no vehicle, so no vehicle on the lot was treated as missing',
      );
    });

    it('a partial feed leaves the others alone', async () => {
      const d = await dealer();
      const [stays, other] = [feedCar(), feedCar()];
      await d.importFile(csvOf([stays, other]));
      const job = await d.importFile(csvOf([stays]), { mode: 'partial', missing: 'delete' });
      expect(job.counts.missing).toBe(0);
      expect((await d.vehicles()).get(other.VIN)?.status).toBe('available');
    });
  });

  it('after a crash midway the lot is consistent, and the import resumes from its last batch', async () => {
    const d = await dealer();
    const cars = Array.from({ length: 5 }, () => feedCar());
    const poison = cars[3]?.VIN as string;
    // A real failure inside the third batch's transaction (rows 5-6): the database refuses the car.
    await sql
      .raw(
        `CREATE TRIGGER refuse_poison BEFORE INSERT ON vehicles FOR EACH ROW BEGIN IF NEW.vin = '${poison}' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk on fire'; END IF; END`,
      )
      .execute(ctx.database.writer);
    const failed = await d.importFile(csvOf(cars));
    expect(failed).toMatchObject({ status: 'failed', rowsDone: 2, counts: { created: 2 } });
    // The first batch committed with the cursor; nothing of the failed batch is left behind.
    const midway = await d.vehicles();
    expect([...midway.keys()].sort()).toEqual([cars[0]?.VIN, cars[1]?.VIN].sort());
    expect(await d.count('vehicle_changes')).toBe(2);
    await sql.raw('DROP TRIGGER refuse_poison').execute(ctx.database.writer);

    // A worker that died while running the import: its heartbeat goes stale and another takes it over.
    await forDealership(ctx.database.writer, d.dealershipId)
      .updateTable('feed_imports')
      .set({ status: 'running', heartbeat_at: new Date(Date.now() - 60_000) })
      .where('id', '=', failed.id)
      .execute();
    const resumed = await d.finished(failed.id);
    expect(resumed).toMatchObject({ status: 'succeeded', rowsDone: 5, counts: { created: 5, skipped: 0 } });
    const done = await d.vehicles();
    expect(done.size).toBe(5);
    expect(await d.count('vehicle_changes')).toBe(5);
    expect(new Set([...done.values()].map((car) => car.stock_number)).size).toBe(5);
  });

  it('resume queues a failed import again, and refuses one that has not failed', async () => {
    const d = await dealer();
    const job = await d.importFile(csvOf([feedCar()]));
    const res = await d.send('post', `/api/inventory/imports/${job.id}/resume`);
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('hands new or changed photo lists to the robot, once', async () => {
    const d = await dealer();
    const car = feedCar({ Photos: 'http://192.0.2.1/a.jpg|http://192.0.2.1/b.jpg; http://192.0.2.1/c.jpg' });
    await d.importFile(csvOf([car, feedCar()]));
    const jobs = await forDealership(ctx.database.writer, d.dealershipId)
      .selectFrom('photo_fetch_jobs')
      .selectAll()
      .execute();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ origin_kind: 'feed' });
    await d.importFile(csvOf([car]));
    expect(await d.count('photo_fetch_jobs')).toBe(1);
    await d.importFile(csvOf([{ ...car, Photos: 'http://192.0.2.1/d.jpg' }]));
    expect(await d.count('photo_fetch_jobs')).toBe(2);
  });

  it('refuses what is not a CSV, or too large, with a problem naming the file', async () => {
    const d = await dealer();
    const workbook = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 1)]);
    const cases = [
      [await d.upload(workbook, 'stock.xlsx'), 400, /Excel workbook/],
      [await d.upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'car.png'), 400, /binary/],
      [await d.upload(Buffer.from('just one line of text\n'), 'notes.txt'), 400, /header row/],
      [await d.upload(Buffer.alloc(70_000, 'a'), 'huge.csv'), 413, /larger than 64 KB/],
      [await d.send('post', '/api/inventory/imports').send({ file: 'x' }), 415, /multipart/],
    ] as const;
    for (const [res, status, detail] of cases) {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.detail).toMatch(detail);
    }
    const listed = await d.send('get', '/api/inventory/imports');
    expect(listed.body.items).toEqual([]);
  });

  it('refuses a mapping naming columns the file does not have', async () => {
    const d = await dealer();
    const uploaded = await d.upload(csvOf([feedCar()]));
    const res = await d.send('post', `/api/inventory/imports/${uploaded.body.job.id}/start`).send({
      mapping: { vin: 'VIN', year: 'Year', make: 'Make', model: 'Model Name' },
      rules: {},
    });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams).toEqual([
      { name: 'mapping.model', reason: 'the file has no column "Model Name"' },
    ]);
  });

  it('another dealership gets 404 for an import, its report and its start', async () => {
    const d = await dealer();
    const uploaded = await d.upload(csvOf([feedCar()]));
    const id = uploaded.body.job.id as string;
    const them = await dealer();
    for (const [method, path] of [
      ['get', `/api/inventory/imports/${id}`],
      ['get', `/api/inventory/imports/${id}/report`],
      ['post', `/api/inventory/imports/${id}/start`],
      ['post', `/api/inventory/imports/${id}/resume`],
    ] as const) {
      const res = await them
        .send(method, path)
        .send(
          method === 'post'
            ? { mapping: { vin: 'VIN', year: 'Year', make: 'Make', model: 'Model' }, rules: {} }
            : undefined,
        );
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await them.send('get', '/api/inventory/imports')).body.items).toEqual([]);
  });

  describe('deleting the cars a full feed no longer lists needs inventory:delete', () => {
    const MAPPING = { vin: 'VIN', year: 'Year', make: 'Make', model: 'Model' };
    const DELETE = { mode: 'full', missing: 'delete' } as const;

    function expectRefused(res: {
      status: number;
      headers: Record<string, string>;
      body: { detail?: string };
    }) {
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.detail).toMatch(/inventory:delete/);
    }

    it('a salesperson may not start an import, nor save rules, that delete missing cars; other rules are fine', async () => {
      const dealershipId = ctx.newDealership();
      const manager = await asManager(ctx, dealershipId);
      const sales = await asRole(ctx, dealershipId, 'sales');
      const [stays, goes] = [feedCar(), feedCar()];
      await manager.importFile(csvOf([stays, goes]));

      const uploaded = await sales.upload(csvOf([stays]));
      const start = (rules: object) =>
        sales
          .send('post', `/api/inventory/imports/${uploaded.body.job.id}/start`)
          .send({ mapping: MAPPING, rules });
      expectRefused(await start(DELETE));
      expectRefused(
        await sales.send('put', '/api/inventory/imports/settings').send({ mapping: MAPPING, rules: DELETE }),
      );
      // Nothing was saved nor queued by the refused calls.
      expect((await sales.send('get', '/api/inventory/imports/settings')).body.rules.missing).toBe('keep');
      expect((await sales.send('get', `/api/inventory/imports/${uploaded.body.job.id}`)).body.status).toBe(
        'uploaded',
      );

      expect((await start({ mode: 'full', missing: 'mark_sold' })).status).toBe(202);
      expect((await sales.finished(uploaded.body.job.id)).counts.missing).toBe(1);
      expect((await manager.vehicles()).get(goes.VIN)?.status).toBe('sold');
    });

    it('a salesperson may not change the feed while the saved rules delete missing cars; a manager may', async () => {
      const dealershipId = ctx.newDealership();
      const manager = await asManager(ctx, dealershipId);
      const sales = await asRole(ctx, dealershipId, 'sales');
      const saved = await manager
        .send('put', '/api/inventory/imports/settings')
        .send({ mapping: MAPPING, rules: DELETE });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const feed = { url: 'https://dms.example.com/stock.csv', intervalHours: 24, enabled: true };
      expectRefused(await sales.send('put', '/api/inventory/imports/feed-source').send(feed));
      expect((await sales.send('get', '/api/inventory/imports/feed-source')).body.enabled).toBe(false);
      expect((await manager.send('put', '/api/inventory/imports/feed-source').send(feed)).status).toBe(200);
    });
  });
});
