import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAdf } from './parse-adf';
import { TYPICAL_ADF_SAMPLE } from './typical-sample';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');

describe('parseAdf on provider feeds', () => {
  it('reads a Cars.com lead: ids, vehicle, trade-in, customer, vendor, provider', () => {
    const { prospects } = parseAdf(fixture('cars-com.xml'));
    expect(prospects).toHaveLength(1);
    const [lead] = prospects;
    expect(lead?.requestDate).toBe('2026-11-20T13:30:00.000Z');
    expect(lead?.ids).toEqual([
      { value: '8b1f0c7e-41d2-4c55-9a0e-2f6d4b7e9a10', source: 'Cars.com', sequence: 1 },
    ]);
    expect(lead?.vehicles).toEqual([
      {
        interest: 'buy',
        status: 'used',
        year: 2021,
        make: 'Honda',
        model: 'Accord',
        vin: '1HGCV1F34MA012345',
        stock: 'U1234',
        trim: 'EX-L',
        priceCents: 2_499_500,
        odometer: 30211,
        // the combination with preference 1, though listed second
        exteriorColor: 'Still Night Pearl',
        interiorColor: 'Black',
        comments: 'Listing 412203987, photo 3 of 24',
      },
      {
        interest: 'trade-in',
        status: 'used',
        year: 2014,
        make: 'Toyota',
        model: 'Camry',
        vin: null,
        stock: null,
        trim: null,
        priceCents: null,
        odometer: 128400,
        exteriorColor: null,
        interiorColor: null,
        comments: null,
      },
    ]);
    expect(lead?.customer).toEqual({
      firstName: 'Jane',
      lastName: 'Doe',
      fullName: 'Jane Doe',
      emails: ['jane.doe@example.com'],
      phones: [
        { number: '555-010-2000', type: 'voice', time: 'day' },
        { number: '(555) 010-2001', type: 'cellphone', time: 'evening' },
      ],
      address: {
        type: 'home',
        street: ['1 Main St', 'Apt 4B'],
        apartment: null,
        city: 'Springfield',
        regionCode: 'IL',
        postalCode: '06201',
        country: 'US',
      },
      timeframe: {
        description: 'within 2 weeks',
        earliestDate: '2026-11-21T00:00:00.000Z',
        latestDate: '2026-12-04T00:00:00.000Z',
      },
      comments: 'Is it still available? I have a 2014 Camry to trade.',
    });
    expect(lead?.vendor).toEqual({
      name: 'Springfield Honda',
      contactName: 'Internet Sales',
      email: 'internet@springfieldhonda.example',
      phone: '555-010-9000',
    });
    expect(lead?.provider).toEqual({
      name: 'Cars.com',
      service: 'Used Car Leads',
      url: 'https://www.cars.com',
      email: 'leads@cars.com',
      phone: '888-555-0100',
    });
    expect(lead?.comments).toBe('Is it still available? I have a 2014 Camry to trade.');
  });

  it('reads a messy Autotrader lead: BOM, text around the root, upper case, whitespace, CDATA, references', () => {
    const [lead] = parseAdf(fixture('autotrader-messy.xml')).prospects;
    expect(lead?.ids).toEqual([{ value: 'AT-20261120-55821', source: 'Autotrader', sequence: 1 }]);
    expect(lead?.requestDate).toBe('2026-11-20T13:30:00.000Z');
    expect(lead?.vehicles[0]).toMatchObject({
      interest: 'buy',
      status: 'used',
      year: 2019,
      make: 'Ford',
      model: 'F-150',
      stock: null,
      trim: "XLT SuperCrew 5.5' Box",
      odometer: 41870,
      priceCents: 3_145_000,
      comments: 'Shopper asked: <b>tow package?</b> & bed liner',
    });
    expect(lead?.customer).toMatchObject({
      firstName: 'Renée',
      lastName: "O'Connor & Sons",
      fullName: "Renée O'Connor & Sons",
      emails: ['renee.oconnor@example.net'],
      phones: [{ number: '+1 555 010 3300', type: 'cellphone', time: 'evening' }],
      address: {
        type: null,
        street: ['77 Elm Rd'],
        apartment: null,
        city: 'Des Moines',
        regionCode: 'IA',
        postalCode: '50309',
        country: null,
      },
      timeframe: null,
      comments: 'Price > $30k is my limit — can you do better?',
    });
    expect(lead?.vendor).toEqual({ name: 'Capital Ford', contactName: null, email: null, phone: null });
    expect(lead?.provider).toMatchObject({ name: 'Autotrader', service: 'Autotrader Lead' });
  });

  it('reads a TrueCar batch: two prospects, full names only, several phones and e-mails, a primary contact', () => {
    const { prospects } = parseAdf(fixture('truecar-multi.xml'));
    expect(prospects).toHaveLength(2);
    const [first, second] = prospects;

    expect(first?.ids).toEqual([
      { value: 'TC-1001', source: 'TrueCar', sequence: 1 },
      { value: 'USAA-77102', source: 'TrueCar Affinity', sequence: 2 },
    ]);
    expect(first?.requestDate).toBe('2026-11-19T22:05:13.000Z');
    // the first <price> is taken, thousands separator and all
    expect(first?.vehicles[0]).toMatchObject({
      interest: 'lease',
      status: 'new',
      year: 2027,
      priceCents: 3_682_000,
    });
    expect(first?.customer).toMatchObject({
      firstName: 'Mary Ann',
      lastName: 'Smith',
      fullName: 'Mary Ann Smith',
      emails: ['mary.smith@example.org', 'msmith@work.example.com'],
      phones: [
        { number: '555-010-4400', type: 'voice', time: 'morning' },
        { number: '555-010-4401', type: 'cellphone', time: null },
        { number: '555-010-4402', type: 'fax', time: null },
      ],
      address: null,
    });
    expect(first?.vendor?.name).toBe('Lakeside Toyota');

    expect(second?.requestDate).toBe('2026-11-20T05:15:00.250Z');
    // primarycontact="1" wins over the first contact
    expect(second?.customer).toMatchObject({
      firstName: 'Juan',
      lastName: 'de la Cruz',
      fullName: 'Juan de la Cruz',
      emails: [],
      phones: [{ number: '555-010-5600', type: 'voice', time: null }],
    });
    expect(second?.vendor).toBeNull();
    expect(second?.comments).toBeNull();
    expect(second?.vehicles[0]?.priceCents).toBeNull();
  });

  it('reads a KBB Instant Cash Offer: a vehicle to sell, cents, middle name, unparseable dates', () => {
    const [lead] = parseAdf(fixture('kbb-instant-offer.xml')).prospects;
    expect(lead?.vehicles).toHaveLength(1);
    expect(lead?.vehicles[0]).toMatchObject({
      interest: 'sell',
      odometer: 88015,
      priceCents: 1_425_075,
      exteriorColor: 'Crystal Black Silica',
      interiorColor: null,
    });
    expect(lead?.customer).toMatchObject({
      firstName: 'Priya',
      lastName: 'Raman',
      fullName: 'Priya K. Raman',
      phones: [],
      address: { street: [], postalCode: '02139', city: null },
      timeframe: { description: 'This week', earliestDate: '2026-11-21T14:00:00.000Z', latestDate: null },
    });
  });

  it('reads an OEM general inquiry: no vehicle, one-word name, a US-style date, a comment before the root', () => {
    const [lead] = parseAdf(fixture('oem-general-inquiry.xml')).prospects;
    expect(lead?.vehicles).toEqual([]);
    expect(lead?.requestDate).toBeNull();
    expect(lead?.ids).toEqual([{ value: 'GM-LR-00931187', source: 'ChevyDealerLocator', sequence: null }]);
    expect(lead?.customer).toMatchObject({
      firstName: 'Sam',
      lastName: null,
      fullName: 'Sam',
      emails: ['sam@example.com'],
    });
    expect(lead?.comments).toBe('Do you offer Saturday service appointments?');
    expect(lead?.vendor).toEqual({
      name: 'Riverside Chevrolet',
      contactName: 'Dana Lee',
      email: null,
      phone: '555-010-7700',
    });
    expect(lead?.provider).toEqual({
      name: 'Chevrolet Dealer Locator',
      service: 'Contact Dealer',
      url: null,
      email: 'noreply@gm.example',
      phone: null,
    });
  });

  it('reads the typical benchmark sample', () => {
    const [lead] = parseAdf(TYPICAL_ADF_SAMPLE).prospects;
    expect(lead?.customer.phones.map((p) => p.number)).toEqual(['555-010-2000', '555-010-2001']);
    expect(lead?.vehicles[0]?.priceCents).toBe(2_499_500);
  });
});

