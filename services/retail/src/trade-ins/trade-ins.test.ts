import request from 'supertest';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  DEAL_ACCESS_HEADER,
  DEALERSHIP_HEADER,
  type DealDesk,
  type DealList,
  type DealTradeIn,
  type ShopperDeal,
  type TradeInInput,
} from '@showroom/contracts';
import { atDesk, dealershipWithCar, runJobs, startDeal } from '../deals/deal-test-support';
import { DealRepository } from '../deals/deal-repository';
import { retailAppOnDemo, type TestMember } from '../test/retail-test-app';
import { tradePhotoKey } from './trade-in-photos';
import {
  ACCORD_ROW,
  ANY_HONDA_ROW,
  FORD_2013_VIN,
  GOOD_CONDITION,
  HONDA_2003_VIN,
  phonePhotoWithGps,
  saveGrid,
  smallPhoto,
} from './trade-in-test-support';

const ctx = retailAppOnDemo();

const ACCORD: TradeInInput = {
  vin: HONDA_2003_VIN,
  model: 'Accord',
  mileage: 120_000,
  condition: GOOD_CONDITION,
  payoffCents: 100_000,
};

/** A shopper on the dealership's website with a draft deal, and the dealer's grid saved. */
async function shopperWithDeal() {
  const { storefront, vehicle, sales } = await dealershipWithCar(ctx);
  await saveGrid(ctx, storefront.dealershipId, [ANY_HONDA_ROW, ACCORD_ROW]);
  const shopper = await startDeal(ctx, storefront, vehicle);
  return { storefront, shopper, sales, dealershipId: storefront.dealershipId };
}

const uploadTo = (
  shopper: Awaited<ReturnType<typeof startDeal>>,
  files: { name: string; bytes: Buffer }[],
) => {
  let test = shopper.call('post', '/trade-in/photos');
  for (const file of files) test = test.attach('photos', file.bytes, file.name);
  return test;
};

