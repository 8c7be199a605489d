import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { EXCLUSION_REASON_TEXT, SyndicationSettingsSchema } from '@showroom/contracts';
import { CHANNEL_FILES, channelRule, missingForChannels } from './channels';
import { feedContext, feedVehicle } from './feed-fixtures';
import { GOOGLE_COLUMNS, googleFeedTsv } from './google-feed';
import { marketplaceFeedCsv } from './marketplace-feed';
import { metaFeedCsv, metaFeedXml } from './meta-feed';
import { selectForFeed } from './web-ready';

const records = (text: string, delimiter = ',') =>
  parse(text, { columns: true, delimiter, ...(delimiter === '\t' ? { quote: false } : {}) }) as Record<
    string,
    string
  >[];

describe('Google vehicle ads feed (tab-delimited)', () => {
  it('gives every required attribute under Google’s names, formatted as Google reads them', () => {
    const used = feedVehicle();
    const [row] = records(googleFeedTsv([used], feedContext), '\t');

    expect(Object.keys(row)).toEqual([...GOOGLE_COLUMNS]);
    expect(row).toMatchObject({
      id: used.id,
      store_code: 'MAPLE-01',
      vin: used.vin,
      title: '2021 Honda Accord Sport',
      link: `https://www.maple-motors.example/vehicles/${used.id}`,
      image_link: used.photoUrls[0],
      additional_image_link: `${used.photoUrls[1]},${used.photoUrls[2]}`,
      price: '12995.00 USD',
      condition: 'used',
      'certified_pre-owned': 'no',
      brand: 'Honda',
      make: 'Honda',
      model: 'Accord',
      year: '2021',
      trim: 'Sport',
      mileage: '45000 miles',
      color: 'Platinum White',
      body_style: 'sedan',
      dealership_name: 'Maple Motors',
      dealership_address: '1800 Main St., Springfield, IL 62701, US',
      vehicle_fulfillment: 'in_store:MAPLE-01',
      date_in_stock: '2026-11-02',
    });
  });

  it('a certified car is used and certified; a new car has no mileage and carries its MSRP', () => {
    const certified = feedVehicle({ condition: 'certified' });
    const fresh = feedVehicle({ condition: 'new', mileage: 12, msrpCents: 3_050_000, bodyStyle: 'pickup' });
    const [c, n] = records(googleFeedTsv([certified, fresh], feedContext), '\t');

    expect(c).toMatchObject({ condition: 'used', 'certified_pre-owned': 'yes', mileage: '45000 miles' });
    expect(n).toMatchObject({
      condition: 'new',
      'certified_pre-owned': '',
      mileage: '',
      vehicle_msrp: '30500.00 USD',
      body_style: 'truck',
    });
  });

  it('free text with tabs and line breaks stays on its row and in its column', () => {
    const vehicle = feedVehicle({ description: 'Line one\r\nLine\ttwo', exteriorColor: 'Red\tish' });
    const text = googleFeedTsv([vehicle], feedContext);

    expect(text.trimEnd().split('\n')).toHaveLength(2);
    const [row] = records(text, '\t');
    expect(row.description).toBe('Line one Line two');
    expect(row.color).toBe('Red ish');
  });
});

