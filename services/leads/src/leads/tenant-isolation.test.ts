import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsiteLeadInput } from '@showroom/contracts';
import { adfEmail, postAdfEmail } from '../test/adf-documents';
import { asMember, leadOfReceipt, postWebsiteLead, websiteLead } from '../test/lead-requests';
import { USER_REQUESTS, type Target, type UserRequest } from '../test/route-examples';
import { startLeadsTestApp, type LeadsTestContext, type TestDealership } from '../test/leads-test-app';

type Client = Awaited<ReturnType<typeof asMember>>;
type Method = 'get' | 'post' | 'patch';
/** Our lead and task, their lead, and one of our salespeople who does not have our lead. */
type Ids = { lead: string; task: string; theirLead: string; ourOtherSeller: string };
/** A route as a table row: what it is called, and how to call it once the fixture's ids are known. */
type Route = [name: string, method: Method, path: (ids: Ids) => string, body?: (ids: Ids) => object];

const FORBIDDEN = 'https://showroom.dev/problems/forbidden';
const NOT_FOUND = 'https://showroom.dev/problems/not-found';
const SHARED_IDEMPOTENCY_KEY = 'form-shared-0001';
const SHARED_ADF_ID = 'CM-SHARED-1';
/** What only dealership A knows: its shopper, its extra website, its e-mail settings. */
const SECRET = {
  firstName: 'Secretia',
  lastName: 'Ayes',
  email: 'secretia.ayes@example.com',
  phone: '614-555-0199',
  origin: 'https://www.secret-a-motors.example',
  fromName: 'Secret A Motors',
  crm: 'crm@secret-a-motors.example',
  note: 'A-only: pre-approved at 3.9%',
};

/** The table's routes for people, as rows aimed at the fixture's records. */
function tableRoutes(which: (r: UserRequest) => boolean): Route[] {
  const target = (i: Ids): Target => ({ lead: i.lead, task: i.task, assigneeId: i.ourOtherSeller });
  return USER_REQUESTS.filter(which).map((r): Route => {
    const body = r.body;
    return [r.operationId, r.method as Method, (i) => r.path(target(i)), body && ((i) => body(target(i)))];
  });
}

const send = (client: Client, method: Method, path: string, body?: object) =>
  method === 'get' ? client.get(path) : client[method](path, body);
const idsOf = (res: request.Response) => res.body.items.map((item: { id: string }) => item.id);

function adfDocument(prospect: { id: string; first: string; last: string; email: string }) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<?adf version="1.0"?>
<adf><prospect status="new">
  <id sequence="1" source="CarMarket">${prospect.id}</id>
  <customer><contact>
    <name part="first">${prospect.first}</name><name part="last">${prospect.last}</name>
    <email>${prospect.email}</email>
  </contact></customer>
  <provider><name part="full">CarMarket</name></provider>