describe('parseAdf tolerance', () => {
  const minimal = (body: string) => `<adf><prospect>${body}</prospect></adf>`;
  const contact = '<customer><contact><email>a@example.com</email></contact></customer>';

  it('accepts a document without the <?adf?> instruction and without a declaration', () => {
    expect(parseAdf(minimal(contact)).prospects[0]?.customer.emails).toEqual(['a@example.com']);
  });

  it('decodes predefined entities and numeric references once, and keeps unknown ones as written', () => {
    const [lead] = parseAdf(
      minimal(
        '<customer><contact><name part="full">A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos; &#65;&#x42; &#x1F697; &amp;lt; &foo; &amp;nbsp;</name></contact></customer>',
      ),
    ).prospects;
    expect(lead?.customer.fullName).toBe('A & B <C> "D" \'E\' AB 🚗 &lt; &foo; &nbsp;');
  });

  it('reads HTML entities XML does not define as their characters, and says so', () => {
    const document = parseAdf(
      minimal('<customer><contact><name part="full">Ren&eacute;e&nbsp;Dubois</name></contact></customer>'),
    );
    expect(document.prospects[0]?.customer.fullName).toBe('Renée Dubois');
    expect(document.repairs.map((repair) => repair.kind)).toEqual(['html-entity']);
  });

  it('splits an e-mail element listing several addresses and drops duplicates', () => {
    const [lead] = parseAdf(
      minimal(
        '<customer><contact><email>a@example.com; b@example.com</email><email>a@example.com</email></contact></customer>',
      ),
    ).prospects;
    expect(lead?.customer.emails).toEqual(['a@example.com', 'b@example.com']);
  });

  it('keeps a name as full name when only a last part is given', () => {
    const [lead] = parseAdf(
      minimal('<customer><contact><name part="last">Nguyen</name></contact></customer>'),
    ).prospects;
    expect(lead?.customer).toMatchObject({ firstName: null, lastName: 'Nguyen', fullName: 'Nguyen' });
  });

  it('takes the prospect-level comments over the customer comments', () => {
    const [lead] = parseAdf(
      minimal(
        '<comments>prospect says</comments><customer><contact><phone>1</phone></contact><comments>customer says</comments></customer>',
      ),
    ).prospects;
    expect(lead?.comments).toBe('prospect says');
    expect(lead?.customer.comments).toBe('customer says');
  });
});