describe('Meta automotive catalog', () => {
  it('CSV: Meta’s fields, enumerations and nested names; quoted commas survive', () => {
    const cpo = feedVehicle({
      condition: 'certified',
      bodyStyle: 'pickup',
      description: 'Tow package, bed liner',
    });
    const fresh = feedVehicle({ condition: 'new', bodyStyle: null, priceCents: 1_299_550, photoUrls: [] });
    const [c, n] = records(metaFeedCsv([cpo, fresh], feedContext));

    expect(c).toMatchObject({
      vehicle_id: cpo.id,
      vin: cpo.vin,
      make: 'Honda',
      model: 'Accord',
      year: '2021',
      body_style: 'TRUCK',
      exterior_color: 'Platinum White',
      'mileage.value': '45000',
      'mileage.unit': 'MI',
      price: '12995 USD',
      state_of_vehicle: 'CPO',
      'address.addr1': '1800 Main St.',
      'address.city': 'Springfield',
      'address.region': 'IL',
      'address.postal_code': '62701',
      'address.country': 'US',
      url: `https://www.maple-motors.example/vehicles/${cpo.id}`,
      title: '2021 Honda Accord Sport',
      description: 'Tow package, bed liner',
      'image[0].url': cpo.photoUrls[0],
      'image[2].url': cpo.photoUrls[2],
      availability: 'available',
      transmission: 'AUTOMATIC',
      drivetrain: 'FWD',
      fuel_type: 'GASOLINE',
    });
    expect(n).toMatchObject({
      state_of_vehicle: 'NEW',
      body_style: 'OTHER',
      price: '12995.50 USD',
      'image[0].url': '',
    });
    expect(records(metaFeedCsv([feedVehicle({ condition: 'used' })], feedContext))[0].state_of_vehicle).toBe(
      'USED',
    );
  });

  it('XML: one <listing> per car with nested mileage, address components and images; text is escaped', () => {
    const vehicle = feedVehicle({ trim: 'Sport & Touring <2>' });
    const xml = metaFeedXml([vehicle, feedVehicle()], feedContext);

    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(xml);
    const listing = parsed.listings.listing[0];
    expect(parsed.listings.listing).toHaveLength(2);
    expect(listing).toMatchObject({
      vehicle_id: vehicle.id,
      vin: vehicle.vin,
      trim: 'Sport & Touring <2>',
      mileage: { value: 45000, unit: 'MI' },
      price: '12995 USD',
      state_of_vehicle: 'USED',
      body_style: 'SEDAN',
    });
    expect(listing.address['@_format']).toBe('simple');
    expect(listing.address.component).toContainEqual({ '@_name': 'city', '#text': 'Springfield' });
    expect(listing.image.map((image: { url: string }) => image.url)).toEqual(vehicle.photoUrls);
    expect(xml).toContain('Sport &amp; Touring &lt;2&gt;');
  });
});

describe('marketplace CSV', () => {
  it('one row per car with the dealer, prices as amounts and photos separated by |', () => {
    const vehicle = feedVehicle({ description: 'Says "mint", has, commas' });
    const [row] = records(marketplaceFeedCsv([vehicle], feedContext));

    expect(row).toMatchObject({
      dealer_name: 'Maple Motors',
      dealer_address: '1800 Main St., Springfield, IL 62701, US',
      vin: vehicle.vin,
      stock_number: vehicle.stockNumber,
      price: '12995.00',
      currency: 'USD',
      mileage: '45000',
      description: 'Says "mint", has, commas',
      photo_urls: vehicle.photoUrls.join('|'),
    });
  });
});

describe('the web-ready rule and the report of cars left out', () => {
  const rule = { requirePrice: true, minPhotos: 2, requireDescription: true };

  it('keeps a ready car, and leaves out each unready one with every reason', () => {
    const ready = feedVehicle();
    const cases = {
      noPrice: feedVehicle({ priceCents: null }),
      noPhotos: feedVehicle({ photoUrls: [] }),
      fewPhotos: feedVehicle({ photoUrls: ['https://media.example.com/1.jpg'] }),
      noDescription: feedVehicle({ description: '  ' }),
      unpublished: feedVehicle({ published: false }),
      pending: feedVehicle({ status: 'pending' }),
      badVin: feedVehicle({ vin: '1HGCV1F30LA000001'.replace(/.$/, '9') }),
      twiceA: feedVehicle({ vin: '1HGCV1F34MA200001' }),
      twiceB: feedVehicle({ vin: '1HGCV1F34MA200001' }),
      several: feedVehicle({ priceCents: null, photoUrls: [], published: false }),
    };

    const { included, excluded } = selectForFeed([ready, ...Object.values(cases)], rule);

    expect(included.map((v) => v.id)).toEqual([ready.id]);
    const reasonsOf = (vehicle: { id: string }) => excluded.find((e) => e.vehicleId === vehicle.id)?.reasons;
    expect(reasonsOf(cases.noPrice)).toEqual(['no_price']);
    expect(reasonsOf(cases.noPhotos)).toEqual(['no_photos']);
    expect(reasonsOf(cases.fewPhotos)).toEqual(['too_few_photos']);
    expect(reasonsOf(cases.noDescription)).toEqual(['no_description']);
    expect(reasonsOf(cases.unpublished)).toEqual(['unpublished']);
    expect(reasonsOf(cases.pending)).toEqual(['not_for_sale']);
    expect(reasonsOf(cases.badVin)).toContain('invalid_vin');
    expect(reasonsOf(cases.twiceA)).toContain('duplicate_vin');
    expect(reasonsOf(cases.twiceB)).toContain('duplicate_vin');
    expect(reasonsOf(cases.several)).toEqual(['unpublished', 'no_price', 'no_photos']);
    expect(excluded.find((e) => e.vehicleId === cases.noPrice.id)).toMatchObject({
      stockNumber: cases.noPrice.stockNumber,
      title: '2021 Honda Accord Sport',
    });
  });

  it('a lax rule (no price needed, no photos needed) lets those cars in', () => {
    const { included } = selectForFeed([feedVehicle({ priceCents: null, photoUrls: [] })], {
      requirePrice: false,
      minPhotos: 0,
      requireDescription: false,
    });
    expect(included).toHaveLength(1);
  });
});

