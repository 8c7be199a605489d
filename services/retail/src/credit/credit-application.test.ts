import { describe, expect, it } from 'vitest';
import {
  CREDIT_CONSENT_TEXT,
  CREDIT_CONSENT_VERSION,
  CreditApplicationInputSchema,
  DEAL_ACCESS_HEADER,
  type CreditApplicationSummary,
  type CreditApplicationView,
  type Problem,
} from '@showroom/contracts';
import request from 'supertest';
import { atDesk, dealershipWithCar, publicDeals, runJobs, startDeal } from '../deals/deal-test-support';
import { retailAppOnDemo } from '../test/retail-test-app';
import { CreditRepository } from './credit-repository';
import { HttpProblem, type Principal } from '@showroom/server-kit';
import { DealRepository } from '../deals/deal-repository';
import { composeKeyProvider } from '../encryption/compose-key-provider';
import { fakeKms, KMS_KEY_ALIAS } from '../encryption/kms-test-support';
import {
  applicantInput,
  applicationInput,
  creditApplicationPath,
  creditServiceOn,
  deskCreditApplication,
} from './credit-test-support';
import { CreditRetention } from './retention';

const ctx = retailAppOnDemo();
const DAY_MS = 86_400_000;

const storedApplication = (dealId: string) =>
  ctx.database.writer
    .selectFrom('credit_applications')
    .selectAll()
    .where('deal_id', '=', dealId)
    .executeTakeFirstOrThrow();

const activityOf = (dealId: string) =>
  ctx.database.writer
    .selectFrom('deal_activity')
    .select(['actor', 'kind', 'text'])
    .where('deal_id', '=', dealId)
    .orderBy('id')
    .execute();