</prospect></adf>`;
}

/**
 * Dealership A ("ours") has a lead with a note and an overdue task, an ADF lead, a key and
 * settings of its own. Dealership B ("theirs") calls every route: it sees and changes nothing of A.
 */
describe('tenant isolation: a dealership never reaches another one’s leads or settings', () => {
  let ctx: LeadsTestContext;
  let ours: TestDealership;
  let theirs: TestDealership;
  let ourOwner: Client;
  let theirOwner: Client;
  let ourKey: string;
  let theirKey: string;
  let theirOldKey: string;
  let ourForm: WebsiteLeadInput;
  let ourAdfLead: string;
  let ids: Ids;
  let baseline: Awaited<ReturnType<typeof snapshotOfOurs>>;

  const postAdf = (key: string, xml: string) =>
    request(ctx.app)
      .post('/api/leads/adf')
      .set('Content-Type', 'application/xml')
      .auth(key, { type: 'bearer' })
      .send(xml);

  /** The leads stored for this shopper e-mail, in any dealership. */
  const leadsAnywhereWithEmail = (email: string) =>
    ctx.database.writer.selectFrom('leads').select('id').where('email', '=', email).execute();

  /** Everything of A that B might touch, read by A's own owner once the outbox has run. */
  async function snapshotOfOurs() {
    await ctx.settle();
    const [lead, timeline, settings, list] = await Promise.all([
      ourOwner.get(`/api/leads/leads/${ids.lead}`),
      ourOwner.get(`/api/leads/leads/${ids.lead}/timeline?limit=100`),
      ourOwner.get('/api/leads/settings'),
      ourOwner.get('/api/leads/leads?pageSize=100'),
    ]);
    expect([lead.status, timeline.status, settings.status, list.status]).toEqual([200, 200, 200, 200]);
    return {
      lead: lead.body,
      timelineIds: timeline.body.items.map((e: { id: string }) => e.id),
      settings: settings.body,
      leadIds: idsOf(list),
    };
  }

  const expectOursUnchanged = async () => {
    const now = await snapshotOfOurs();
    expect(now.lead.version).toBe(baseline.lead.version);
    expect(now.lead.status).toBe('new');
    expect(now.lead.notes.map((n: { body: string }) => n.body)).toEqual([SECRET.note]);
    expect(now.lead.tasks.map((t: { completedAt: string | null }) => t.completedAt)).toEqual([null]);
    expect(now).toEqual(baseline);
  };

  beforeAll(async () => {
    ctx = await startLeadsTestApp();
    ours = await ctx.newDealership();
    theirs = await ctx.newDealership();
    ourOwner = await asMember(ctx, ours.team.owner, ours);
    theirOwner = await asMember(ctx, theirs.team.owner, theirs);
    ourKey = (await ourOwner.post('/api/leads/settings/ingest-key').expect(201)).body.ingestKey;
    theirKey = (await theirOwner.post('/api/leads/settings/ingest-key').expect(201)).body.ingestKey;
    await ourOwner
      .patch('/api/leads/settings', {
        siteOrigins: [ours.siteOrigin, SECRET.origin],
        fromName: SECRET.fromName,
        crmForwardEmail: SECRET.crm,
      })
      .expect(200);

    const { firstName, lastName, email, phone } = SECRET;
    ourForm = websiteLead({ firstName, lastName, email, phone });
    const ourLead = await postWebsiteLead(ctx, ours.id, ourForm).set(
      'Idempotency-Key',
      SHARED_IDEMPOTENCY_KEY,
    );
    const adf = adfDocument({
      id: SHARED_ADF_ID,
      first: 'Adam',
      last: 'Feed',
      email: 'adam.feed@example.com',
    });
    ourAdfLead = (await postAdf(ourKey, adf).expect(201)).body.leads[0].leadId;
    const theirLead = await postWebsiteLead(ctx, theirs.id, websiteLead({ firstName: 'Bea' })).expect(201);
    await ctx.settle();
    const lead = await leadOfReceipt(ctx, ourLead);
    await ourOwner.post(`/api/leads/leads/${lead}/notes`, { body: SECRET.note }).expect(201);
    const pastDue = new Date(Date.now() - 3_600_000).toISOString();
    const task = await ourOwner
      .post(`/api/leads/leads/${lead}/tasks`, { kind: 'call', title: 'Call about rate', dueAt: pastDue })
      .expect(201);
    ids = { lead, task: task.body.id, theirLead: await leadOfReceipt(ctx, theirLead), ourOtherSeller: '' };
    baseline = await snapshotOfOurs();
    expect(baseline.leadIds).toHaveLength(2);
    ids.ourOtherSeller = ours.team.sales.find((s) => s.id !== baseline.lead.assignee.id)?.id ?? '';
  });
  afterAll(() => ctx.close());

  describe('acting for their own dealership, they see nothing of ours', () => {
    it('list and search: our leads are absent, however they filter', async () => {
      const all = await theirOwner.get('/api/leads/leads?pageSize=100');
      expect(all.status).toBe(200);
      expect(idsOf(all)).toContain(ids.theirLead);
      expect(idsOf(all)).not.toContain(ids.lead);
      expect(idsOf(all)).not.toContain(ourAdfLead);
      expect(new Set(all.body.items.map((l: { dealershipId: string }) => l.dealershipId))).toEqual(
        new Set([theirs.id]),
      );
      const ourAssignee = baseline.lead.assignee.id as string;
      for (const query of [
        `q=${encodeURIComponent(SECRET.email)}`,
        `q=${encodeURIComponent(`${SECRET.firstName} ${SECRET.lastName}`)}`,
        `q=${encodeURIComponent(SECRET.phone)}`,
        `assignee=${encodeURIComponent(ourAssignee)}`,
        'overdue=true',
      ]) {
        // The query finds our lead for us, so it is the tenant that hides it from them.
        const [forUs, forThem] = await Promise.all([
          ourOwner.get(`/api/leads/leads?${query}`),
          theirOwner.get(`/api/leads/leads?${query}`),
        ]);
        expect({ query, ids: idsOf(forUs) }).toEqual({ query, ids: [ids.lead] });
        expect(forThem.status).toBe(200);
        expect(idsOf(forThem)).not.toContain(ids.lead);
        expect(forThem.body.items.every((l: { dealershipId: string }) => l.dealershipId === theirs.id)).toBe(
          true,
        );
        expect(forThem.body.total).toBe(forThem.body.items.length);
      }
    });

    it('counts: our overdue lead counts for us, never for them', async () => {
      const [ourCounts, theirCounts, theirNew] = await Promise.all([
        ourOwner.get('/api/leads/leads/counts'),
        theirOwner.get('/api/leads/leads/counts'),
        theirOwner.get('/api/leads/leads?status=new'),
      ]);
      expect(ourCounts.body).toMatchObject({ new: 2, overdue: 1, open: 2 });
      expect(theirCounts.status).toBe(200);
      expect(theirCounts.body.overdue).toBe(0);
      expect(theirCounts.body.new).toBe(theirNew.body.total);
    });

    it('activity: their feed holds no event of ours, and our feed’s cursor is refused', async () => {
      const feed = await theirOwner.get('/api/leads/activity?limit=100');
      expect(feed.status).toBe(200);
      const leadIds = new Set(feed.body.items.map((e: { leadId: string }) => e.leadId));
      expect(leadIds.has(ids.theirLead)).toBe(true);
      expect(leadIds.has(ids.lead)).toBe(false);
      expect(leadIds.has(ourAdfLead)).toBe(false);
      expect(JSON.stringify(feed.body)).not.toContain(SECRET.lastName);

      const ourPage = await ourOwner.get('/api/leads/activity?limit=1');
      expect(ourPage.body.nextCursor).toEqual(expect.any(String));
      const borrowed = await theirOwner.get(
        `/api/leads/activity?limit=100&cursor=${ourPage.body.nextCursor}`,
      );
      expect(borrowed.status).toBe(400);
      expect(borrowed.body.invalidParams).toEqual([{ name: 'query.cursor', reason: expect.any(String) }]);
    });

    const byId: Route[] = [
      ...tableRoutes((r) => r.byLead && r.operationId !== 'assignLead'),
      [
        'PATCH /leads/:their-id/tasks/:our-taskId',
        'patch',
        (i) => `/api/leads/leads/${i.theirLead}/tasks/${i.task}`,
        () => ({ done: true }),
      ],
      ['GET /leads/:id/timeline', 'get', (i) => `/api/leads/leads/${i.lead}/timeline`],
    ];
    it.each(byId)(
      '%s on our lead is 404, tells nothing of it and changes nothing',
      async (_, method, path, body) => {
        const res = await send(theirOwner, method, path(ids), body?.(ids));
        expect(res.status).toBe(404);
        expect(res.body.type).toBe(NOT_FOUND);
        expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`${SECRET.lastName}|${SECRET.email}|A-only`));
        await expectOursUnchanged();
      },
    );

    it('POST /leads/:id/assignment on our lead is 404, to their own salesperson or to ours; nothing changes', async () => {
      const path = `/api/leads/leads/${ids.lead}/assignment`;
      const toTheirs = await theirOwner.post(path, { assigneeId: theirs.team.sales[0].id });
      expect(toTheirs.status).toBe(404);
      expect(toTheirs.body.type).toBe(NOT_FOUND);
      // Naming one of our people tells them nothing either: the lead is looked up first.
      const toOurs = await theirOwner.post(path, { assigneeId: ids.ourOtherSeller });
      expect(toOurs.status).toBe(404);
      expect(toOurs.body.type).toBe(NOT_FOUND);
      await expectOursUnchanged();
    });

    it('POST /leads: their manual lead of our shopper is a new lead of theirs; our people cannot be named', async () => {
      const { firstName, email } = SECRET;
      const entered = await theirOwner.post('/api/leads/leads', { source: 'walk_in', firstName, email });
      expect(entered.status).toBe(201);
      expect(entered.body.leadId).not.toBe(ids.lead);
      expect(entered.body.duplicateOf).toBeNull();
      const theirs2 = await theirOwner.get(`/api/leads/leads/${entered.body.leadId}`);
      expect(theirs2.body).toMatchObject({ dealershipId: theirs.id, relatedLeads: [], submissionCount: 1 });

      const namingOurs = await theirOwner.post('/api/leads/leads', {
        source: 'phone',
        firstName: 'Named',
        email: 'named.for.a@example.com',
        assigneeId: ours.team.sales[0].id,
      });
      expect(namingOurs.status).toBe(400);
      expect(namingOurs.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['body.assigneeId']);
      expect(await leadsAnywhereWithEmail('named.for.a@example.com')).toEqual([]);
      await expectOursUnchanged();
    });
  });

  describe('settings and keys stay with their dealership', () => {
    it('GET /settings: their answer holds their settings, none of ours', async () => {
      const res = await theirOwner.get('/api/leads/settings');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        dealershipId: theirs.id,
        fromName: theirs.name,
        crmForwardEmail: null,
        ingestKeyHint: `…${theirKey.slice(-4)}`,
      });
      expect(res.body.siteOrigins).toEqual([theirs.siteOrigin]);
      expect(res.body.ingestKeyHint).not.toBe(baseline.settings.ingestKeyHint);
      expect(JSON.stringify(res.body)).not.toMatch(/secret-a|Secret A/);
    });

    it('PATCH /settings changes only theirs: our site still posts to us, theirs not to us', async () => {
      const theirNewSite = 'https://www.b-only-motors.example';
      const res = await theirOwner.patch('/api/leads/settings', {
        siteOrigins: [theirNewSite],
        fromName: 'B Motors',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        dealershipId: theirs.id,
        siteOrigins: [theirNewSite],
        fromName: 'B Motors',
      });
      await expectOursUnchanged();

      const preflight = (dealershipId: string, origin: string) =>
        request(ctx.app)
          .options(`/api/leads/public/dealerships/${dealershipId}/leads`)
          .set('Origin', origin)
          .set('Access-Control-Request-Method', 'POST');
      expect((await preflight(ours.id, SECRET.origin)).headers['access-control-allow-origin']).toBe(
        SECRET.origin,
      );
      expect((await preflight(ours.id, theirNewSite)).headers['access-control-allow-origin']).toBeUndefined();
      expect(
        (await preflight(theirs.id, SECRET.origin)).headers['access-control-allow-origin'],
      ).toBeUndefined();
      const fromOurSite = await postWebsiteLead(ctx, theirs.id, websiteLead()).set('Origin', SECRET.origin);
      expect(fromOurSite.status).toBe(403);
    });

    it('POST /settings/ingest-key rotates only their key: ours keeps working, into our dealership', async () => {
      const rotated = await theirOwner.post('/api/leads/settings/ingest-key');
      expect(rotated.status).toBe(201);
      expect(rotated.body.ingestKey).not.toBe(ourKey);
      theirOldKey = theirKey;
      theirKey = rotated.body.ingestKey;
      expect((await theirOwner.get('/api/leads/settings')).body.ingestKeyHint).toBe(`…${theirKey.slice(-4)}`);
      await expectOursUnchanged();
      // Our ADF again: our key still names our dealership, which already holds this prospect id.
      const again = await postAdf(
        ourKey,
        adfDocument({ id: SHARED_ADF_ID, first: 'Adam', last: 'Feed', email: 'adam.feed@example.com' }),
      );
      expect(again.status).toBe(200);
      expect(again.body.leads[0].leadId).toBe(ourAdfLead);
    });
  });

  describe('capture: their key and their form file leads only into their dealership', () => {
    /**
     * What they captured went into a lead of theirs: they open it, it is 404 for us, and nothing of
     * ours moved. (It may attach to an earlier lead of theirs for the same shopper, never to ours.)
     */
    const expectTheirsOnly = async (result: { leadId: string; duplicateOf: string | null }) => {
      for (const ourLead of [ids.lead, ourAdfLead]) {
        expect(result.leadId).not.toBe(ourLead);
        expect(result.duplicateOf).not.toBe(ourLead);
      }
      const [forThem, forUs] = await Promise.all([
        theirOwner.get(`/api/leads/leads/${result.leadId}`),
        ourOwner.get(`/api/leads/leads/${result.leadId}`),
      ]);
      expect(forThem.status).toBe(200);
      expect(forThem.body.dealershipId).toBe(theirs.id);
      expect(forUs.status).toBe(404);
      await expectOursUnchanged();
      return forThem.body;
    };

    it('ADF/XML with their key, naming our prospect id and our ADF shopper, is a new lead of theirs', async () => {
      const xml = adfDocument({
        id: SHARED_ADF_ID,
        first: 'Adam',
        last: 'Feed',
        email: 'adam.feed@example.com',
      });
      const res = await postAdf(theirKey, xml);
      expect(res.status).toBe(201);
      expect(res.body.leads).toHaveLength(1);
      expect(res.body.leads[0].duplicateOf).toBeNull();
      const lead = await expectTheirsOnly(res.body.leads[0]);
      expect(lead.relatedLeads).toEqual([]);
      expect(lead.submissions).toEqual([
        expect.objectContaining({ externalId: SHARED_ADF_ID, originalDocument: xml }),
      ]);
    });

    it('ADF e-mail with their key is a lead of theirs', async () => {
      const xml = adfDocument({ id: 'CM-MAIL-9', first: 'Mia', last: 'Mail', email: 'mia.mail@example.com' });
      const res = await postAdfEmail(ctx, theirKey, await adfEmail(xml));
      expect(res.status).toBe(201);
      expect(res.body.leads[0].duplicateOf).toBeNull();
      const lead = await expectTheirsOnly(res.body.leads[0]);
      expect(lead).toMatchObject({ channel: 'email', shopper: { firstName: 'Mia' } });
    });

    it('their website form, sent our shopper’s exact submission and Idempotency-Key, stores into theirs', async () => {
      const res = await postWebsiteLead(ctx, theirs.id, ourForm).set(
        'Idempotency-Key',
        SHARED_IDEMPOTENCY_KEY,
      );
      // 201, not a replay (200) of our answer: the key is remembered per dealership.
      expect(res.status).toBe(201);
      const lead = await expectTheirsOnly({ leadId: await leadOfReceipt(ctx, res), duplicateOf: null });
      expect(lead.shopper).toMatchObject({ firstName: SECRET.firstName, email: SECRET.email });
    });

    it('their rotated-out key, or a key that is no key, files nothing anywhere', async () => {
      const xml = adfDocument({ id: 'CM-NOKEY', first: 'No', last: 'Key', email: 'no.key@example.com' });
      expect((await postAdf(theirOldKey, xml)).status).toBe(401);
      expect((await postAdf('srk_not-a-real-key', xml)).status).toBe(401);
      expect(await leadsAnywhereWithEmail('no.key@example.com')).toEqual([]);
    });
  });

  describe('their token with our X-Dealership-Id is refused before anything is read or written', () => {
    const routes = tableRoutes(() => true);

    it.each(routes)('%s is 403 and nothing of ours changes', async (_, method, path, body) => {
      const res = await send(theirOwner, method, path(ids), body?.(ids)).set('X-Dealership-Id', ours.id);
      expect(res.status).toBe(403);
      expect(res.body.type).toBe(FORBIDDEN);
      expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`${SECRET.lastName}|secret-a|A-only`));
      await expectOursUnchanged();
    });

    it('the forged manual lead was stored nowhere and our key still works', async () => {
      const stored = await ctx.database.writer
        .selectFrom('leads')
        .select('dealership_id')
        .where('first_name', '=', 'Entered')
        .execute();
      expect(stored).toEqual([]);
      const replay = await postAdf(
        ourKey,
        adfDocument({ id: SHARED_ADF_ID, first: 'Adam', last: 'Feed', email: 'adam.feed@example.com' }),
      );
      expect(replay.status).toBe(200);
    });

    it('a request without X-Dealership-Id is refused with 400 naming the header', async () => {
      const token = await ctx.tokenFor(theirs.team.owner, theirs.id);
      const res = await request(ctx.app).get('/api/leads/leads').auth(token, { type: 'bearer' });
      expect(res.status).toBe(400);
      expect(res.body.invalidParams[0].name).toBe('X-Dealership-Id');
    });
  });
});
