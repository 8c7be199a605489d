import { randomInt, randomUUID } from 'node:crypto';
import type { Scenario } from './load';

// services/leads/src/bench-seed.ts stores the hashes of the same keys.
const ingestKeyOf = (dealershipId: string) => `srk_bench_${dealershipId}`;

/**
 * Shoppers of this process, counted across every scenario made: phones are unique too, so no
 * submission joins an earlier one's lead by phone. The start is random, for runs on a kept schema.
 */
let shoppers = randomInt(0, 5_000_000);
const uniquePhone = (areaCode: string) =>
  `+1 ${areaCode} ${String(shoppers++ % 10_000_000).padStart(7, '0')}`;

function websiteForm(n: number): string {
  return JSON.stringify({
    intent: 'check_availability',
    firstName: 'Bench',
    lastName: `Shopper ${n}`,
    email: `shopper-${n}-${randomUUID().slice(0, 8)}@bench.example`,
    phone: uniquePhone('614'),
    message: 'Is it still available? Could I see it on Saturday?',
    vehicle: { stockNumber: `U${1000 + (n % 5000)}` },
  });
}

function adfDocument(n: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<?adf version="1.0"?>
<adf><prospect status="new">
  <id sequence="1" source="BenchMarket">BM-${randomUUID()}</id>
  <requestdate>2026-11-20T08:30:00-05:00</requestdate>
  <vehicle interest="buy" status="used"><year>2021</year><make>Honda</make><model>Accord</model>
    <stock>U${1000 + (n % 5000)}</stock><price type="quote" currency="USD">24995</price></vehicle>
  <customer><contact><name part="first">Adf</name><name part="last">Shopper ${n}</name>
    <email>adf-${n}-${randomUUID().slice(0, 8)}@bench.example</email><phone type="voice">${uniquePhone('380')}</phone></contact>
    <comments>Please send me your best price.</comments></customer>
  <provider><name part="full">BenchMarket</name></provider>
</prospect></adf>`;
}

/** Every request is a new shopper at one of the dealerships, so each is a new lead committed in MySQL. */
export function leadCaptureScenarios(api: string, dealershipIds: string[]): Scenario[] {
  let n = 0;
  const dealership = () => dealershipIds[n++ % dealershipIds.length] as string;
  return [
    {
      name: 'lead capture: website form',
      url: `${api}/api/leads/public/dealerships/${dealershipIds[0]}/leads`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      nextRequest: () => ({
        path: `/api/leads/public/dealerships/${dealership()}/leads`,
        body: websiteForm(n),
      }),
    },
    {
      name: 'lead capture: ADF/XML post',
      url: `${api}/api/leads/adf`,
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      nextRequest: () => ({
        body: adfDocument(n),
        headers: { authorization: `Bearer ${ingestKeyOf(dealership())}` },
      }),
    },
  ];
}