function deskPhoto(member: TestMember, dealershipId: string, dealId: string, photoId: string) {
  return request(ctx.app)
    .get(`/api/retail/deals/${dealId}/trade-in/photos/${photoId}`)
    .auth(member.token, { type: 'bearer' })
    .set(DEALERSHIP_HEADER, dealershipId)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

describe('a shopper adds a trade-in to their deal', () => {
  it('when the VIN is given, then its year and make are used and the model’s grid row prices the trade, less the stated deductions', async () => {
    const { shopper, dealershipId } = await shopperWithDeal();

    const res = await shopper
      .call('put', '/trade-in')
      .send({ ...ACCORD, condition: { ...GOOD_CONDITION, accidents: true, keys: 1 } })
      .expect(200);

    const trade = res.body as DealTradeIn;
    expect(trade).toMatchObject({ vin: HONDA_2003_VIN, year: 2003, make: 'Honda', model: 'Accord' });
    // The Accord row (not "any Honda"): $3,000–$4,000, less 5 % for the accident and $250 for the key.
    expect(trade.estimate).toEqual({ lowCents: 260_000, highCents: 355_000 });
    expect(trade).toMatchObject({
      status: 'estimated',
      valueCents: 260_000,
      payoffCents: 100_000,
      photos: [],
    });

    // The draft is quoted with the trade; the desk sees it and the timeline says so.
    const deal = (await shopper.call('get').expect(200)).body as ShopperDeal;
    expect(deal.tradeIn?.id).toBe(trade.id);
    expect(deal.offer.quote.tradeValueCents).toBe(260_000);
    const owner = await ctx.member('owner', dealershipId);
    const desk = (await atDesk(ctx, owner, dealershipId).get(`/deals/${shopper.dealId}`).expect(200))
      .body as DealDesk;
    expect(desk.tradeIn?.estimate).toEqual(trade.estimate);
    expect(desk.activity.find((entry) => entry.kind === 'trade-added')?.text).toBe(
      'Added a trade-in: 2003 Honda Accord, 120,000 miles; estimated $2,600.00 to $3,550.00.',
    );
  });

  it('when the typed make or year contradicts the VIN, then 422 names the field and nothing is stored', async () => {
    const { shopper } = await shopperWithDeal();

    const make = await shopper
      .call('put', '/trade-in')
      .send({ ...ACCORD, make: 'Toyota' })
      .expect(422);
    expect(make.body.invalidParams).toEqual([
      { name: 'body.make', reason: 'the VIN is of a Honda, not a Toyota' },
    ]);
    const year = await shopper
      .call('put', '/trade-in')
      .send({ ...ACCORD, year: 2008 })
      .expect(422);
    expect(year.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['body.year']);
    expect(((await shopper.call('get').expect(200)).body as ShopperDeal).tradeIn).toBeNull();
  });

  it('when no grid row covers the car, then it awaits the dealer’s appraisal and counts nothing yet', async () => {
    const { shopper } = await shopperWithDeal();

    const res = await shopper
      .call('put', '/trade-in')
      .send({ ...ACCORD, vin: FORD_2013_VIN, model: 'F-150' })
      .expect(200);

    expect(res.body).toMatchObject({
      year: 2013,
      make: 'Ford',
      estimate: null,
      status: 'awaiting-appraisal',
      valueCents: 0,
    });
  });

  it('when the token is wrong, the deal another dealership’s, or the deal withdrawn, then the trade is refused', async () => {
    const { shopper, dealershipId } = await shopperWithDeal();
    const other = ctx.newDealership();

    await shopper.call('put', '/trade-in', 'not-the-token').send(ACCORD).expect(404);
    await request(ctx.app)
      .put(`/api/retail/public/dealerships/${other.dealershipId}/deals/${shopper.dealId}/trade-in`)
      .set('Origin', other.siteOrigins[0] as string)
      .set(DEAL_ACCESS_HEADER, shopper.accessToken)
      .send(ACCORD)
      .expect(404);

    await new DealRepository(ctx.database.writer).update(dealershipId, shopper.dealId, {
      status: 'withdrawn',
    });
    const closed = await shopper.call('put', '/trade-in').send(ACCORD).expect(409);
    expect(closed.body.detail).toContain('withdrawn');
  });
});

describe('photos of the trade', () => {
  it('when a phone photo with its GPS position is uploaded, then it is kept upright as a JPEG with no EXIF at all, for the desk and by the shopper’s signed path', async () => {
    const { shopper, dealershipId } = await shopperWithDeal();
    const trade = (await shopper.call('put', '/trade-in').send(ACCORD).expect(200)).body as DealTradeIn;
    const original = await phonePhotoWithGps();
    const taken = await sharp(original).metadata();
    expect(taken.exif).toBeDefined();
    expect(taken.orientation).toBe(6);

    const res = await uploadTo(shopper, [{ name: 'IMG_0042.jpg', bytes: original }]).expect(201);

    const photos = (res.body as DealTradeIn).photos;
    expect(photos).toHaveLength(1);
    const photoId = photos[0]?.id as string;
    const stored = await ctx.objects.get(tradePhotoKey(dealershipId, trade.id, photoId));
    expect(stored?.contentType).toBe('image/jpeg');
    const kept = await sharp(stored?.body).metadata();
    expect(kept).toMatchObject({ format: 'jpeg', width: 1200, height: 2400 });
    expect(kept.exif).toBeUndefined();
    expect(kept.orientation).toBeUndefined();
    expect(stored?.body.includes('PhoneMaker')).toBe(false);

    const viewer = await ctx.member('viewer', dealershipId);
    const atDeskPhoto = await deskPhoto(viewer, dealershipId, shopper.dealId, photoId).expect(200);
    expect(atDeskPhoto.headers['content-type']).toBe('image/jpeg');
    expect(atDeskPhoto.headers['cache-control']).toBe('private, max-age=300');
    expect(Buffer.compare(atDeskPhoto.body as Buffer, stored?.body as Buffer)).toBe(0);

    // An <img> on the website: the signed path, no header.
    const url = photos[0]?.url as string;
    expect(url).toMatch(
      new RegExp(
        `^/api/retail/public/dealerships/${dealershipId}/deals/${shopper.dealId}/trade-in/photos/${photoId}\\?sig=`,
      ),
    );
    const shown = await request(ctx.app).get(url).expect(200);
    expect(shown.headers['content-type']).toBe('image/jpeg');
    expect(shown.headers['cross-origin-resource-policy']).toBe('cross-origin');
    await request(ctx.app)
      .get(url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))
      .expect(404);
    const otherPhoto = url.replace(photoId, '00000000-0000-4000-8000-000000000000');
    await request(ctx.app).get(otherPhoto).expect(404);
  });

  it('when a file is not an image, then 422 names it and the trade keeps its photos', async () => {
    const { shopper } = await shopperWithDeal();
    await shopper.call('put', '/trade-in').send(ACCORD).expect(200);

    const res = await uploadTo(shopper, [
      { name: 'title.pdf', bytes: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n') },
    ]).expect(422);

    expect(res.body.invalidParams).toEqual([
      { name: 'photos[0]', reason: 'title.pdf is a PDF document, not a photo' },
    ]);
    expect(((await shopper.call('get').expect(200)).body as ShopperDeal).tradeIn?.photos).toEqual([]);
  });

  it('when the trade has eight photos, then a ninth is refused with 409 and not kept in storage', async () => {
    const { shopper, dealershipId } = await shopperWithDeal();
    const trade = (await shopper.call('put', '/trade-in').send(ACCORD).expect(200)).body as DealTradeIn;
    const photo = await smallPhoto();
    const eight = Array.from({ length: 8 }, (_, i) => ({ name: `side-${i + 1}.png`, bytes: photo }));

    const first = await uploadTo(shopper, eight).expect(201);
    expect((first.body as DealTradeIn).photos).toHaveLength(8);

    const ninth = await uploadTo(shopper, [{ name: 'one-more.png', bytes: photo }]).expect(409);
    expect(ninth.body.invalidParams[0]).toMatchObject({ name: 'photos[0]' });
    expect(ninth.body.invalidParams[0].reason).toContain('one-more.png');
    const kept = await ctx.objects.list(`retail/${dealershipId}/trade-ins/${trade.id}/`);
    expect(kept.sort()).toEqual(
      (first.body as DealTradeIn).photos.map((p) => tradePhotoKey(dealershipId, trade.id, p.id)).sort(),
    );
  });

  it('when the shopper describes the same car again, then its photos stay; another car drops them', async () => {
    const { shopper, dealershipId } = await shopperWithDeal();
    const trade = (await shopper.call('put', '/trade-in').send(ACCORD).expect(200)).body as DealTradeIn;
    const added = await uploadTo(shopper, [{ name: 'front.png', bytes: await smallPhoto() }]).expect(201);
    const photoId = (added.body as DealTradeIn).photos[0]?.id as string;

    const sameCar = await shopper
      .call('put', '/trade-in')
      .send({ ...ACCORD, mileage: 121_000 })
      .expect(200);
    expect((sameCar.body as DealTradeIn).photos.map((p) => p.id)).toEqual([photoId]);

    const otherCar = await shopper
      .call('put', '/trade-in')
      .send({ ...ACCORD, vin: FORD_2013_VIN, model: 'F-150' })
      .expect(200);
    expect((otherCar.body as DealTradeIn).photos).toEqual([]);
    expect(await ctx.objects.get(tradePhotoKey(dealershipId, trade.id, photoId))).toBeNull();
  });
});

describe('the desk appraises the trade', () => {
  it('when a finance manager appraises a submitted deal’s trade, then the deal counts it, the lead hears of it and the shopper is e-mailed with a link to the deal', async () => {
    const { shopper, storefront, dealershipId } = await shopperWithDeal();
    await shopper
      .call('put', '/trade-in')
      .send({ ...ACCORD, vin: FORD_2013_VIN, model: 'F-150' })
      .expect(200);
    await shopper.call('post', '/submit').expect(200);
    await runJobs(ctx);
    const leadInputs = ctx.peers.leads.get(shopper.dealId)?.inputs.length ?? 0;
    const finance = await ctx.member('finance', dealershipId, 'Fiona Finance');

    const res = await request(ctx.app)
      .put(`/api/retail/deals/${shopper.dealId}/trade-in/appraisal`)
      .auth(finance.token, { type: 'bearer' })
      .set(DEALERSHIP_HEADER, dealershipId)
      .send({ valueCents: 1_850_000, note: 'Clean truck, new tyres.' })
      .expect(200);

    expect(res.body).toMatchObject({
      status: 'appraised',
      valueCents: 1_850_000,
      appraisal: { valueCents: 1_850_000, note: 'Clean truck, new tyres.', appraisedBy: 'Fiona Finance' },
    });
    await runJobs(ctx);
    const lead = ctx.peers.leads.get(shopper.dealId);
    expect(lead?.inputs.length).toBeGreaterThan(leadInputs);
    expect(lead?.activities).toContainEqual({
      actor: 'Fiona Finance',
      text: 'Appraised the trade-in at $18,500.00.',
    });
    const mail = await ctx.sink.waitFor((m) => m.subject.includes('trade-in appraisal'));
    expect(mail.to).toEqual(['dana.driver@example.com']);
    expect(mail.text).toContain('at $18,500.00');
    expect(mail.text).toContain('Their note: Clean truck, new tyres.');
    const link = /(http\S+\/deals\/\S+)/.exec(mail.text)?.[1] as string;
    expect(link.startsWith(`${storefront.siteUrl}/deals/${shopper.dealId}?access=`)).toBe(true);
    const token = new URL(link).searchParams.get('access') as string;
    const opened = await shopper.call('get', '', token).expect(200);
    expect((opened.body as ShopperDeal).tradeIn?.status).toBe('appraised');
    const list = await request(ctx.app)
      .get('/api/retail/deals')
      .auth(finance.token, { type: 'bearer' })
      .set(DEALERSHIP_HEADER, dealershipId)
      .expect(200);
    expect((list.body as DealList).items).toEqual([
      expect.objectContaining({
        id: shopper.dealId,
        tradeStatus: 'appraised',
        creditApplicationStatus: null,
        reservationStatus: null,
      }),
    ]);
  });

  it('when a viewer tries to appraise, then 403; another dealership or a deal without a trade answers 404', async () => {
    const { shopper, dealershipId } = await shopperWithDeal();
    const appraise = (member: TestMember, atDealership: string, dealId = shopper.dealId) =>
      request(ctx.app)
        .put(`/api/retail/deals/${dealId}/trade-in/appraisal`)
        .auth(member.token, { type: 'bearer' })
        .set(DEALERSHIP_HEADER, atDealership)
        .send({ valueCents: 500_000 });

    const owner = await ctx.member('owner', dealershipId);
    await appraise(owner, dealershipId).expect(404);
    await shopper.call('put', '/trade-in').send(ACCORD).expect(200);

    await appraise(await ctx.member('viewer', dealershipId), dealershipId).expect(403);
    const other = ctx.newDealership();
    await appraise(await ctx.member('owner', other.dealershipId), other.dealershipId).expect(404);
    const trade = ((await shopper.call('get').expect(200)).body as ShopperDeal).tradeIn;
    expect(trade?.status).toBe('estimated');
  });
});
