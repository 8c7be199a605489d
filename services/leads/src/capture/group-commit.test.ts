import { WebsiteLeadInputSchema, type WebsiteLeadInput } from '@showroom/contracts';
import { HttpProblem } from '@showroom/server-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { websiteLead } from '../test/lead-requests';
import { useLeadsTestApp, type TestDealership } from '../test/leads-test-app';
import { CaptureRepository } from './capture-repository';
import { CaptureService, type CaptureOutcome } from './capture-service';
import { websiteDraft } from './lead-draft';

const UNKNOWN_DEALERSHIP = '00000000-0000-4000-8000-00000000abcd';

// The capture service on the test's real MySQL. Requests submitted together wait while the first
// one (alone) is written, then go in one transaction: every submission a transaction stores has its
// received_at, from a clock that moves a second each time it is read.
describe('group commit of concurrent captures (real MySQL)', () => {
  const t = useLeadsTestApp();
  let other: TestDealership;
  let capture: CaptureService;
  let batchesCommitted: number;

  beforeAll(async () => {
    other = await t.ctx.newDealership();
    let tick = Date.parse('2026-12-07T09:00:00Z');
    batchesCommitted = 0;
    capture = new CaptureService(
      new CaptureRepository(t.ctx.database.writer),
      () => batchesCommitted++,
      () => new Date((tick += 1000)),
      { maxInFlight: 1 },
    );
  });

  const form = (overrides: Partial<WebsiteLeadInput>) =>
    websiteDraft(WebsiteLeadInputSchema.parse(websiteLead(overrides)));
  const submissionsOf = (leadId: string) =>
    t.ctx.database.writer
      .selectFrom('lead_submissions')
      .select(['dealership_id', 'received_at'])
      .where('lead_id', '=', leadId)
      .execute();
  const leadsWith = (email: string) =>
    t.ctx.database.writer
      .selectFrom('leads')
      .select(['id', 'dealership_id', 'submission_count'])
      .where('email', '=', email)
      .orderBy('dealership_id')
      .execute();

  it('stores a batch as if each request came alone after the ones before it, each dealership on its own', async () => {
    const email = `together.${Date.now()}@example.com`;
    const first = capture.capture(t.dealer.id, [form({})]);
    const batch = [
      capture.capture(t.dealer.id, [form({ email, phone: undefined })]),
      capture.capture(other.id, [form({ email, phone: undefined })]),
      capture.capture(t.dealer.id, [form({ email: email.toUpperCase(), phone: undefined })]),
      capture.capture(UNKNOWN_DEALERSHIP, [form({ email, phone: undefined })]),
    ];
    const settled = await Promise.allSettled([first, ...batch]);

    const [alone, ours, theirs, ourReturn, unknown] = settled;
    expect([alone, ours, theirs, ourReturn].map((s) => s.status)).toEqual(Array(4).fill('fulfilled'));
    expect(unknown).toMatchObject({ status: 'rejected', reason: expect.any(HttpProblem) });
    expect((unknown as PromiseRejectedResult).reason.status).toBe(404);

    const [ourLead, theirLead] = [ours, theirs].map(
      (s) => (s as PromiseFulfilledResult<CaptureOutcome>).value.results[0],
    );
    const returned = (ourReturn as PromiseFulfilledResult<CaptureOutcome>).value.results[0];
    // The returning shopper joins the lead the batch's earlier request opened; the other
    // dealership's shopper with the same e-mail is a lead of its own.
    expect(returned?.duplicateOf).toBe(ourLead?.leadId);
    expect(theirLead?.duplicateOf).toBeNull();
    expect(await leadsWith(email)).toEqual(
      [
        { id: ourLead?.leadId, dealership_id: t.dealer.id, submission_count: 2 },
        { id: theirLead?.leadId, dealership_id: other.id, submission_count: 1 },
      ].sort((a, b) => a.dealership_id.localeCompare(b.dealership_id)),
    );

    // One transaction for the four that waited: their submissions share its moment.
    const moments = new Set(
      [
        ...(await submissionsOf(ourLead?.leadId as string)),
        ...(await submissionsOf(theirLead?.leadId as string)),
      ].map((s) => s.received_at.getTime()),
    );
    expect(moments.size).toBe(1);
    expect(batchesCommitted).toBe(2);
  });

  it('replays a key the same batch used before with the same body, refuses it with another, and keeps keys per dealership', async () => {
    const key = { key: `idem-${Date.now()}`, requestHash: 'a'.repeat(64) };
    const email = `keyed.${Date.now()}@example.com`;
    const first = capture.capture(t.dealer.id, [form({})]);
    const [original, retry, otherBody, elsewhere] = await Promise.allSettled([
      capture.capture(t.dealer.id, [form({ email })], { idempotency: key }),
      capture.capture(t.dealer.id, [form({ email })], { idempotency: key }),
      capture.capture(t.dealer.id, [form({ email })], {
        idempotency: { ...key, requestHash: 'b'.repeat(64) },
      }),
      capture.capture(other.id, [form({ email })], { idempotency: key }),
    ]);
    await first;

    const kept = (original as PromiseFulfilledResult<CaptureOutcome>).value;
    expect(kept.replayed).toBe(false);
    expect(retry).toEqual({ status: 'fulfilled', value: { results: kept.results, replayed: true } });
    expect((otherBody as PromiseRejectedResult).reason.status).toBe(409);
    expect((elsewhere as PromiseFulfilledResult<CaptureOutcome>).value.replayed).toBe(false);
    expect((await leadsWith(email)).map((l) => [l.dealership_id, l.submission_count])).toEqual(
      [
        [t.dealer.id, 1],
        [other.id, 1],
      ].sort((a, b) => (a[0] as string).localeCompare(b[0] as string)),
    );
    // A later request with the key replays what the batch kept.
    expect(await capture.capture(t.dealer.id, [form({ email })], { idempotency: key })).toEqual({
      results: kept.results,
      replayed: true,
    });
  });

  it('fails only the request the database refuses, and stores the rest of its batch', async () => {
    const emails = [1, 2, 3].map((n) => `survivor.${n}.${Date.now()}@example.com`);
    const first = capture.capture(t.dealer.id, [form({})]);
    const [good1, bad, good2] = await Promise.allSettled([
      capture.capture(t.dealer.id, [form({ email: emails[0] })]),
      // Longer than the column (the form's schema stops it; the database is the last line).
      capture.capture(t.dealer.id, [{ ...form({ email: emails[1] }), firstName: 'x'.repeat(5000) }]),
      capture.capture(other.id, [form({ email: emails[2] })]),
    ]);
    await first;

    expect([good1.status, bad.status, good2.status]).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await leadsWith(emails[0] as string)).length).toBe(1);
    expect((await leadsWith(emails[1] as string)).length).toBe(0);
    expect((await leadsWith(emails[2] as string)).length).toBe(1);
  });
});
