import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { forDealership } from '@showroom/server-mysql';
import { retailAppOnDemo, type RetailTestContext } from '../test/retail-test-app';
import { enqueueShopperMail, type ShopperMail } from './shopper-mail';

/** A deal row of a shopper, as the deals module stores one (only what the mailer reads matters). */
async function dealOf(ctx: RetailTestContext, dealershipId: string, shopperEmail: string): Promise<string> {
  const id = randomUUID();
  await forDealership(ctx.database.writer, dealershipId)
    .insertInto('deals')
    .values({
      id,
      vehicle_id: randomUUID(),
      vehicle: '{}',
      kind: 'finance',
      status: 'submitted',
      shopper_first_name: 'Pat',
      shopper_last_name: 'Shopper',
      shopper_email: shopperEmail,
      shopper_phone: null,
      access_token_hash: '0'.repeat(64),
      lead_id: null,
      assignee_id: null,
      offer_version: 1,
      version: 1,
      submitted_at: new Date(),
      accepted_at: null,
    })
    .execute();
  return id;
}

const mailFor = (dealId: string, subject: string): ShopperMail => ({
  dealId,
  subject,
  text: `Hello Pat, ${subject}`,
  html: `<p>Hello Pat, ${subject}</p>`,
});

describe('e-mails to a deal’s shopper', () => {
  const ctx = retailAppOnDemo();

  it('go to the shopper’s address from the dealership by name, replies to the dealership', async () => {
    const dealership = ctx.newDealership({
      name: 'Columbus "Best" Cars',
      email: 'sales@columbus-best.example',
    });
    const dealId = await dealOf(ctx, dealership.dealershipId, 'pat.one@example.test');
    await enqueueShopperMail(
      ctx.database.writer,
      dealership.dealershipId,
      mailFor(dealId, 'your deal arrived'),
    );
    await ctx.runDueJobs();
    const mail = await ctx.sink.waitFor((m) => m.subject === 'your deal arrived');
    expect(mail.to).toEqual(['pat.one@example.test']);
    expect(mail.from).toBe(ctx.config.MAIL_FROM);
    const raw = mail.raw.toString();
    expect(raw).toMatch(/^From: "?Columbus Best Cars"? <deals@showroom\.dev>/m);
    expect(raw).toMatch(/^Reply-To: sales@columbus-best\.example/m);
    expect(mail.text).toContain('Hello Pat, your deal arrived');
    expect(mail.html).toContain('<p>Hello Pat, your deal arrived</p>');
  });

  it('go to the address the deal has when they are sent, not when they were queued', async () => {
    const dealership = ctx.newDealership();
    const dealId = await dealOf(ctx, dealership.dealershipId, 'pat.old@example.test');
    await enqueueShopperMail(
      ctx.database.writer,
      dealership.dealershipId,
      mailFor(dealId, 'address changed'),
    );
    await forDealership(ctx.database.writer, dealership.dealershipId)
      .updateTable('deals')
      .set({ shopper_email: 'pat.new@example.test' })
      .where('id', '=', dealId)
      .execute();
    await ctx.runDueJobs();
    expect((await ctx.sink.waitFor((m) => m.subject === 'address changed')).to).toEqual([
      'pat.new@example.test',
    ]);
  });

  it('queued twice under one key, go once', async () => {
    const dealership = ctx.newDealership();
    const dealId = await dealOf(ctx, dealership.dealershipId, 'pat.twice@example.test');
    const mail = mailFor(dealId, `countered ${dealId}`);
    await enqueueShopperMail(ctx.database.writer, dealership.dealershipId, mail, `counter:${dealId}:2`);
    await enqueueShopperMail(ctx.database.writer, dealership.dealershipId, mail, `counter:${dealId}:2`);
    await ctx.runDueJobs();
    await ctx.sink.waitFor((m) => m.subject === mail.subject);
    expect(ctx.sink.messages().filter((m) => m.subject === mail.subject)).toHaveLength(1);
  });

  it('of a deal of another dealership are never sent to it', async () => {
    const dealership = ctx.newDealership();
    const other = ctx.newDealership();
    const dealId = await dealOf(ctx, other.dealershipId, 'pat.other@example.test');
    await enqueueShopperMail(
      ctx.database.writer,
      dealership.dealershipId,
      mailFor(dealId, 'wrong dealership'),
    );
    await ctx.runDueJobs();
    expect(ctx.sink.messages().some((m) => m.subject === 'wrong dealership')).toBe(false);
  });
});

describe('e-mails to a shopper while the SMTP server is away', () => {
  const ctx = retailAppOnDemo({ env: { SMTP_URL: 'smtp://127.0.0.1:9' } });

  it('wait to be tried again, and the logs never name the shopper', async () => {
    const dealership = ctx.newDealership();
    const dealId = await dealOf(ctx, dealership.dealershipId, 'pat.private@example.test');
    await enqueueShopperMail(ctx.database.writer, dealership.dealershipId, mailFor(dealId, 'not yet'));
    await ctx.runDueJobs();
    const [job] = await forDealership(ctx.database.writer, dealership.dealershipId)
      .selectFrom('retail_jobs')
      .selectAll()
      .execute();
    expect(job).toMatchObject({ kind: 'shopper-mail', state: 'pending', attempts: 1 });
    expect(job?.last_error).toMatch(/^ShopperMailNotSent: the SMTP server did not take the message/);
    expect(job?.last_error).not.toContain('pat.private');
    expect(ctx.logLines.some((line) => line.includes('retail job failed; tried again later'))).toBe(true);
    expect(ctx.logLines.join('\n')).not.toContain('pat.private');
  });
});
