import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAdf } from '@showroom/leads-adf';
import type { Vehicle } from '@showroom/contracts';
import { asMember, leadOfReceipt, postWebsiteLead, websiteLead } from '../test/lead-requests';
import { startLeadsTestApp, type LeadsTestContext, type TestDealership } from '../test/leads-test-app';

const onLot = (dealershipId: string): Vehicle => ({
  id: '0b4f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4',
  dealershipId,
  vin: '1HGCV1F34LA012345',
  stockNumber: 'U2040',
  condition: 'used',
  year: 2020,
  make: 'Honda',
  model: 'Accord',
  trim: 'Sport',
  bodyStyle: 'sedan',
  drivetrain: 'fwd',
  transmission: 'automatic',
  fuelType: 'gasoline',
  engine: null,
  exteriorColor: 'Blue',
  interiorColor: 'Black',
  mileage: 30211,
  priceCents: 2_399_500,
  msrpCents: null,
  currency: 'USD',
  status: 'available',
  description: null,
  published: true,
  costCents: 1_650_000,
  internalNotes: null,
  daysInStock: 12,
  heroPhoto: null,
  photoCount: 0,
  version: 1,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
});

describe('lead e-mails and CRM forwarding', () => {
  let ctx: LeadsTestContext;
  let dealer: TestDealership;

  beforeAll(async () => {
    ctx = await startLeadsTestApp();
    dealer = await ctx.newDealership();
    ctx.peers.vehicles.set(dealer.id, [onLot(dealer.id)]);
    const manager = await asMember(ctx, dealer.team.manager, dealer);
    await manager
      .patch('/api/leads/settings', {
        crmForwardEmail: 'crm@dealer-crm.example',
        replyTo: 'sales@test-motors.example',
        acknowledgement: {
          enabled: true,
          subject: 'Thanks, {{firstName}}!',
          body: 'Hi {{firstName}}, {{assigneeName}} at {{dealershipName}} will call you about the {{vehicle}}.',
        },
      })
      .expect(200);
  });
  afterAll(() => ctx.close());

  it('links the vehicle by stock number, tells the assignee, acknowledges the shopper and forwards ADF to the CRM, each once', async () => {
    const email = 'shopper.mail@example.com';
    const res = await postWebsiteLead(
      ctx,
      dealer.id,
      websiteLead({ firstName: 'Nia', lastName: 'Moss', email, vehicle: { stockNumber: 'u2040' } }),
    );
    expect(res.status).toBe(201);
    const leadId = await leadOfReceipt(ctx, res);
    await ctx.settle();
    const manager = await asMember(ctx, dealer.team.manager, dealer);
    const lead = (await manager.get(`/api/leads/leads/${leadId}`)).body;
    expect(lead.vehicle).toMatchObject({
      vehicleId: onLot(dealer.id).id,
      year: 2020,
      make: 'Honda',
      model: 'Accord',
      trim: 'Sport',
    });

    const assignee = dealer.team.sales.find((s) => s.id === lead.assignee.id);
    const forAssignee = await ctx.sink.waitFor((m) => m.to.includes(assignee?.email ?? ''));
    expect(forAssignee.subject).toBe('New lead: Nia Moss (Website · check availability)');
    expect(forAssignee.text).toContain(`/leads/${leadId}`);

    const ack = await ctx.sink.waitFor((m) => m.to.includes(email));
    expect(ack.subject).toBe('Thanks, Nia!');
    expect(ack.text.trim()).toBe(
      `Hi Nia, ${assignee?.name} at ${dealer.name} will call you about the 2020 Honda Accord Sport.`,
    );
    expect(ack.raw.toString()).toContain('Reply-To: sales@test-motors.example');

    const crm = await ctx.sink.waitFor((m) => m.to.includes('crm@dealer-crm.example'));
    const forwarded = parseAdf(crm.text);
    expect(forwarded.prospects).toHaveLength(1);
    expect(forwarded.prospects[0]?.ids[0]).toMatchObject({ value: leadId, source: 'Showroom' });
    expect(forwarded.prospects[0]?.customer).toMatchObject({
      firstName: 'Nia',
      lastName: 'Moss',
      emails: [email],
    });

    // Jobs run again (a retry, a second worker) send nothing more.
    await ctx.database.writer
      .updateTable('outbox')
      .set({ published_at: null })
      .where('lead_id', '=', leadId)
      .execute();
    await ctx.settle();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sent = ctx.sink
      .messages()
      .filter((m) =>
        [assignee?.email, email, 'crm@dealer-crm.example'].some((to) => m.to.includes(to ?? '')),
      );
    expect(sent).toHaveLength(3);
    const timeline = await manager.get(`/api/leads/leads/${leadId}/timeline`);
    const mails = timeline.body.items.filter((e: { type: string }) =>
      ['email_sent', 'crm_forwarded'].includes(e.type),
    );
    expect(mails).toHaveLength(3);
  });

  it('tells the assignee when their shopper comes back', async () => {
    const email = 'comes.back@example.com';
    const first = await postWebsiteLead(
      ctx,
      dealer.id,
      websiteLead({ firstName: 'Ola', lastName: 'Back', email }),
    );
    await ctx.settle();
    await postWebsiteLead(
      ctx,
      dealer.id,
      websiteLead({ firstName: 'Ola', lastName: 'Back', email, intent: 'request_quote' }),
    );
    await ctx.settle();
    const manager = await asMember(ctx, dealer.team.manager, dealer);
    const lead = (await manager.get(`/api/leads/leads/${await leadOfReceipt(ctx, first)}`)).body;
    const assignee = dealer.team.sales.find((s) => s.id === lead.assignee.id);
    const notice = await ctx.sink.waitFor(
      (m) => m.to.includes(assignee?.email ?? '') && m.subject.startsWith('Returning shopper'),
    );
    expect(notice.text).toContain('Ola Back came back with a new enquiry.');
  });
});