describe('credit applications', () => {
  it('a shopper sends one application for their deal; it is kept sealed and a second is refused', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const shopper = await startDeal(ctx, storefront, vehicle);

    const before = Date.now();
    const sent = await shopper.call('post', creditApplicationPath).send(applicationInput()).expect(201);
    const summary = sent.body as CreditApplicationSummary;
    expect(summary).toMatchObject({
      status: 'received',
      applicants: 1,
      consentVersion: CREDIT_CONSENT_VERSION,
    });
    // Kept for the dealership's retention days (30 by default).
    const keptFor = Date.parse(summary.deleteAfter as string) - Date.parse(summary.submittedAt);
    expect(keptFor).toBe(30 * DAY_MS);
    expect(Date.parse(summary.submittedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(sent.headers['cache-control']).toBe('no-store');

    const row = await storedApplication(shopper.dealId);
    expect(row.key_id).toMatch(/^local:[0-9a-f]{16}$/);
    expect(row.ciphertext?.length).toBeGreaterThan(100);
    expect(JSON.stringify(row)).not.toContain('219099999');

    const again = await shopper
      .call('post', creditApplicationPath)
      .send(applicationInput(applicantInput({ firstName: 'Other' })))
      .expect(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect((again.body as Problem).detail).toContain('already has a credit application');
    await expect(activityOf(shopper.dealId)).resolves.toContainEqual({
      actor: 'Shopper',
      kind: 'credit-application-received',
      text: 'Credit application received',
    });
  });

  it('answers 404 to a wrong access token, another deal’s token and another dealership’s path', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const shopper = await startDeal(ctx, storefront, vehicle);
    const other = await startDeal(ctx, storefront, vehicle);
    const elsewhere = await dealershipWithCar(ctx);

    await shopper.call('post', creditApplicationPath, 'not-the-token').send(applicationInput()).expect(404);
    await shopper.call('post', creditApplicationPath, other.accessToken).send(applicationInput()).expect(404);
    // The deal's own id and token, under another dealership's path.
    await request(ctx.app)
      .post(`${publicDeals(elsewhere.storefront.dealershipId)}/${shopper.dealId}${creditApplicationPath}`)
      .set(DEAL_ACCESS_HEADER, shopper.accessToken)
      .send(applicationInput())
      .expect(404);
    const stored = await ctx.database.writer
      .selectFrom('credit_applications')
      .select('id')
      .where('deal_id', 'in', [shopper.dealId, other.dealId])
      .execute();
    expect(stored).toEqual([]);
  });

  it('names the invalid fields without repeating the SSN or date of birth sent', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const shopper = await startDeal(ctx, storefront, vehicle);
    const bad = applicantInput({ ssn: '666-12-3456', dateOfBirth: '2019-02-30' });

    const res = await shopper.call('post', creditApplicationPath).send(applicationInput(bad)).expect(400);
    const problem = res.body as Problem;
    expect([...new Set(problem.invalidParams?.map((p) => p.name))].sort()).toEqual([
      'body.applicant.dateOfBirth',
      'body.applicant.ssn',
    ]);
    for (const value of ['666-12-3456', '666123456', '2019-02-30']) expect(res.text).not.toContain(value);
  });

  it('a submitted deal still takes one, and its lead learns only that an application was received', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const shopper = await startDeal(ctx, storefront, vehicle);
    await shopper.call('post', '/submit').expect(200);
    await runJobs(ctx);

    await shopper.call('post', creditApplicationPath).send(applicationInput()).expect(201);
    await runJobs(ctx);

    const lead = ctx.peers.leads.get(shopper.dealId);
    expect(lead?.inputs.map((input) => input.deal.creditApplication)).toEqual(['none', 'received']);
    expect(lead?.activities).toContainEqual({ actor: 'Shopper', text: 'Credit application received' });
  });

  it('a page of deals gets each application’s status in one read; deals without one, or of another dealership, have none', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const elsewhere = await dealershipWithCar(ctx);
    const applied = await startDeal(ctx, storefront, vehicle);
    const none = await startDeal(ctx, storefront, vehicle);
    const foreign = await startDeal(ctx, elsewhere.storefront, elsewhere.vehicle);
    for (const shopper of [applied, foreign]) {
      await shopper.call('post', creditApplicationPath).send(applicationInput()).expect(201);
    }
    const credit = creditServiceOn(ctx, composeKeyProvider(ctx.config));

    const summaries = await credit.summariesFor(storefront.dealershipId, [
      applied.dealId,
      none.dealId,
      foreign.dealId,
    ]);

    expect([...summaries.keys()]).toEqual([applied.dealId]);
    expect(summaries.get(applied.dealId)).toEqual(
      await credit.summaryFor(storefront.dealershipId, applied.dealId),
    );
    expect(summaries.get(applied.dealId)).toMatchObject({ status: 'received', applicants: 1 });
    await expect(credit.summariesFor(storefront.dealershipId, [])).resolves.toEqual(new Map());
  });

  it('while KMS throttles, sending or opening an application is a 503 to try again; nothing is stored or recorded', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const dealershipId = storefront.dealershipId;
    const sealed = await startDeal(ctx, storefront, vehicle);
    const unsent = await startDeal(ctx, storefront, vehicle);
    const repository = new DealRepository(ctx.database.writer);
    const dealOf = async (dealId: string) => {
      const deal = await repository.find(dealershipId, dealId);
      if (!deal) throw new Error(`deal ${dealId} not found`);
      return deal;
    };
    const kms = fakeKms();
    const keys = composeKeyProvider(
      { ...ctx.config, KEY_PROVIDER: 'kms', KMS_KEY_ID: KMS_KEY_ALIAS, KMS_REGION: 'us-east-1' },
      { ...kms.clientConfig, maxAttempts: 1 },
    );
    const credit = creditServiceOn(ctx, keys);
    await credit.submit(await dealOf(sealed.dealId), CreditApplicationInputSchema.parse(applicationInput()));
    kms.failWith('throttling');
    const finance: Principal = {
      userId: 'finance-1',
      name: 'Fiona Finance',
      email: null,
      memberships: [],
      scopes: [],
      isMachine: false,
    };

    const sending = await credit
      .submit(await dealOf(unsent.dealId), CreditApplicationInputSchema.parse(applicationInput()))
      .catch((error: unknown) => error);
    const opening = await credit.view(await dealOf(sealed.dealId), finance).catch((error: unknown) => error);

    for (const refused of [sending, opening]) {
      expect(refused).toBeInstanceOf(HttpProblem);
      expect(refused).toMatchObject({ status: 503, headers: { 'Retry-After': '5' } });
    }
    expect((sending as HttpProblem).detail).toContain('nothing was stored');
    await expect(credit.summaryFor(dealershipId, unsent.dealId)).resolves.toBeNull();
    expect((await activityOf(sealed.dealId)).map((a) => a.kind)).not.toContain('credit-application-viewed');
    expect(kms.sent.at(-1)?.headers['x-amz-target']).toBe('TrentService.Decrypt');

    kms.failWith(null);
    const view = await credit.view(await dealOf(sealed.dealId), finance);
    expect(view.applicant.lastName).toBe('Driver');
  });

  it('finance managers and owners open it, decrypted and not cached, each opening recorded by name', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const dealershipId = storefront.dealershipId;
    const shopper = await startDeal(ctx, storefront, vehicle);
    const coApplicant = applicantInput({ firstName: 'Robin', ssn: '078-05-1120', dateOfBirth: '1986-11-02' });
    await shopper
      .call('post', creditApplicationPath)
      .send(applicationInput(applicantInput(), coApplicant))
      .expect(201);
    await shopper.call('post', '/submit').expect(200);
    await runJobs(ctx);

    const finance = await ctx.member('finance', dealershipId, 'Fiona Finance');
    const res = await atDesk(ctx, finance, dealershipId)
      .get(deskCreditApplication(shopper.dealId))
      .expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const view = res.body as CreditApplicationView;
    expect(view).toMatchObject({
      status: 'received',
      applicants: 2,
      consentVersion: CREDIT_CONSENT_VERSION,
      consentText: CREDIT_CONSENT_TEXT,
      applicant: { firstName: 'Dana', ssn: '219099999', dateOfBirth: '1984-07-19' },
      coApplicant: { firstName: 'Robin', ssn: '078051120', dateOfBirth: '1986-11-02' },
    });
    const owner = await ctx.member('owner', dealershipId, 'Olga Owner');
    await atDesk(ctx, owner, dealershipId).get(deskCreditApplication(shopper.dealId)).expect(200);
    await runJobs(ctx);

    const viewed = (await activityOf(shopper.dealId)).filter((a) => a.kind === 'credit-application-viewed');
    expect(viewed).toEqual([
      {
        actor: 'Fiona Finance',
        kind: 'credit-application-viewed',
        text: 'Credit application viewed by Fiona Finance',
      },
      {
        actor: 'Olga Owner',
        kind: 'credit-application-viewed',
        text: 'Credit application viewed by Olga Owner',
      },
    ]);
    expect(ctx.peers.leads.get(shopper.dealId)?.activities).toEqual(
      expect.arrayContaining([
        { actor: 'Fiona Finance', text: 'Credit application viewed by Fiona Finance' },
        { actor: 'Olga Owner', text: 'Credit application viewed by Olga Owner' },
      ]),
    );
  });

  it('managers, salespeople and viewers may not open it; another dealership’s finance manager finds nothing', async () => {
    const { storefront, vehicle, sales } = await dealershipWithCar(ctx);
    const dealershipId = storefront.dealershipId;
    const shopper = await startDeal(ctx, storefront, vehicle);
    await shopper.call('post', creditApplicationPath).send(applicationInput()).expect(201);
    await shopper.call('post', '/submit').expect(200);
    await runJobs(ctx);

    for (const member of [
      await ctx.member('manager', dealershipId),
      sales,
      await ctx.member('viewer', dealershipId),
    ]) {
      await atDesk(ctx, member, dealershipId).get(deskCreditApplication(shopper.dealId)).expect(403);
    }
    const elsewhere = await dealershipWithCar(ctx);
    const foreignFinance = await ctx.member('finance', elsewhere.storefront.dealershipId);
    await atDesk(ctx, foreignFinance, elsewhere.storefront.dealershipId)
      .get(deskCreditApplication(shopper.dealId))
      .expect(404);
    const viewed = (await activityOf(shopper.dealId)).filter((a) => a.kind === 'credit-application-viewed');
    expect(viewed).toEqual([]);
  });

  it('retention erases the sealed application once its time is up, and says so on the deal and the lead', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const dealershipId = storefront.dealershipId;
    const shopper = await startDeal(ctx, storefront, vehicle);
    await shopper.call('post', creditApplicationPath).send(applicationInput()).expect(201);
    await shopper.call('post', '/submit').expect(200);
    await runJobs(ctx);
    const { delete_after: deleteAfter } = await storedApplication(shopper.dealId);

    const sweepAt = (at: Date) =>
      new CreditRetention({
        db: ctx.database.writer,
        repository: new CreditRepository(ctx.database.writer),
        clock: () => at,
      }).sweep();
    await sweepAt(new Date(deleteAfter.getTime() - 1000));
    expect((await storedApplication(shopper.dealId)).ciphertext).not.toBeNull();

    await sweepAt(new Date(deleteAfter.getTime() + 1000));
    await expect(storedApplication(shopper.dealId)).resolves.toMatchObject({
      key_id: null,
      encrypted_data_key: null,
      iv: null,
      auth_tag: null,
      ciphertext: null,
      deleted_at: new Date(deleteAfter.getTime() + 1000),
    });
    // A second sweep finds nothing left to erase, and records nothing twice.
    await sweepAt(new Date(deleteAfter.getTime() + 5000));
    const deleted = (await activityOf(shopper.dealId)).filter((a) => a.kind === 'credit-application-deleted');
    expect(deleted).toHaveLength(1);
    await runJobs(ctx);

    const finance = await ctx.member('finance', dealershipId, 'Fiona Finance');
    const gone = await atDesk(ctx, finance, dealershipId)
      .get(deskCreditApplication(shopper.dealId))
      .expect(404);
    expect((gone.body as Problem).detail).toContain('deleted');
    const desk = await atDesk(ctx, finance, dealershipId).get(`/deals/${shopper.dealId}`).expect(200);
    expect(desk.body.creditApplication).toMatchObject({ status: 'deleted', deleteAfter: null });
    const lead = ctx.peers.leads.get(shopper.dealId);
    expect(lead?.inputs.at(-1)?.deal.creditApplication).toBe('deleted');
    expect(lead?.activities.at(-1)?.text).toContain('Credit application deleted');
  });

  it('an application retention cannot erase does not hold up the others, and is erased on a later run', async () => {
    const first = await dealershipWithCar(ctx);
    const second = await dealershipWithCar(ctx);
    const stuck = await startDeal(ctx, first.storefront, first.vehicle);
    const other = await startDeal(ctx, second.storefront, second.vehicle);
    for (const shopper of [stuck, other]) {
      await shopper.call('post', creditApplicationPath).send(applicationInput()).expect(201);
    }
    const stuckId = (await storedApplication(stuck.dealId)).id;
    const later = new Date((await storedApplication(other.dealId)).delete_after.getTime() + 1000);

    class FailingOnce extends CreditRepository {
      override async erase(...args: Parameters<CreditRepository['erase']>): Promise<boolean> {
        if (args[2] === stuckId) throw new Error('lock wait timeout');
        return super.erase(...args);
      }
    }
    const db = ctx.database.writer;
    await expect(
      new CreditRetention({ db, repository: new FailingOnce(db), clock: () => later }).sweep(),
    ).rejects.toThrow('could not be erased');
    expect((await storedApplication(other.dealId)).ciphertext).toBeNull();
    expect((await storedApplication(stuck.dealId)).ciphertext).not.toBeNull();

    await new CreditRetention({ db, repository: new CreditRepository(db), clock: () => later }).sweep();
    expect((await storedApplication(stuck.dealId)).ciphertext).toBeNull();
  });
});
