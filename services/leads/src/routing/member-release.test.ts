import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  ASSIGNEE_DEACTIVATED_REASON,
  MemberLeadsReleasedSchema,
  READ_TEAM_SCOPE,
  RELEASE_MEMBER_LEADS_SCOPE,
  type LeadEvent,
  type TeamMember,
} from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import { asMember, leadOfReceipt, postWebsiteLead, websiteLead } from '../test/lead-requests';
import { useLeadsTestApp, type TestDealership } from '../test/leads-test-app';
import { MemberLeadsRelease } from './member-release';
import { UsersServiceDirectory } from './team-directory';

const salesperson = (name: string): TeamMember => {
  const id = `auth0|sales-${randomUUID().slice(0, 8)}`;
  return { id, name, email: `${id.slice(6)}@example.test`, role: 'sales', available: true };
};
const byId = (a: TeamMember, b: TeamMember) => a.id.localeCompare(b.id);

describe('a deactivated member’s open leads go back to round-robin (users → leads)', () => {
  const t = useLeadsTestApp();

  const releasePath = (dealershipId: string, userId: string) =>
    `/api/leads/internal/dealerships/${dealershipId}/members/${encodeURIComponent(userId)}/release`;
  const machineToken = (scopes = [RELEASE_MEMBER_LEADS_SCOPE]) =>
    t.ctx.issuer.machineToken('showroom-services', scopes);
  /** The users service's call, with its machine token. */
  const release = async (dealershipId: string, userId: string) =>
    request(t.ctx.app)
      .post(releasePath(dealershipId, userId))
      .auth(await machineToken(), { type: 'bearer' });

  /** A dealership with a third salesperson, Uma, besides Sara and Tom. */
  const dealershipOfThree = async () => {
    const dealer = await t.ctx.newDealership();
    const uma = salesperson('Uma Sales');
    t.ctx.peers.teams.set(dealer.id, [...(t.ctx.peers.teams.get(dealer.id) ?? []), uma]);
    return { dealer, uma };
  };

  /** A website lead of the dealership that its manager gives to `who`. */
  const leadOf = async (dealer: TestDealership, who: TeamMember) => {
    const res = await postWebsiteLead(t.ctx, dealer.id, websiteLead());
    const id = await leadOfReceipt(t.ctx, res);
    await t.ctx.settle();
    const manager = await asMember(t.ctx, dealer.team.manager, dealer);
    await manager.post(`/api/leads/leads/${id}/assignment`, { assigneeId: who.id }).expect(200);
    return id;
  };
  const moveThrough = async (dealer: TestDealership, id: string, steps: object[]) => {
    const manager = await asMember(t.ctx, dealer.team.manager, dealer);
    for (const step of steps) await manager.post(`/api/leads/leads/${id}/status`, step).expect(200);
  };

  const leadRow = (dealershipId: string, id: string) =>
    forDealership(t.ctx.database.writer, dealershipId)
      .selectFrom('leads')
      .select(['assignee_id', 'assignee_name', 'status', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const assigneesOf = async (dealershipId: string, ids: string[]) =>
    Promise.all(ids.map(async (id) => (await leadRow(dealershipId, id)).assignee_id));
  const turnOf = async (dealershipId: string) =>
    (
      await forDealership(t.ctx.database.writer, dealershipId)
        .selectFrom('lead_settings')
        .select('last_assigned_user_id')
        .executeTakeFirstOrThrow()
    ).last_assigned_user_id;
  const setTurn = (dealershipId: string, last: string | null) =>
    forDealership(t.ctx.database.writer, dealershipId)
      .updateTable('lead_settings')
      .set({ last_assigned_user_id: last })
      .execute();
  const outboxCount = async (dealershipId: string) =>
    Number(
      (
        await forDealership(t.ctx.database.writer, dealershipId)
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const timelineOf = async (dealer: TestDealership, id: string): Promise<LeadEvent[]> => {
    const manager = await asMember(t.ctx, dealer.team.manager, dealer);
    return (await manager.get(`/api/leads/leads/${id}/timeline?limit=100`).expect(200)).body.items;
  };

  it('gives the open leads to the other available salespeople in turn, and leaves the won and lost ones', async () => {
    const { dealer, uma } = await dealershipOfThree();
    const [sara, tom] = dealer.team.sales;
    const open = [await leadOf(dealer, sara), await leadOf(dealer, sara), await leadOf(dealer, sara)];
    await moveThrough(dealer, open[1] as string, [{ status: 'contacted' }]);
    const won = await leadOf(dealer, sara);
    await moveThrough(dealer, won, [{ status: 'showroom_visit' }, { status: 'sold' }]);
    const lost = await leadOf(dealer, sara);
    await moveThrough(dealer, lost, [{ status: 'lost', lostReason: 'bought_elsewhere' }]);
    await t.ctx.settle();
    // The turn was the first of the others' last: the round goes on from the second.
    const [first, second] = [tom, uma].sort(byId) as [TeamMember, TeamMember];
    await setTurn(dealer.id, first.id);

    // Sara is still on the users service's list (and available): she is left out all the same.
    const res = await release(dealer.id, sara.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(MemberLeadsReleasedSchema.parse(res.body)).toEqual({ released: 3 });

    expect(await assigneesOf(dealer.id, open)).toEqual([second.id, first.id, second.id]);
    expect(await turnOf(dealer.id)).toBe(second.id);
    expect(await leadRow(dealer.id, won)).toMatchObject({ assignee_id: sara.id, status: 'sold' });
    expect(await leadRow(dealer.id, lost)).toMatchObject({ assignee_id: sara.id, status: 'lost' });
    expect(await leadRow(dealer.id, open[1] as string)).toMatchObject({ status: 'contacted' });

    await t.ctx.settle();
    const timeline = await timelineOf(dealer, open[0] as string);
    const back = timeline.find(
      (e) => e.type === 'assigned' && e.data['reason'] === ASSIGNEE_DEACTIVATED_REASON,
    );
    expect(back).toMatchObject({
      actor: null,
      summary: `Back to round-robin: Sara Sales was deactivated. Assigned to ${second.name}`,
      data: {
        assignee: { id: second.id, name: second.name },
        previous: { id: sara.id, name: 'Sara Sales' },
        initial: false,
      },
    });
    // The new assignee is told; the shopper is not acknowledged a second time.
    const mails = timeline.filter((e) => e.type === 'email_sent').map((e) => e.data);
    expect(mails).toContainEqual({ to: second.email, purpose: 'assignee_notice' });
    expect(mails.filter((m) => m['purpose'] === 'acknowledgement')).toHaveLength(1);

    // Sara's inbox keeps only her history; Tom's and Uma's hold what they were given.
    const saras = await (await asMember(t.ctx, sara, dealer)).get('/api/leads/leads').expect(200);
    expect(saras.body.items.map((l: { id: string }) => l.id).sort()).toEqual([won, lost].sort());
  });

  it('finds nothing left to release when called again', async () => {
    const { dealer } = await dealershipOfThree();
    const [sara] = dealer.team.sales;
    const lead = await leadOf(dealer, sara);
    expect((await release(dealer.id, sara.id)).body).toEqual({ released: 1 });
    await t.ctx.settle();
    const before = { row: await leadRow(dealer.id, lead), events: await outboxCount(dealer.id) };

    const again = await release(dealer.id, sara.id);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ released: 0 });
    expect(await leadRow(dealer.id, lead)).toEqual(before.row);
    expect(await outboxCount(dealer.id)).toBe(before.events);
  });

  it('leaves a lead unassigned, in the inbox’s unassigned view, when no other salesperson is available', async () => {
    const dealer = await t.ctx.newDealership();
    const [sara, tom] = dealer.team.sales;
    const lead = await leadOf(dealer, sara);
    const team = t.ctx.peers.teams.get(dealer.id) ?? [];
    t.ctx.peers.teams.set(
      dealer.id,
      team.map((m) => (m.id === tom.id ? { ...m, available: false } : m)),
    );

    expect((await release(dealer.id, sara.id)).body).toEqual({ released: 1 });
    expect(await leadRow(dealer.id, lead)).toMatchObject({ assignee_id: null, assignee_name: null });
    const manager = await asMember(t.ctx, dealer.team.manager, dealer);
    const unassigned = await manager.get('/api/leads/leads?assignee=unassigned').expect(200);
    expect(unassigned.body.items.map((l: { id: string }) => l.id)).toEqual([lead]);

    await t.ctx.settle();
    const entry = (await timelineOf(dealer, lead)).find((e) => e.type === 'unassigned');
    expect(entry).toMatchObject({
      summary:
        'Back to round-robin: Sara Sales was deactivated. No salesperson is available: waiting for a manager to assign it',
      data: { assignee: null, previous: { id: sara.id }, reason: ASSIGNEE_DEACTIVATED_REASON },
    });
  });

  it('leaves another dealership’s leads of the same person alone', async () => {
    const ours = await t.ctx.newDealership();
    const theirs = await t.ctx.newDealership();
    const [sara] = ours.team.sales;
    // Sara works at both rooftops and is deactivated only at ours.
    t.ctx.peers.teams.set(theirs.id, [...(t.ctx.peers.teams.get(theirs.id) ?? []), sara]);
    const ourLead = await leadOf(ours, sara);
    const theirLead = await leadOf(theirs, sara);
    await t.ctx.settle();
    const before = { row: await leadRow(theirs.id, theirLead), events: await outboxCount(theirs.id) };

    expect((await release(ours.id, sara.id)).body).toEqual({ released: 1 });
    expect((await leadRow(ours.id, ourLead)).assignee_id).not.toBe(sara.id);
    expect(await leadRow(theirs.id, theirLead)).toEqual(before.row);
    expect(await outboxCount(theirs.id)).toBe(before.events);
  });

  it('refuses a person’s token and a machine token without the scope, and releases nothing', async () => {
    const dealer = await t.ctx.newDealership();
    const [sara] = dealer.team.sales;
    const lead = await leadOf(dealer, sara);
    const path = releasePath(dealer.id, sara.id);
    const owner = await t.ctx.issuer.tokenFor(
      { sub: dealer.team.owner.id, memberships: [{ dealershipId: dealer.id, role: 'owner' }] },
      { extraClaims: { scope: `openid profile email ${RELEASE_MEMBER_LEADS_SCOPE}` } },
    );

    await request(t.ctx.app).post(path).expect(401);
    const asOwner = await request(t.ctx.app)
      .post(path)
      .auth(owner, { type: 'bearer' })
      .set('X-Dealership-Id', dealer.id);
    expect(asOwner.status).toBe(403);
    const unscoped = await request(t.ctx.app)
      .post(path)
      .auth(await machineToken([READ_TEAM_SCOPE]), { type: 'bearer' });
    expect(unscoped.status).toBe(403);
    expect(unscoped.headers['content-type']).toContain('application/problem+json');
    expect((await leadRow(dealer.id, lead)).assignee_id).toBe(sara.id);
  });

  it('answers 503 and releases nothing while the users service cannot name the team', async () => {
    const dealer = await t.ctx.newDealership();
    const [sara] = dealer.team.sales;
    const lead = await leadOf(dealer, sara);
    t.ctx.peers.down = true;
    try {
      const res = await release(dealer.id, sara.id);
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
    } finally {
      t.ctx.peers.down = false;
    }
    expect((await leadRow(dealer.id, lead)).assignee_id).toBe(sara.id);
    expect((await release(dealer.id, sara.id)).body).toEqual({ released: 1 });
  });

  it('releases many leads a slice per transaction, the round going on across slices', async () => {
    const { dealer, uma } = await dealershipOfThree();
    const [sara, tom] = dealer.team.sales;
    const leads: string[] = [];
    for (let i = 0; i < 5; i++) leads.push(await leadOf(dealer, sara));
    await t.ctx.settle();
    const [first, second] = [tom, uma].sort(byId) as [TeamMember, TeamMember];
    await setTurn(dealer.id, second.id);
    const tokens = { token: () => t.ctx.issuer.machineToken('showroom-services', [READ_TEAM_SCOPE]) };
    const directory = new UsersServiceDirectory(t.ctx.peers.url, tokens, 0);
    let commits = 0;
    const slices = new MemberLeadsRelease(t.ctx.database.writer, directory, () => commits++, undefined, 2);

    expect(await slices.release(dealer.id, sara.id)).toEqual({ released: 5 });
    expect(commits).toBe(3);
    expect(await assigneesOf(dealer.id, leads)).toEqual([first.id, second.id, first.id, second.id, first.id]);
    expect(await slices.release(dealer.id, sara.id)).toEqual({ released: 0 });
  });
});
