import { sql } from 'kysely';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEAL_ACCESS_HEADER, type DealStarted } from '@showroom/contracts';
import { applicationInput, applicantInput } from './credit/credit-test-support';
import { retailAppOnDemo, type RetailTestContext } from './test/retail-test-app';

const SHOPPER = {
  firstName: 'Erin',
  lastName: 'Errorcase',
  email: 'erin.errorcase@example.com',
  phone: '614-555-0199',
};
const SSN = '219-09-9876';
const DATE_OF_BIRTH = '1979-03-14';

/** What must never be in a log line, whatever fails. */
const PERSONAL = [SHOPPER.email, SHOPPER.phone, SSN, SSN.replace(/-/g, ''), DATE_OF_BIRTH];

/** Makes every insert into `table` fail inside MariaDB, as a lock timeout or a full disk would. */
async function failInserts(
  ctx: RetailTestContext,
  table: 'deals' | 'credit_applications',
): Promise<() => Promise<void>> {
  const trigger = `fail_${table}`;
  await sql
    .raw(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON ${table} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'forced by the test'`,
    )
    .execute(ctx.database.writer);
  return async () => void (await sql.raw(`DROP TRIGGER ${trigger}`).execute(ctx.database.writer));
}

const expectNothingPersonalIn = (text: string) => {
  for (const value of PERSONAL) expect(text, `found ${value}`).not.toContain(value);
};

describe('when writing a shopper’s data fails inside the database', () => {
  const ctx = retailAppOnDemo();

  it('a deal that cannot be stored answers 500, and neither the answer nor the logs name the shopper', async () => {
    const dealership = ctx.newDealership();
    const vehicle = ctx.peers.addVehicle(dealership.dealershipId);
    const restore = await failInserts(ctx, 'deals');
    try {
      const response = await request(ctx.app)
        .post(`/api/retail/public/dealerships/${dealership.dealershipId}/deals`)
        .set('Origin', dealership.siteOrigins[0] as string)
        .send({
          vehicleId: vehicle.id,
          shopper: SHOPPER,
          structure: {
            kind: 'finance',
            downPaymentCents: 200_000,
            termMonths: 60,
            creditTier: 'good',
            products: [],
          },
        })
        .expect(500);
      expectNothingPersonalIn(JSON.stringify(response.body));
    } finally {
      await restore();
    }
    const failure = ctx.logLines.find((line) => line.includes('request failed'));
    expect(failure).toContain('ER_SIGNAL_EXCEPTION');
    expectNothingPersonalIn(ctx.logLines.join('\n'));
  });

  it('a credit application that cannot be stored answers 500, and no log line holds the SSN, birth date or contact', async () => {
    const dealership = ctx.newDealership();
    const origin = dealership.siteOrigins[0] as string;
    const started = (
      await request(ctx.app)
        .post(`/api/retail/public/dealerships/${dealership.dealershipId}/deals`)
        .set('Origin', origin)
        .send({
          vehicleId: ctx.peers.addVehicle(dealership.dealershipId).id,
          shopper: SHOPPER,
          structure: {
            kind: 'finance',
            downPaymentCents: 200_000,
            termMonths: 60,
            creditTier: 'good',
            products: [],
          },
        })
        .expect(201)
    ).body as DealStarted;
    const restore = await failInserts(ctx, 'credit_applications');
    try {
      const response = await request(ctx.app)
        .post(
          `/api/retail/public/dealerships/${dealership.dealershipId}/deals/${started.deal.id}/credit-application`,
        )
        .set('Origin', origin)
        .set(DEAL_ACCESS_HEADER, started.accessToken)
        .send(
          applicationInput(
            applicantInput({
              ssn: SSN,
              dateOfBirth: DATE_OF_BIRTH,
              email: SHOPPER.email,
              phone: SHOPPER.phone,
            }),
          ),
        )
        .expect(500);
      expectNothingPersonalIn(JSON.stringify(response.body));
    } finally {
      await restore();
    }
    expect(ctx.logLines.filter((line) => line.includes('request failed')).length).toBeGreaterThanOrEqual(2);
    expectNothingPersonalIn(ctx.logLines.join('\n'));
  });
});
