import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { CreditApplicationView } from '@showroom/contracts';
import { atDesk, dealershipWithCar, runJobs, startDeal } from '../deals/deal-test-support';
import { composeKeyProvider } from '../encryption/compose-key-provider';
import { EnvelopeError, openJson } from '../encryption/envelope';
import { retailAppOnDemo } from '../test/retail-test-app';
import {
  applicantInput,
  applicationInput,
  creditApplicationPath,
  deskCreditApplication,
} from './credit-test-support';
import { envelopeOf } from './sealed-application';

const ctx = retailAppOnDemo();

/** The personal data this test follows through the service: it must never be found in clear. */
const SSN = '123-45-6789';
const DATE_OF_BIRTH = '1979-03-14';
const CO_SSN = '078-05-1120';
const CO_DATE_OF_BIRTH = '1982-10-27';
const NEEDLES = [
  SSN,
  SSN.replace(/-/g, ''),
  DATE_OF_BIRTH,
  '03/14/1979',
  CO_SSN,
  CO_SSN.replace(/-/g, ''),
  CO_DATE_OF_BIRTH,
  '10/27/1982',
];

/** The needles found in `text` (and, for bytes, in their UTF-8 or hex form). */
function found(text: string): string[] {
  return NEEDLES.filter((needle) => text.includes(needle));
}

function foundInBytes(bytes: Buffer): string[] {
  const hex = bytes.toString('hex');
  return NEEDLES.filter(
    (needle) =>
      bytes.includes(Buffer.from(needle, 'utf8')) || hex.includes(Buffer.from(needle).toString('hex')),
  );
}

/** Every needle in any column of any row of any table of the service's schema, as `table.column`. */
async function searchSchema(): Promise<string[]> {
  const db = ctx.database.writer;
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables where table_schema = database()
  `.execute(db);
  expect(tables.rows.map((t) => t.name)).toEqual(expect.arrayContaining(['credit_applications', 'deals']));
  const hits: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    for (const row of rows.rows) {
      for (const [column, value] of Object.entries(row)) {
        const inColumn =
          value === null
            ? []
            : Buffer.isBuffer(value)
              ? foundInBytes(value)
              : found(value instanceof Date ? value.toISOString() : String(value));
        hits.push(...inColumn.map((needle) => `${name}.${column}: ${needle}`));
      }
    }
  }
  return hits;
}

describe('personal data of a credit application', () => {
  it('is never found in clear: not in the database, the logs, e-mails, what leads receives, nor an error answer', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const dealershipId = storefront.dealershipId;
    const shopper = await startDeal(ctx, storefront, vehicle);

    // The shopper sends the application with a co-applicant, then submits the deal.
    const applicant = applicantInput({ ssn: SSN, dateOfBirth: DATE_OF_BIRTH });
    const coApplicant = applicantInput({ firstName: 'Robin', ssn: CO_SSN, dateOfBirth: CO_DATE_OF_BIRTH });
    await shopper
      .call('post', creditApplicationPath)
      .send(applicationInput(applicant, coApplicant))
      .expect(201);
    await shopper.call('post', '/submit').expect(200);
    await runJobs(ctx);

    // The finance manager opens it: the only place the clear form is answered.
    const finance = await ctx.member('finance', dealershipId, 'Fiona Finance');
    const viewed = await atDesk(ctx, finance, dealershipId)
      .get(deskCreditApplication(shopper.dealId))
      .expect(200);
    const view = viewed.body as CreditApplicationView;
    expect(view.applicant).toMatchObject({ ssn: '123456789', dateOfBirth: DATE_OF_BIRTH });
    expect(view.coApplicant).toMatchObject({ ssn: '078051120', dateOfBirth: CO_DATE_OF_BIRTH });
    // The search below finds these values where they are (so finding none elsewhere means something).
    expect(found(viewed.text)).toEqual(
      expect.arrayContaining(['123456789', DATE_OF_BIRTH, '078051120', CO_DATE_OF_BIRTH]),
    );
    // The deal's other views carry the application's status only.
    const desk = await atDesk(ctx, finance, dealershipId).get(`/deals/${shopper.dealId}`).expect(200);
    expect(desk.body.creditApplication).toMatchObject({ status: 'received', applicants: 2 });
    expect(found(desk.text)).toEqual([]);
    expect(found((await shopper.call('get').expect(200)).text)).toEqual([]);
    await runJobs(ctx);

    // The lead was forwarded to leads, and the shopper was e-mailed.
    const lead = ctx.peers.leads.get(shopper.dealId);
    expect(lead?.inputs.at(-1)?.deal.creditApplication).toBe('received');
    expect(lead?.activities.map((a) => a.text)).toContain('Credit application viewed by Fiona Finance');
    await ctx.sink.waitFor((mail) => mail.to.includes('dana.driver@example.com'));

    // A second deal's application with a bad co-applicant field next to a good SSN and date of birth.
    const other = await startDeal(ctx, storefront, vehicle);
    const refused = await other
      .call('post', creditApplicationPath)
      .send(
        applicationInput(applicant, {
          ...applicantInput({ ssn: CO_SSN, dateOfBirth: CO_DATE_OF_BIRTH }),
          phone: 'call me',
          residence: { ...applicantInput().residence, housing: 'castle' },
        }),
      )
      .expect(400);
    expect(refused.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'body.coApplicant.phone',
      'body.coApplicant.residence.housing',
    ]);
    expect(found(refused.text)).toEqual([]);

    expect(await searchSchema()).toEqual([]);
    expect(ctx.logLines.length).toBeGreaterThan(0);
    expect(ctx.logLines.flatMap((line) => found(line))).toEqual([]);
    const mails = ctx.sink.messages();
    expect(mails.length).toBeGreaterThan(0);
    expect(
      mails.flatMap((mail) => [
        ...foundInBytes(mail.raw),
        ...found(`${mail.subject}\n${mail.text}\n${mail.html ?? ''}`),
      ]),
    ).toEqual([]);
    expect(ctx.peers.requests.length).toBeGreaterThan(0);
    expect(found(JSON.stringify(ctx.peers.requests))).toEqual([]);
  });

  it('the sealed application opens only for its own dealership and application (AAD and encryption context)', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const shopper = await startDeal(ctx, storefront, vehicle);
    await shopper
      .call('post', creditApplicationPath)
      .send(applicationInput(applicantInput({ ssn: SSN, dateOfBirth: DATE_OF_BIRTH })))
      .expect(201);
    const row = await ctx.database.writer
      .selectFrom('credit_applications')
      .selectAll()
      .where('deal_id', '=', shopper.dealId)
      .executeTakeFirstOrThrow();
    const envelope = envelopeOf(row);
    if (!envelope) return expect.fail('the application was stored without its envelope');
    const keys = composeKeyProvider(ctx.config);
    const elsewhere = ctx.newDealership();

    await expect(
      openJson(keys, { dealershipId: storefront.dealershipId, applicationId: row.id }, envelope),
    ).resolves.toMatchObject({ applicant: { ssn: '123456789', dateOfBirth: DATE_OF_BIRTH } });
    await expect(
      openJson(keys, { dealershipId: elsewhere.dealershipId, applicationId: row.id }, envelope),
    ).rejects.toBeInstanceOf(EnvelopeError);
  });
});