describe('what each channel needs besides the dealership’s rule', () => {
  it('Google and Meta leave out a car without a price or an image even when the rule lets it in; marketplaces take it', () => {
    const lax = { requirePrice: false, minPhotos: 0, requireDescription: false };
    const bare = feedVehicle({ priceCents: null, photoUrls: [] });

    for (const channel of ['google', 'meta'] as const) {
      const { included, excluded } = selectForFeed([bare], channelRule(channel, lax));
      expect(included, channel).toEqual([]);
      expect(excluded[0].reasons, channel).toEqual(['no_price', 'no_photos']);
    }
    expect(selectForFeed([bare], channelRule('marketplace', lax)).included).toHaveLength(1);
    expect(channelRule('google', { ...lax, minPhotos: 5 }).minPhotos).toBe(5);
  });

  it('Meta leaves out a car without an exterior colour, saying so; Google and marketplaces take it', () => {
    const lax = { requirePrice: false, minPhotos: 0, requireDescription: false };
    const colourless = feedVehicle({ exteriorColor: null });
    const blank = feedVehicle({ exteriorColor: ' ' });

    const meta = selectForFeed([colourless, blank], channelRule('meta', lax));
    expect(meta.included).toEqual([]);
    expect(meta.excluded.map((e) => e.reasons)).toEqual([['no_exterior_color'], ['no_exterior_color']]);
    expect(EXCLUSION_REASON_TEXT.no_exterior_color).toMatch(/exterior colou?r/i);
    for (const channel of ['google', 'marketplace'] as const) {
      expect(selectForFeed([colourless], channelRule(channel, lax)).included, channel).toHaveLength(1);
    }
  });

  it('turning Google or Meta on needs a store code (Google) and the full address (both), each missing field named', () => {
    const settings = SyndicationSettingsSchema.parse({ channels: { google: true, meta: true } });
    expect(missingForChannels(settings).map((param) => param.name)).toEqual([
      'body.storeCode',
      'body.address.street',
      'body.address.city',
      'body.address.region',
      'body.address.postalCode',
    ]);
    const metaOnly = SyndicationSettingsSchema.parse({
      channels: { meta: true },
      address: { street: '1 Main St.', city: 'Springfield', region: 'IL', postalCode: '62701' },
    });
    expect(missingForChannels(metaOnly)).toEqual([]);
    expect(missingForChannels(SyndicationSettingsSchema.parse({ channels: { marketplace: true } }))).toEqual(
      [],
    );
  });
});

describe('every channel file', () => {
  it('writes a header even with no cars, so a channel sees an empty inventory rather than a broken file', () => {
    for (const files of Object.values(CHANNEL_FILES)) {
      for (const file of files) {
        const text = file.generate([], feedContext);
        expect(text.length, file.name).toBeGreaterThan(0);
      }
    }
  });
});
