import { describe, expect, it } from 'vitest';
import {
  asMember,
  leadOfReceipt,
  postWebsiteLead,
  useLeadsTestAppAsManager,
  websiteLead,
} from '../test/lead-requests';

describe('working a lead: routing, pipeline, notes, tasks, timeline', () => {
  const t = useLeadsTestAppAsManager();

  const capture = async (overrides = {}) => {
    const res = await postWebsiteLead(t.ctx, t.dealer.id, websiteLead(overrides));
    expect(res.status).toBe(201);
    await t.ctx.settle();
    return leadOfReceipt(t.ctx, res);
  };
  const assigneeOf = async (id: string) => (await t.manager.get(`/api/leads/leads/${id}`)).body.assignee?.id;

  it('deals new leads round-robin over available salespeople, skipping the unavailable', async () => {
    const [sara, tom] = t.dealer.team.sales;
    const dealt = [await assigneeOf(await capture()), await assigneeOf(await capture())];
    expect(new Set(dealt)).toEqual(new Set([sara.id, tom.id]));

    const team = t.ctx.peers.teams.get(t.dealer.id) ?? [];
    t.ctx.peers.teams.set(
      t.dealer.id,
      team.map((m) => (m.id === tom.id ? { ...m, available: false } : m)),
    );
    expect([await assigneeOf(await capture()), await assigneeOf(await capture())]).toEqual([
      sara.id,
      sara.id,
    ]);
    t.ctx.peers.teams.set(t.dealer.id, team);
  });

  it('leaves a lead unassigned, and says so on the timeline, when nobody is available', async () => {
    const team = t.ctx.peers.teams.get(t.dealer.id) ?? [];
    t.ctx.peers.teams.set(
      t.dealer.id,
      team.filter((m) => m.role !== 'sales'),
    );
    const id = await capture();
    t.ctx.peers.teams.set(t.dealer.id, team);
    expect(await assigneeOf(id)).toBeUndefined();
    const timeline = await t.manager.get(`/api/leads/leads/${id}/timeline`);
    // Newest first: the shopper is still acknowledged while the lead waits for a manager.
    expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual([
      'email_sent',
      'unassigned',
      'lead_created',
    ]);
    const unassigned = await t.manager.get('/api/leads/leads?assignee=unassigned');
    expect(unassigned.body.items.map((l: { id: string }) => l.id)).toContain(id);
  });

  it('lets a manager reassign, and the timeline says from whom to whom', async () => {
    const id = await capture();
    const before = await assigneeOf(id);
    const other = t.dealer.team.sales.find((s) => s.id !== before);
    const res = await t.manager.post(`/api/leads/leads/${id}/assignment`, { assigneeId: other?.id });
    expect(res.status).toBe(200);
    expect(res.body.assignee.id).toBe(other?.id);
    await t.ctx.settle();
    const timeline = await t.manager.get(`/api/leads/leads/${id}/timeline`);
    expect(timeline.body.items[0].type).toBe('email_sent');
    const reassigned = timeline.body.items.find(
      (e: { type: string; data: { initial: boolean } }) => e.type === 'assigned' && !e.data.initial,
    );
    expect(reassigned.summary).toMatch(/^Reassigned from .+ to .+$/);
    const refused = await t.manager.post(`/api/leads/leads/${id}/assignment`, {
      assigneeId: t.dealer.team.viewer.id,
    });
    expect(refused.status).toBe(400);
  });

  it('moves through the pipeline only by allowed steps and measures the first response', async () => {
    const id = await capture();
    const move = (status: string, extra = {}) =>
      t.manager.post(`/api/leads/leads/${id}/status`, { status, ...extra });
    const skip = await move('sold');
    expect(skip.status).toBe(409);
    expect(skip.body.detail).toBe('A lead cannot move from new to sold.');

    const contacted = await move('contacted');
    expect(contacted.status).toBe(200);
    expect(contacted.body.firstResponseSeconds).toBeGreaterThanOrEqual(0);
    expect(contacted.body.allowedTransitions).toEqual([
      'appointment_set',
      'showroom_visit',
      'negotiation',
      'lost',
    ]);
    for (const status of ['appointment_set', 'showroom_visit', 'negotiation', 'sold']) {
      expect((await move(status)).status).toBe(200);
    }
    const reopen = await move('contacted');
    expect(reopen.status).toBe(409);
    await t.ctx.settle();
    const timeline = await t.manager.get(`/api/leads/leads/${id}/timeline?limit=100`);
    const steps = timeline.body.items
      .filter((e: { type: string }) => e.type === 'status_changed')
      .map((e: { data: { to: string } }) => e.data.to);
    expect(steps).toEqual(['sold', 'negotiation', 'showroom_visit', 'appointment_set', 'contacted']);
  });

  it('needs a reason to lose a lead, and only a lost lead has one', async () => {
    const id = await capture();
    const noReason = await t.manager.post(`/api/leads/leads/${id}/status`, { status: 'lost' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.invalidParams).toContainEqual({
      name: 'body.lostReason',
      reason: 'say why the lead was lost',
    });
    const lost = await t.manager.post(`/api/leads/leads/${id}/status`, {
      status: 'lost',
      lostReason: 'bought_elsewhere',
    });
    expect(lost.body).toMatchObject({
      status: 'lost',
      lostReason: 'bought_elsewhere',
      firstResponseAt: null,
    });
  });

  it('keeps notes and tasks; an overdue follow-up shows on the lead, in the filter and in the counts', async () => {
    const id = await capture({ firstName: 'Overdue' });
    const note = await t.manager.post(`/api/leads/leads/${id}/notes`, { body: 'Prefers evenings' });
    expect(note.status).toBe(201);
    expect(note.body.author.name).toBe('Max Manager');
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const task = await t.manager.post(`/api/leads/leads/${id}/tasks`, {
      kind: 'call',
      title: 'Call back',
      dueAt: past,
    });
    expect(task.status).toBe(201);
    expect(task.body.overdue).toBe(true);

    const lead = await t.manager.get(`/api/leads/leads/${id}`);
    expect(lead.body).toMatchObject({ overdue: true, nextTaskDueAt: past });
    expect(lead.body.notes.map((n: { body: string }) => n.body)).toEqual(['Prefers evenings']);
    const overdue = await t.manager.get('/api/leads/leads?overdue=true');
    expect(overdue.body.items.map((l: { id: string }) => l.id)).toEqual([id]);
    const counts = await t.manager.get('/api/leads/leads/counts');
    expect(counts.body.overdue).toBe(1);

    const done = await t.manager.patch(`/api/leads/leads/${id}/tasks/${task.body.id}`, { done: true });
    expect(done.body.completedAt).not.toBeNull();
    expect((await t.manager.get(`/api/leads/leads/${id}`)).body).toMatchObject({
      overdue: false,
      nextTaskDueAt: null,
    });
    expect((await t.manager.get('/api/leads/leads/counts')).body.overdue).toBe(0);
  });

  it('filters the inbox by status, channel, search and date, and pages it', async () => {
    const id = await capture({
      firstName: 'Zebulon',
      lastName: 'Quartz',
      email: 'zq@example.org',
      phone: '(380) 555-0177',
    });
    // Other shoppers' addresses here are random at example.com: '…zq@example' could be one of them.
    for (const q of ['Zebulon Q', 'Q@EXAMPLE.ORG', '380-555-0177']) {
      const found = await t.manager.get(`/api/leads/leads?q=${encodeURIComponent(q)}`);
      expect(found.body.items.map((l: { id: string }) => l.id)).toEqual([id]);
    }
    const today = new Date().toISOString().slice(0, 10);
    // From yesterday: this file's earlier leads may have come in before midnight.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const page = await t.manager.get(
      `/api/leads/leads?status=new&channel=website&from=${yesterday}&to=${today}&pageSize=2&page=1`,
    );
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(2);
    const bad = await t.manager.get('/api/leads/leads?status=won&pageSize=500');
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'query.pageSize',
      'query.status.0',
    ]);
  });

  it('pages the timeline newest first with a cursor, and refuses a forged cursor', async () => {
    const id = await capture();
    for (let i = 1; i <= 4; i++) await t.manager.post(`/api/leads/leads/${id}/notes`, { body: `note ${i}` });
    await t.ctx.settle();
    const first = await t.manager.get(`/api/leads/leads/${id}/timeline?limit=3`);
    expect(first.body.items.map((e: { summary: string }) => e.summary)).toEqual([
      'Note: note 4',
      'Note: note 3',
      'Note: note 2',
    ]);
    const rest = await t.manager.get(
      `/api/leads/leads/${id}/timeline?limit=3&cursor=${first.body.nextCursor}`,
    );
    expect(rest.body.items[0].summary).toBe('Note: note 1');
    const forged = Buffer.from(JSON.stringify({ pk: { S: 'LEAD#someone-else' } })).toString('base64url');
    const refused = await t.manager.get(`/api/leads/leads/${id}/timeline?cursor=${forged}`);
    expect(refused.status).toBe(400);
  });

  it('feeds the dealership’s activity newest first; a salesperson’s feed holds only their leads', async () => {
    const [sara] = t.dealer.team.sales;
    const id = await capture({ firstName: 'Feedy' });
    await t.manager.post(`/api/leads/leads/${id}/assignment`, { assigneeId: sara.id });
    await t.ctx.settle();
    const feed = await t.manager.get('/api/leads/activity?limit=5');
    expect(feed.body.items[0].shopperName).toContain('Feedy');
    const saras = await asMember(t.ctx, sara, t.dealer);
    const own = await saras.get('/api/leads/activity?limit=100');
    const leadIds = new Set(own.body.items.map((e: { leadId: string }) => e.leadId));
    const visible = await saras.get('/api/leads/leads?pageSize=100');
    const mine = new Set(visible.body.items.map((l: { id: string }) => l.id));
    expect(leadIds.size).toBeGreaterThan(0);
    for (const leadId of leadIds) expect(mine.has(leadId)).toBe(true);
  });
});
