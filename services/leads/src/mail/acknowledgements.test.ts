import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebsiteLead, websiteLead } from '../test/lead-requests';
import { startLeadsTestApp, type LeadsTestContext, type TestDealership } from '../test/leads-test-app';
import { cleanFirstName } from './templates';

/**
 * Anyone can type anyone's address into a dealer's form. The acknowledgement must not become a way
 * to mail a stranger at will, or to make a dealership carry someone's words to them.
 */
describe('acknowledgements to an address nobody verified', () => {
  let ctx: LeadsTestContext;
  let first: TestDealership;
  let second: TestDealership;

  beforeAll(async () => {
    ctx = await startLeadsTestApp();
    [first, second] = await Promise.all([ctx.newDealership(), ctx.newDealership()]);
  });
  afterAll(() => ctx.close());

  const acknowledgementsTo = (email: string) =>
    ctx.sink.messages().filter((m) => m.to.includes(email) && m.subject.startsWith('Thanks for contacting'));

  it('when two dealerships’ forms name the same address on one day, the address gets one acknowledgement', async () => {
    const email = `victim.${Date.now()}@example.com`;
    expect((await postWebsiteLead(ctx, first.id, websiteLead({ email }))).status).toBe(201);
    expect((await postWebsiteLead(ctx, second.id, websiteLead({ email }))).status).toBe(201);
    await ctx.settle(20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(acknowledgementsTo(email)).toHaveLength(1);
    // Both leads are taken and routed all the same.
    const leads = await ctx.database.writer
      .selectFrom('leads')
      .select(['dealership_id', 'assignee_id'])
      .where('email', '=', email)
      .execute();
    expect(leads).toHaveLength(2);
    expect(leads.every((lead) => lead.assignee_id !== null)).toBe(true);
    // What the limit keeps is a SHA-256 of the address, never the address itself.
    const hash = createHash('sha256').update(email).digest('hex');
    const kept = await ctx.database.writer.selectFrom('acknowledgement_recipients').selectAll().execute();
    expect(kept.filter((row) => row.recipient_hash === hash)).toHaveLength(1);
    expect(JSON.stringify(kept)).not.toContain(email);
    expect(JSON.stringify(kept)).not.toContain('victim.');
  });

  it('when the shopper types a link as their name and an unknown stock number, the acknowledgement carries neither', async () => {
    const email = `links.${Date.now()}@example.com`;
    const res = await postWebsiteLead(
      ctx,
      first.id,
      websiteLead({
        email,
        firstName: 'Win at www.prizes.example',
        lastName: 'Claim now',
        message: 'Your account is locked, log in at https://phish.example',
        vehicle: { stockNumber: 'CLICK-HERE' },
      }),
    );
    expect(res.status).toBe(201);
    await ctx.settle(20_000);
    const [ack] = acknowledgementsTo(email);
    expect(ack?.text).toContain('Hi there,');
    expect(ack?.text).toContain('Thank you for your interest in the vehicle you asked about.');
    for (const typed of ['prizes.example', 'Claim now', 'phish.example', 'CLICK-HERE']) {
      expect(ack?.text).not.toContain(typed);
      expect(ack?.subject).not.toContain(typed);
    }
  });

  it('keeps a first name that is a name, and nothing else', () => {
    expect(cleanFirstName('  José-María ')).toBe('José-María');
    expect(cleanFirstName("D'Arcy")).toBe("D'Arcy");
    expect(cleanFirstName('Mary  Ann')).toBe('Mary Ann');
    expect(cleanFirstName('J.R.')).toBe('J.R.');
    expect(cleanFirstName('Ярослава')).toBe('Ярослава');
    for (const typed of [
      'www.evil.example',
      'bob@evil.example',
      'Bob <b>',
      'Call 555-0100',
      '',
      'A'.repeat(41),
    ]) {
      expect(cleanFirstName(typed)).toBe('there');
    }
  });
});
