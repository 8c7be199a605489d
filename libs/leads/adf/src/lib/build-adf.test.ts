import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { AdfError } from './adf-error';
import type { AdfExport } from './adf-export';
import { buildAdf } from './build-adf';
import { parseAdf } from './parse-adf';

const tricky: AdfExport = {
  leadId: '5d3c1f0e-9b7a-4e21-8c55-0f1e2d3c4b5a',
  receivedAt: '2026-11-20T13:30:00.000Z',
  source: 'Cars.com',
  intent: 'request_quote',
  shopper: {
    firstName: 'Zoë <script>&',
    lastName: `O'Brien-Łukasiewicz "the 2nd" 山田`,
    email: 'zoe+cars@example.com',
    phone: '+1 (555) 010-2000',
  },
  vehicle: {
    year: 2021,
    make: 'Honda',
    model: 'Accord',
    trim: 'EX-L <2.0T>',
    vin: '1HGCV1F34MA012345',
    stockNumber: 'U1234',
    condition: 'certified',
    priceCents: 2_499_550,
  },
  tradeIn: { year: 2014, make: 'Toyota', model: 'Camry', mileage: 128_400 },
  message: 'Is it still available?\r\nAlso: price < $25k & "no" add-ons ]]> 👍',
  dealershipName: 'Springfield Honda & Sons',
};

const plain: AdfExport = {
  leadId: 'lead-2',
  receivedAt: '2026-11-21T09:00:00+01:00',
  source: 'website',
  intent: 'schedule_test_drive',
  shopper: { firstName: 'Sam', lastName: null, email: null, phone: '555-010-7700' },
  vehicle: null,
  message: null,
  dealershipName: 'Riverside Chevrolet',
};

