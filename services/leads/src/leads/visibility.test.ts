import request from 'supertest';
import type { TeamMember } from '@showroom/contracts';
import { describe, expect, it } from 'vitest';
import { adfDocument } from '../test/adf-documents';
import { asMember } from '../test/lead-requests';
import { useLeadsTestApp } from '../test/leads-test-app';

/** What a salesperson may read of a lead stays within the leads assigned to them. */
describe('a salesperson reads nothing of a colleague’s shopper', () => {
  const t = useLeadsTestApp({ ingestKey: true });

  async function postAdf(xml: string): Promise<string[]> {
    const res = await request(t.ctx.app)
      .post('/api/leads/adf')
      .set('Content-Type', 'application/xml')
      .auth(t.ingestKey, { type: 'bearer' })
      .send(xml)
      .expect(201);
    await t.ctx.settle();
    return res.body.leads.map((lead: { leadId: string }) => lead.leadId);
  }

  async function give(leadId: string, to: string) {
    const manager = await asMember(t.ctx, t.dealer.team.manager, t.dealer);
    await manager.post(`/api/leads/leads/${leadId}/assignment`, { assigneeId: to }).expect(200);
  }

  it('shows each lead only its own prospect of a shared ADF document; managers and viewers the whole', async () => {
    const [sara, tom] = t.dealer.team.sales;
    const xml = adfDocument([
      { id: 'SHARE-1', first: 'Ann', last: 'Mine', email: 'ann.mine@example.com' },
      { id: 'SHARE-2', first: 'Bob', last: 'Theirs', email: 'bob.theirs@example.com', phone: '614-555-0177' },
    ]);
    const [annLead, bobLead] = await postAdf(xml);
    await give(annLead as string, sara.id);
    await give(bobLead as string, tom.id);

    const asSara = await asMember(t.ctx, sara, t.dealer);
    const mine = await asSara.get(`/api/leads/leads/${annLead}`).expect(200);
    const shown = mine.body.submissions[0].originalDocument as string;
    expect(shown).toContain('ann.mine@example.com');
    expect(shown).not.toContain('Bob');
    expect(shown).not.toContain('bob.theirs@example.com');
    expect(shown).not.toContain('555-0177');

    for (const who of [t.dealer.team.manager, t.dealer.team.viewer]) {
      const reader = await asMember(t.ctx, who, t.dealer);
      const whole = await reader.get(`/api/leads/leads/${annLead}`).expect(200);
      expect(whole.body.submissions[0].originalDocument).toBe(xml);
    }
  });

  it('shows a salesperson the whole document when it holds only their shopper', async () => {
    const [sara] = t.dealer.team.sales;
    const xml = adfDocument([{ id: 'SOLO-1', first: 'Cy', last: 'Solo', email: 'cy.solo@example.com' }]);
    const [lead] = await postAdf(xml);
    await give(lead as string, sara.id);
    const asSara = await asMember(t.ctx, sara, t.dealer);
    const detail = await asSara.get(`/api/leads/leads/${lead}`).expect(200);
    expect(detail.body.submissions[0].originalDocument).toBe(xml);
  });

  it('lists as related only the shopper’s leads the salesperson may open', async () => {
    const [sara, tom] = t.dealer.team.sales;
    const manager = await asMember(t.ctx, t.dealer.team.manager, t.dealer);
    const shopper = { first: 'Rae', last: 'Related', email: 'rae.related@example.com' };
    const [older] = await postAdf(adfDocument([{ id: 'REL-1', ...shopper }]));
    await give(older as string, tom.id);
    await manager
      .post(`/api/leads/leads/${older}/status`, { status: 'lost', lostReason: 'not_ready' })
      .expect(200);
    const [sarasOlder] = await postAdf(adfDocument([{ id: 'REL-2', ...shopper }]));
    await give(sarasOlder as string, sara.id);
    await manager
      .post(`/api/leads/leads/${sarasOlder}/status`, { status: 'lost', lostReason: 'not_ready' })
      .expect(200);
    const [newest] = await postAdf(adfDocument([{ id: 'REL-3', ...shopper }]));
    await give(newest as string, sara.id);

    const all = await manager.get(`/api/leads/leads/${newest}`).expect(200);
    expect(all.body.relatedLeads.map((l: { id: string }) => l.id).sort()).toEqual([older, sarasOlder].sort());
    const asSara = await asMember(t.ctx, sara, t.dealer);
    const hers = await asSara.get(`/api/leads/leads/${newest}`).expect(200);
    expect(hers.body.relatedLeads.map((l: { id: string }) => l.id)).toEqual([sarasOlder]);
  });

  it('lets a finance manager read every lead, a salesperson’s too, like a manager, but not hand it to someone else', async () => {
    const [sara, tom] = t.dealer.team.sales;
    const [saras] = await postAdf(
      adfDocument([{ id: 'FIN-1', first: 'Fay', last: 'Loan', email: 'fay@example.com' }]),
    );
    await give(saras as string, sara.id);
    const finance: TeamMember = {
      id: 'auth0|finance-visibility',
      name: 'Fiona Finance',
      email: 'fiona.finance@example.test',
      role: 'finance',
      available: true,
    };
    const asFinance = await asMember(t.ctx, finance, t.dealer);

    const listed = await asFinance.get('/api/leads/leads?pageSize=100').expect(200);
    expect(listed.body.items.map((l: { id: string }) => l.id)).toContain(saras);
    const detail = await asFinance.get(`/api/leads/leads/${saras}`).expect(200);
    expect(detail.body.submissions[0].originalDocument).toContain('fay@example.com');
    await asFinance.post(`/api/leads/leads/${saras}/assignment`, { assigneeId: tom.id }).expect(403);
  });
});
