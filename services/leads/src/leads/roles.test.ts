import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamMember } from '@showroom/contracts';
import { asMember, leadOfReceipt, postWebsiteLead, websiteLead } from '../test/lead-requests';
import { USER_REQUESTS, userRequest, type Target, type UserRequest } from '../test/route-examples';
import { startLeadsTestApp, type LeadsTestContext, type TestDealership } from '../test/leads-test-app';

type Client = Awaited<ReturnType<typeof asMember>>;
type Route = UserRequest;

const FORBIDDEN = 'https://showroom.dev/problems/forbidden';
const NOT_FOUND = 'https://showroom.dev/problems/not-found';
const UNAUTHORIZED = 'https://showroom.dev/problems/unauthorized';
const route = userRequest;

const send = (client: Client, r: Route, t: Target) =>
  r.method === 'get' ? client.get(r.path(t)) : client[r.method as 'post' | 'patch'](r.path(t), r.body?.(t));
const idsOf = (res: request.Response): string[] => res.body.items.map((item: { id: string }) => item.id);
const leadIdsOf = (res: request.Response) => new Set(res.body.items.map((e: { leadId: string }) => e.leadId));

/**
 * A dealership with Sara's lead, Tom's lead (with a note and an overdue task of his) and a lead
 * nobody was available for, and a client for each member of its team.
 */
interface Shop {
  dealer: TestDealership;
  sara: TeamMember;
  tom: TeamMember;
  as: Record<'owner' | 'manager' | 'sara' | 'tom' | 'viewer', Client>;
  leads: { sara: string; tom: string; unassigned: string };
  /** Tom's lead, as a route of the table aims at it. */
  tomsLead: Target;
}

