import { AdfError } from './adf-error';
import type { AdfExport, AdfExportFinance, AdfExportTradeIn, AdfExportVehicle } from './adf-export';
import { toIsoUtc } from './values';
import { leaf, writeElement, type XmlOut } from './xml-writer';

const ADF_INTERESTS = new Set(['buy', 'lease', 'sell', 'trade-in', 'test-drive']);

/**
 * Writes an ADF 1.0 document, one prospect per lead, for a dealership's CRM. Every value is
 * escaped; characters XML cannot carry (control characters) are dropped. A lead without a vehicle
 * gets no `<vehicle>`.
 */
export function buildAdf(leads: readonly AdfExport[]): string {
  if (leads.length === 0) throw new AdfError('adf/prospect', 'there is no lead to write');
  const prospects = leads.map((lead, index) => prospect(lead, index + 1));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<?adf version="1.0"?>',
    writeElement({ name: 'adf', children: prospects }),
    '',
  ].join('\n');
}

function prospect(lead: AdfExport, position: number): XmlOut {
  const requestDate = toIsoUtc(lead.receivedAt);
  if (requestDate === null) {
    throw new AdfError(
      `prospect[${position}]/requestdate`,
      `receivedAt "${lead.receivedAt}" is not ISO-8601`,
    );
  }
  const { shopper } = lead;
  return {
    name: 'prospect',
    attributes: { status: 'new' },
    children: [
      leaf('id', lead.leadId, { sequence: '1', source: 'Showroom' }),
      leaf('requestdate', requestDate),
      lead.vehicle ? vehicle(lead.vehicle, interestFor(lead.intent)) : null,
      lead.tradeIn ? tradeIn(lead.tradeIn) : null,
      {
        name: 'customer',
        children: [
          {
            name: 'contact',
            children: [
              leaf('name', shopper.firstName, { part: 'first' }),
              leaf('name', shopper.lastName, { part: 'last' }),
              leaf('email', shopper.email),
              leaf('phone', shopper.phone, { type: 'voice' }),
            ],
          },
          leaf('comments', lead.message),
        ],
      },
      { name: 'vendor', children: [leaf('vendorname', lead.dealershipName)] },
      // The original source goes in <service>, so the CRM still sees where the lead came from.
      {
        name: 'provider',
        children: [leaf('name', 'Showroom', { part: 'full' }), leaf('service', lead.source)],
      },
    ],
  };
}

function interestFor(intent: string | null): string {
  if (intent === 'schedule_test_drive') return 'test-drive';
  return intent !== null && ADF_INTERESTS.has(intent) ? intent : 'buy';
}

// Children follow the order of the ADF DTD: year, make, model, vin, stock, trim, …, odometer, …,
// price, …, finance, comments.
function vehicle(v: AdfExportVehicle, interest: string): XmlOut {
  const status = v.condition === 'new' ? 'new' : v.condition ? 'used' : null;
  return {
    name: 'vehicle',
    attributes: { interest, status },
    children: [
      leaf('year', v.year),
      leaf('make', v.make),
      leaf('model', v.model),
      leaf('vin', v.vin),
      leaf('stock', v.stockNumber),
      leaf('trim', v.trim),
      leaf('price', isCents(v.priceCents) ? centsToDollars(v.priceCents) : null, {
        type: 'asking',
        currency: 'USD',
      }),
      v.finance ? finance(v.finance) : null,
      leaf('comments', v.comments),
    ],
  };
}

/** `<finance>`: the DTD wants at least one amount, so a block without any is left out. */
function finance(f: AdfExportFinance): XmlOut | null {
  const amount = (type: string, cents: number | null | undefined) =>
    isCents(cents) ? leaf('amount', centsToDollars(cents), { type, limit: 'exact', currency: 'USD' }) : null;
  const amounts = [
    amount('downpayment', f.downPaymentCents),
    amount('monthly', f.monthlyCents),
    amount('total', f.totalCents),
  ];
  if (amounts.every((a) => a === null)) return null;
  const balance =
    f.balance && isCents(f.balance.cents)
      ? leaf('balance', centsToDollars(f.balance.cents), { type: f.balance.type, currency: 'USD' })
      : null;
  return { name: 'finance', children: [leaf('method', f.method), ...amounts, balance] };
}

function tradeIn(t: AdfExportTradeIn): XmlOut {
  return {
    name: 'vehicle',
    attributes: { interest: 'trade-in', status: 'used' },
    children: [
      leaf('year', t.year),
      leaf('make', t.make),
      leaf('model', t.model),
      leaf('odometer', t.mileage, { status: 'unknown', units: 'miles' }),
    ],
  };
}

function isCents(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function centsToDollars(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}