describe('buildAdf', () => {
  it('writes a well-formed ADF 1.0 document with declaration and processing instruction', () => {
    const xml = buildAdf([tricky]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<?adf version="1.0"?>\n<adf>\n')).toBe(
      true,
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<id sequence="1" source="Showroom">5d3c1f0e-9b7a-4e21-8c55-0f1e2d3c4b5a</id>');
    expect(xml).toContain('<vehicle interest="buy" status="used">');
    expect(xml).toContain('<price type="asking" currency="USD">24995.50</price>');
    expect(xml).toContain('<name part="first">Zoë &lt;script&gt;&amp;</name>');
    expect(xml).toContain('<vendorname>Springfield Honda &amp; Sons</vendorname>');
    expect(xml).toContain('<name part="full">Showroom</name>');
    expect(xml).not.toContain('<script>');
  });

  it('round-trips people, vehicles, ids and message through parseAdf', () => {
    const { prospects } = parseAdf(buildAdf([tricky, plain]));
    expect(prospects).toHaveLength(2);
    const [first, second] = prospects;

    expect(first?.ids).toEqual([{ value: tricky.leadId, source: 'Showroom', sequence: 1 }]);
    expect(first?.requestDate).toBe('2026-11-20T13:30:00.000Z');
    expect(first?.customer).toMatchObject({
      firstName: 'Zoë <script>&',
      lastName: `O'Brien-Łukasiewicz "the 2nd" 山田`,
      emails: ['zoe+cars@example.com'],
      phones: [{ number: '+1 (555) 010-2000', type: 'voice', time: null }],
      comments: tricky.message,
    });
    expect(first?.comments).toBe(tricky.message);
    expect(first?.vehicles).toEqual([
      {
        interest: 'buy',
        status: 'used',
        year: 2021,
        make: 'Honda',
        model: 'Accord',
        vin: '1HGCV1F34MA012345',
        stock: 'U1234',
        trim: 'EX-L <2.0T>',
        priceCents: 2_499_550,
        odometer: null,
        exteriorColor: null,
        interiorColor: null,
        comments: null,
      },
      expect.objectContaining({
        interest: 'trade-in',
        year: 2014,
        make: 'Toyota',
        model: 'Camry',
        odometer: 128_400,
      }),
    ]);
    expect(first?.vendor?.name).toBe('Springfield Honda & Sons');
    expect(first?.provider).toMatchObject({ name: 'Showroom', service: 'Cars.com' });

    expect(second?.ids[0]?.value).toBe('lead-2');
    expect(second?.requestDate).toBe('2026-11-21T08:00:00.000Z');
    expect(second?.vehicles).toEqual([]);
    expect(second?.customer).toMatchObject({ firstName: 'Sam', lastName: null, emails: [] });
    expect(second?.provider?.service).toBe('website');
  });

  it('maps a test-drive intent and a new vehicle onto ADF attributes', () => {
    const xml = buildAdf([
      { ...plain, vehicle: { make: 'Chevrolet', model: 'Tahoe', condition: 'new', priceCents: 6_100_000 } },
    ]);
    expect(xml).toContain('<vehicle interest="test-drive" status="new">');
    expect(parseAdf(xml).prospects[0]?.vehicles[0]).toMatchObject({
      interest: 'test-drive',
      status: 'new',
      priceCents: 6_100_000,
    });
  });

  it('drops characters XML cannot carry', () => {
    const xml = buildAdf([
      { ...plain, leadId: 'a\u0000b\u001fc', source: 'x\ty', shopper: { firstName: 'A\u0007nn' } },
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const [lead] = parseAdf(xml).prospects;
    expect(lead?.ids[0]?.value).toBe('abc');
    expect(lead?.customer.firstName).toBe('Ann');
    expect(lead?.provider?.service).toBe('x\ty');
  });

  it('refuses an empty list and an unreadable receivedAt', () => {
    expect(() => buildAdf([])).toThrow(AdfError);
    try {
      buildAdf([plain, { ...plain, receivedAt: 'yesterday' }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AdfError);
      expect((error as AdfError).element).toBe('prospect[2]/requestdate');
    }
  });
});

describe('buildAdf with an online deal (ADF 1.0 <finance>)', () => {
  const deal: AdfExport = {
    ...plain,
    leadId: 'lead-3',
    intent: 'buy',
    vehicle: {
      year: 2022,
      make: 'Honda',
      model: 'Accord',
      vin: '1HGCV1F30NA000001',
      stockNumber: 'U1001',
      condition: 'used',
      priceCents: 2_649_500,
      finance: {
        method: 'finance',
        downPaymentCents: 200_000,
        monthlyCents: 48_912,
        totalCents: 2_934_720,
        balance: { type: 'finance', cents: 2_512_345 },
      },
      comments: 'Online deal: 60 months at 5.49% APR',
    },
  };

  it('writes the method, the exact amounts and the balance after the price, then the vehicle comments', () => {
    const xml = buildAdf([deal]);

    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain(
      [
        '    <vehicle interest="buy" status="used">',
        '      <year>2022</year>',
        '      <make>Honda</make>',
        '      <model>Accord</model>',
        '      <vin>1HGCV1F30NA000001</vin>',
        '      <stock>U1001</stock>',
        '      <price type="asking" currency="USD">26495</price>',
        '      <finance>',
        '        <method>finance</method>',
        '        <amount type="downpayment" limit="exact" currency="USD">2000</amount>',
        '        <amount type="monthly" limit="exact" currency="USD">489.12</amount>',
        '        <amount type="total" limit="exact" currency="USD">29347.20</amount>',
        '        <balance type="finance" currency="USD">25123.45</balance>',
        '      </finance>',
        '      <comments>Online deal: 60 months at 5.49% APR</comments>',
        '    </vehicle>',
      ].join('\n'),
    );
  });

  it('writes a lease with its residual, and a cash deal with its total only', () => {
    const lease = buildAdf([
      {
        ...deal,
        intent: 'lease',
        vehicle: {
          ...deal.vehicle,
          finance: {
            method: 'lease',
            downPaymentCents: 0,
            monthlyCents: 31_250,
            totalCents: null,
            balance: { type: 'residual', cents: 1_536_710 },
          },
          comments: null,
        },
      },
    ]);
    expect(lease).toContain('<vehicle interest="lease" status="used">');
    expect(lease).toContain(
      [
        '      <finance>',
        '        <method>lease</method>',
        '        <amount type="downpayment" limit="exact" currency="USD">0</amount>',
        '        <amount type="monthly" limit="exact" currency="USD">312.50</amount>',
        '        <balance type="residual" currency="USD">15367.10</balance>',
        '      </finance>',
      ].join('\n'),
    );

    const cash = buildAdf([
      {
        ...deal,
        vehicle: { ...deal.vehicle, finance: { method: 'cash', totalCents: 2_812_000 }, comments: null },
      },
    ]);
    expect(cash).toContain(
      [
        '      <finance>',
        '        <method>cash</method>',
        '        <amount type="total" limit="exact" currency="USD">28120</amount>',
        '      </finance>',
      ].join('\n'),
    );
  });

  it('leaves out a finance block without any amount (the DTD wants one) and still reads back the vehicle', () => {
    const xml = buildAdf([
      { ...deal, vehicle: { ...deal.vehicle, finance: { method: 'cash' }, comments: null } },
    ]);
    expect(xml).not.toContain('<finance>');
    expect(parseAdf(xml).prospects[0]?.vehicles[0]).toMatchObject({ vin: '1HGCV1F30NA000001' });
  });
});