describe('roles: who may see and do what with leads', () => {
  let ctx: LeadsTestContext;
  let shop: Shop;

  /** A website lead routed by round-robin while only `to` (or nobody) is available to take it. */
  async function captureFor(dealer: TestDealership, to: TeamMember | null): Promise<string> {
    const team = ctx.peers.teams.get(dealer.id) ?? [];
    ctx.peers.teams.set(
      dealer.id,
      team.map((m) => (m.role === 'sales' ? { ...m, available: m.id === to?.id } : m)),
    );
    const res = await postWebsiteLead(ctx, dealer.id, websiteLead());
    expect(res.status).toBe(201);
    await ctx.settle();
    ctx.peers.teams.set(dealer.id, team);
    return leadOfReceipt(ctx, res);
  }

  async function openShop(): Promise<Shop> {
    const dealer = await ctx.newDealership();
    const [sara, tom] = dealer.team.sales;
    const { owner, manager, viewer } = dealer.team;
    const [asOwner, asManager, asSara, asTom, asViewer] = await Promise.all(
      [owner, manager, sara, tom, viewer].map((who) => asMember(ctx, who, dealer)),
    );
    const leads = {
      sara: await captureFor(dealer, sara),
      tom: await captureFor(dealer, tom),
      unassigned: await captureFor(dealer, null),
    };
    const assignees = await Promise.all(
      Object.values(leads).map(
        async (id) => (await asManager.get(`/api/leads/leads/${id}`)).body.assignee?.id,
      ),
    );
    expect(assignees).toEqual([sara.id, tom.id, undefined]);
    await asTom.post(`/api/leads/leads/${leads.tom}/notes`, { body: 'Tom: wants a blue one' }).expect(201);
    const pastDue = new Date(Date.now() - 3_600_000).toISOString();
    const task = await asTom
      .post(`/api/leads/leads/${leads.tom}/tasks`, { kind: 'call', title: 'Tom calls back', dueAt: pastDue })
      .expect(201);
    await ctx.settle();
    return {
      dealer,
      sara,
      tom,
      as: { owner: asOwner, manager: asManager, sara: asSara, tom: asTom, viewer: asViewer },
      leads,
      tomsLead: { lead: leads.tom, task: task.body.id, assigneeId: sara.id },
    };
  }

  /** Tom's lead, its timeline, the settings and the lead list, as the owner reads them. */
  async function snapshotOf(s: Shop) {
    await ctx.settle();
    const [detail, timeline, settings, list] = await Promise.all([
      s.as.owner.get(`/api/leads/leads/${s.leads.tom}`),
      s.as.owner.get(`/api/leads/leads/${s.leads.tom}/timeline?limit=100`),
      s.as.owner.get('/api/leads/settings'),
      s.as.owner.get('/api/leads/leads?pageSize=100'),
    ]);
    expect([detail.status, timeline.status, settings.status, list.status]).toEqual([200, 200, 200, 200]);
    return {
      lead: detail.body,
      timelineIds: timeline.body.items.map((e: { id: string }) => e.id),
      settings: settings.body,
      leadIds: idsOf(list).sort(),
    };
  }

  /** Runs `act`, then checks that Tom's lead, the settings and the lead list are as they were. */
  async function expectNothingChanges(s: Shop, act: () => Promise<unknown>) {
    const before = await snapshotOf(s);
    await act();
    const after = await snapshotOf(s);
    expect(after.lead).toMatchObject({
      version: before.lead.version,
      status: 'new',
      assignee: { id: s.tom.id },
      notes: [expect.objectContaining({ body: 'Tom: wants a blue one' })],
      tasks: [expect.objectContaining({ title: 'Tom calls back', completedAt: null })],
    });
    expect(after).toEqual(before);
  }

  beforeAll(async () => {
    ctx = await startLeadsTestApp();
    shop = await openShop();
  });
  afterAll(() => ctx.close());

  describe('salespeople see and work only their own leads', () => {
    it('their list holds only their own leads, whatever they filter by', async () => {
      const { sara, tom, manager } = shop.as;
      expect(idsOf(await sara.get('/api/leads/leads'))).toEqual([shop.leads.sara]);
      expect(idsOf(await tom.get('/api/leads/leads'))).toEqual([shop.leads.tom]);
      const all = await manager.get('/api/leads/leads');
      expect(all.body.total).toBe(3);
      expect(idsOf(all).sort()).toEqual(Object.values(shop.leads).sort());

      const tomsShopper = (await manager.get(`/api/leads/leads/${shop.leads.tom}`)).body.shopper;
      for (const query of [
        `q=${encodeURIComponent(tomsShopper.email)}`,
        `assignee=${encodeURIComponent(shop.tom.id)}`,
        'assignee=unassigned',
        'overdue=true',
      ]) {
        const found = await sara.get(`/api/leads/leads?${query}`);
        expect({ query, status: found.status, total: found.body.total }).toEqual({
          query,
          status: 200,
          total: 0,
        });
      }
      expect(idsOf(await tom.get('/api/leads/leads?overdue=true'))).toEqual([shop.leads.tom]);
    });

    it('their counts count only their own leads', async () => {
      const counts = async (client: Client) => {
        const res = await client.get('/api/leads/leads/counts');
        expect(res.status).toBe(200);
        const { new: fresh, overdue, open } = res.body;
        return { new: fresh, overdue, open };
      };
      expect(await counts(shop.as.sara)).toEqual({ new: 1, overdue: 0, open: 1 });
      expect(await counts(shop.as.tom)).toEqual({ new: 1, overdue: 1, open: 1 });
      expect(await counts(shop.as.manager)).toEqual({ new: 3, overdue: 1, open: 3 });
    });

    it('their activity holds events of their own leads only', async () => {
      const feed = (client: Client) => client.get('/api/leads/activity?limit=100');
      expect(leadIdsOf(await feed(shop.as.sara))).toEqual(new Set([shop.leads.sara]));
      expect(leadIdsOf(await feed(shop.as.tom))).toEqual(new Set([shop.leads.tom]));
      expect(leadIdsOf(await feed(shop.as.manager))).toEqual(new Set(Object.values(shop.leads)));
    });

    it('a lead a manager takes from them leaves their activity too', async () => {
      const s = await openShop();
      await s.as.manager
        .post(`/api/leads/leads/${s.leads.sara}/assignment`, { assigneeId: s.tom.id })
        .expect(200);
      await ctx.settle();
      expect((await s.as.sara.get(`/api/leads/leads/${s.leads.sara}`)).status).toBe(404);
      const feed = await s.as.sara.get('/api/leads/activity?limit=100');
      expect(feed.status).toBe(200);
      expect([...leadIdsOf(feed)]).toEqual([]);
    });

    it('their first page of activity shows their latest events, however busy colleagues were since', async () => {
      const s = await openShop();
      for (let i = 1; i <= 6; i++) {
        await s.as.tom.post(`/api/leads/leads/${s.leads.tom}/notes`, { body: `busy ${i}` }).expect(201);
      }
      await ctx.settle();
      const sarasAll = await s.as.sara.get('/api/leads/activity?limit=100');
      expect(sarasAll.body.items.length).toBeGreaterThanOrEqual(2);
      const firstPage = await s.as.sara.get('/api/leads/activity?limit=2');
      expect(firstPage.status).toBe(200);
      expect(firstPage.body.items.map((e: { id: string }) => e.id)).toEqual(
        sarasAll.body.items.slice(0, 2).map((e: { id: string }) => e.id),
      );
    });

    it.each(USER_REQUESTS.filter((r) => r.byLead && r.operationId !== 'assignLead'))(
      '$operationId on a colleague’s lead is 404 and changes nothing',
      async (r) => {
        await expectNothingChanges(shop, async () => {
          const res = await send(shop.as.sara, r, shop.tomsLead);
          expect(res.status).toBe(404);
          expect(res.body.type).toBe(NOT_FOUND);
          expect(JSON.stringify(res.body)).not.toContain('blue one');
        });
      },
    );

    it('a lead nobody was given is 404 to them as well', async () => {
      const unassigned = { ...shop.tomsLead, lead: shop.leads.unassigned };
      for (const name of ['getLead', 'addLeadNote', 'getLeadTimeline']) {
        const res = await send(shop.as.sara, route(name), unassigned);
        expect({ name, status: res.status }).toEqual({ name, status: 404 });
      }
      const notes = (await shop.as.manager.get(`/api/leads/leads/${shop.leads.unassigned}`)).body.notes;
      expect(notes).toEqual([]);
    });

    it('they cannot reassign, not even their own lead: 403', async () => {
      await expectNothingChanges(shop, async () => {
        const assignment = route('assignLead');
        const ownToTom = await send(shop.as.sara, assignment, {
          ...shop.tomsLead,
          lead: shop.leads.sara,
          assigneeId: shop.tom.id,
        });
        const tomsToSelf = await send(shop.as.sara, assignment, shop.tomsLead);
        expect([ownToTom.status, tomsToSelf.status]).toEqual([403, 403]);
        expect(ownToTom.body.type).toBe(FORBIDDEN);
      });
      const own = await shop.as.manager.get(`/api/leads/leads/${shop.leads.sara}`);
      expect(own.body.assignee.id).toBe(shop.sara.id);
    });

    it.each([route('updateLeadSettings'), route('rotateIngestKey')])(
      '$operationId is 403 for them and the settings stay',
      async (r) => {
        await expectNothingChanges(shop, async () => {
          const res = await send(shop.as.sara, r, shop.tomsLead);
          expect(res.status).toBe(403);
          expect(res.body.type).toBe(FORBIDDEN);
        });
      },
    );

    it('they enter a manual lead, which is theirs, and work it; naming a colleague is 403', async () => {
      const s = await openShop();
      const entered = await s.as.sara.post('/api/leads/leads', {
        source: 'walk_in',
        firstName: 'Walter',
        email: 'walter.walkin@example.com',
      });
      expect(entered.status).toBe(201);
      await ctx.settle();
      const mine = await s.as.sara.get(`/api/leads/leads/${entered.body.leadId}`);
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({
        channel: 'manual',
        source: 'walk_in',
        assignee: { id: s.sara.id, name: s.sara.name },
      });
      expect(idsOf(await s.as.sara.get('/api/leads/leads')).sort()).toEqual(
        [s.leads.sara, entered.body.leadId].sort(),
      );

      const own = { lead: entered.body.leadId, task: '', assigneeId: s.sara.id };
      expect((await send(s.as.sara, route('changeLeadStatus'), own)).status).toBe(200);
      const task = await send(s.as.sara, route('addLeadTask'), own);
      expect(task.status).toBe(201);
      expect((await send(s.as.sara, route('updateLeadTask'), { ...own, task: task.body.id })).status).toBe(
        200,
      );
      await ctx.settle();
      const timeline = await send(s.as.sara, route('getLeadTimeline'), own);
      expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual(
        expect.arrayContaining([
          'lead_created',
          'assigned',
          'status_changed',
          'note_added',
          'task_created',
          'task_completed',
        ]),
      );

      /** Sara enters a phone lead and names who is to work it. */
      const saraEntersPhoneLeadFor = (
        assigneeId: string,
        shopper: { firstName: string; phone?: string; email?: string },
      ) => s.as.sara.post('/api/leads/leads', { source: 'phone', ...shopper, assigneeId });
      const explicit = await saraEntersPhoneLeadFor(s.sara.id, { firstName: 'Self', phone: '614-555-0123' });
      expect(explicit.status).toBe(201);
      expect((await s.as.manager.get(`/api/leads/leads/${explicit.body.leadId}`)).body.assignee.id).toBe(
        s.sara.id,
      );

      const forTom = await saraEntersPhoneLeadFor(s.tom.id, {
        firstName: 'Gift',
        email: 'gift.for.tom@example.com',
      });
      expect(forTom.status).toBe(403);
      expect(forTom.body.type).toBe(FORBIDDEN);
      expect((await s.as.manager.get('/api/leads/leads?q=gift.for.tom')).body.total).toBe(0);
    });
  });

  describe('managers see all, reassign and configure, but do not rotate the key', () => {
    it('they open and read any lead of the dealership', async () => {
      for (const id of Object.values(shop.leads)) {
        const [detail, timeline] = await Promise.all([
          shop.as.manager.get(`/api/leads/leads/${id}`),
          shop.as.manager.get(`/api/leads/leads/${id}/timeline`),
        ]);
        expect([detail.status, timeline.status]).toEqual([200, 200]);
        expect(timeline.body.items.length).toBeGreaterThan(0);
      }
    });

    it('their reassignment moves the lead from one salesperson’s inbox to the other’s', async () => {
      const s = await openShop();
      const moved = await s.as.manager.post(`/api/leads/leads/${s.leads.sara}/assignment`, {
        assigneeId: s.tom.id,
      });
      expect(moved.status).toBe(200);
      expect(moved.body.assignee).toEqual({ id: s.tom.id, name: s.tom.name });
      await ctx.settle();

      expect((await s.as.sara.get(`/api/leads/leads/${s.leads.sara}`)).status).toBe(404);
      expect((await s.as.sara.get('/api/leads/leads')).body.total).toBe(0);
      expect((await s.as.sara.get('/api/leads/leads/counts')).body).toMatchObject({ new: 0, open: 0 });
      expect((await s.as.tom.get(`/api/leads/leads/${s.leads.sara}`)).status).toBe(200);
      expect(idsOf(await s.as.tom.get('/api/leads/leads')).sort()).toEqual(
        [s.leads.sara, s.leads.tom].sort(),
      );
      expect((await s.as.tom.get('/api/leads/leads/counts')).body).toMatchObject({ new: 2, open: 2 });

      // What happens on it from now on is Tom's business, not Sara's.
      const note = await s.as.tom.post(`/api/leads/leads/${s.leads.sara}/notes`, { body: 'Tom took over' });
      expect(note.status).toBe(201);
      await ctx.settle();
      const sarasFeed = await s.as.sara.get('/api/leads/activity?limit=100');
      expect(JSON.stringify(sarasFeed.body)).not.toContain('Tom took over');
    });

    it('they configure the settings', async () => {
      const update = { siteOrigins: ['https://www.managed.example'], fromName: 'Managed Motors' };
      const res = await shop.as.manager.patch('/api/leads/settings', update);
      expect(res.status).toBe(200);
      expect((await shop.as.owner.get('/api/leads/settings')).body).toMatchObject(update);
    });

    it('they cannot rotate the ingest key: 403, and no key is issued', async () => {
      await expectNothingChanges(shop, async () => {
        const res = await send(shop.as.manager, route('rotateIngestKey'), shop.tomsLead);
        expect(res.status).toBe(403);
        expect(res.body.type).toBe(FORBIDDEN);
        expect(res.body.ingestKey).toBeUndefined();
      });
    });
  });

  it('owners rotate the ingest key, and providers post with it', async () => {
    const dealer = await ctx.newDealership();
    const owner = await asMember(ctx, dealer.team.owner, dealer);
    const rotated = await owner.post('/api/leads/settings/ingest-key');
    expect(rotated.status).toBe(201);
    expect(rotated.body.ingestKey).toMatch(/^srk_/);
    expect((await owner.get('/api/leads/settings')).body.ingestKeyHint).toBe(
      `…${rotated.body.ingestKey.slice(-4)}`,
    );
    const adf = `<?adf version="1.0"?><adf><prospect><customer><contact><name part="full">Kay Key</name><email>kay@example.com</email></contact></customer></prospect></adf>`;
    const posted = await request(ctx.app)
      .post('/api/leads/adf')
      .set('Content-Type', 'application/xml')
      .auth(rotated.body.ingestKey, { type: 'bearer' })
      .send(adf);
    expect(posted.status).toBe(201);
    expect((await owner.get(`/api/leads/leads/${posted.body.leads[0].leadId}`)).body.dealershipId).toBe(
      dealer.id,
    );
  });

  describe('viewers read everything and change nothing', () => {
    it('they read the list, the counts, any lead, its timeline, the activity and the settings', async () => {
      const { viewer } = shop.as;
      expect(idsOf(await viewer.get('/api/leads/leads')).sort()).toEqual(Object.values(shop.leads).sort());
      expect((await viewer.get('/api/leads/leads/counts')).body).toMatchObject({
        new: 3,
        overdue: 1,
        open: 3,
      });
      const detail = await viewer.get(`/api/leads/leads/${shop.leads.tom}`);
      expect(detail.status).toBe(200);
      expect(detail.body.notes.map((n: { body: string }) => n.body)).toEqual(['Tom: wants a blue one']);
      const timeline = await viewer.get(`/api/leads/leads/${shop.leads.tom}/timeline`);
      expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual(
        expect.arrayContaining(['lead_created', 'assigned', 'note_added', 'task_created']),
      );
      expect(leadIdsOf(await viewer.get('/api/leads/activity?limit=100'))).toEqual(
        new Set(Object.values(shop.leads)),
      );
      expect((await viewer.get('/api/leads/settings')).body.dealershipId).toBe(shop.dealer.id);
    });

    it.each(USER_REQUESTS.filter((r) => r.write))('$operationId is 403 and changes nothing', async (r) => {
      await expectNothingChanges(shop, async () => {
        const res = await send(shop.as.viewer, r, shop.tomsLead);
        expect(res.status).toBe(403);
        expect(res.body.type).toBe(FORBIDDEN);
      });
    });
  });

  describe('without a valid token every route is 401', () => {
    const badTokens: Array<[string, () => Promise<string | null>]> = [
      ['no token', async () => null],
      ['not a JWT', async () => 'not-a-jwt'],
      ['signed by another key', () => tokenOfOwner({ foreignKey: true })],
      ['expired', () => tokenOfOwner({ expiresInSeconds: -120 })],
      ['for another audience', () => tokenOfOwner({ audience: 'https://api.elsewhere.example' })],
    ];
    function tokenOfOwner(options: Parameters<LeadsTestContext['issuer']['tokenFor']>[1]) {
      const { owner } = shop.dealer.team;
      const memberships = [{ dealershipId: shop.dealer.id, role: owner.role }];
      return ctx.issuer.tokenFor(
        { sub: owner.id, name: owner.name, email: owner.email, memberships },
        options,
      );
    }

    it.each(USER_REQUESTS)('$operationId', async (r) => {
      await expectNothingChanges(shop, async () => {
        for (const [kind, tokenOf] of badTokens) {
          const token = await tokenOf();
          let req = request(ctx.app)[r.method](r.path(shop.tomsLead)).set('X-Dealership-Id', shop.dealer.id);
          if (token) req = req.auth(token, { type: 'bearer' });
          const res = await req.send(r.body?.(shop.tomsLead));
          expect({ kind, status: res.status, type: res.body.type }).toEqual({
            kind,
            status: 401,
            type: UNAUTHORIZED,
          });
        }
      });
    });
  });
});
