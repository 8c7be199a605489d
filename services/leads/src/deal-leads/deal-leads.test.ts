import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DealLeadReceiptSchema,
  LeadDetailSchema,
  READ_LEAD_ASSIGNEES_SCOPE,
  READ_TEAM_SCOPE,
  WRITE_DEAL_LEADS_SCOPE,
  type DealLeadInput,
  type DealLeadSummary,
  type Vehicle,
} from '@showroom/contracts';
import { asMember, leadOfReceipt, postWebsiteLead, websiteLead } from '../test/lead-requests';
import { startLeadsTestApp, type LeadsTestContext, type TestDealership } from '../test/leads-test-app';

const CRM = 'crm@deal-crm.example';

const reservedCar = (dealershipId: string): Vehicle => ({
  id: randomUUID(),
  dealershipId,
  vin: '1HGCV1F30NA004711',
  stockNumber: 'U4711',
  condition: 'used',
  year: 2022,
  make: 'Honda',
  model: 'Accord',
  trim: 'Sport',
  bodyStyle: 'sedan',
  drivetrain: 'fwd',
  transmission: 'cvt',
  fuelType: 'gasoline',
  engine: null,
  exteriorColor: null,
  interiorColor: null,
  mileage: 24_500,
  priceCents: 2_649_500,
  msrpCents: null,
  currency: 'USD',
  // Reserved online: pending by the time the deal is submitted.
  status: 'pending',
  description: null,
  published: true,
  costCents: null,
  internalNotes: null,
  daysInStock: 3,
  heroPhoto: null,
  photoCount: 0,
  version: 2,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-06T00:00:00.000Z',
});

const submitted = (dealId: string, overrides: Partial<DealLeadSummary> = {}): DealLeadSummary => ({
  dealId,
  status: 'submitted',
  kind: 'finance',
  sellingPriceCents: 2_649_500,
  downPaymentCents: 200_000,
  monthlyPaymentCents: 48_912,
  termMonths: 60,
  aprBps: 549,
  dueAtSigningCents: 245_000,
  tradeValueCents: 800_000,
  tradePayoffCents: 300_000,
  products: ['GAP'],
  creditApplication: 'received',
  depositCents: 50_000,
  reservationStatus: 'held',
  amountFinancedCents: 2_512_345,
  residualCents: null,
  totalOfPaymentsCents: 2_934_720,
  ...overrides,
});

/** The car and the submitted deal as the CRM's ADF states them (credit: only that one was received). */
const submittedDealAdf = (car: Vehicle) =>
  [
    '    <vehicle interest="buy" status="used">',
    '      <year>2022</year>',
    '      <make>Honda</make>',
    '      <model>Accord</model>',
    `      <vin>${car.vin}</vin>`,
    '      <stock>U4711</stock>',
    '      <trim>Sport</trim>',
    '      <price type="asking" currency="USD">26495</price>',
    '      <finance>',
    '        <method>finance</method>',
    '        <amount type="downpayment" limit="exact" currency="USD">2000</amount>',
    '        <amount type="monthly" limit="exact" currency="USD">489.12</amount>',
    '        <amount type="total" limit="exact" currency="USD">29347.20</amount>',
    '        <balance type="finance" currency="USD">25123.45</balance>',
    '      </finance>',
    '      <comments>Online deal (submitted): finance, $489.12/month for 60 months at 5.49% APR, $2,000.00 down; selling price $26,495.00; due at signing $2,450.00; trade-in valued at $8,000.00, $3,000.00 owed; protection: GAP; credit application received; reservation held ($500.00 deposit)</comments>',
    '    </vehicle>',
  ].join('\n');

describe('the lead an online deal becomes (retail’s machine routes)', () => {
  let ctx: LeadsTestContext;
  let dealer: TestDealership;
  let other: TestDealership;
  let car: Vehicle;
  let retail: string;

  const put = (dealershipId: string, dealId: string, body: DealLeadInput, token = retail) =>
    request(ctx.app)
      .put(`/api/leads/internal/dealerships/${dealershipId}/deal-leads/${dealId}`)
      .auth(token, { type: 'bearer' })
      .send(body);
  const addActivity = (dealershipId: string, leadId: string, body: object) =>
    request(ctx.app)
      .post(`/api/leads/internal/dealerships/${dealershipId}/leads/${leadId}/activities`)
      .auth(retail, { type: 'bearer' })
      .send(body);
  const assignees = async (dealershipId: string, leadIds: string[], token?: string) =>
    request(ctx.app)
      .post(`/api/leads/internal/dealerships/${dealershipId}/lead-assignees`)
      .auth(token ?? (await ctx.issuer.machineToken('showroom-services', [READ_LEAD_ASSIGNEES_SCOPE])), {
        type: 'bearer',
      })
      .send({ leadIds });
  const dealInput = (deal: DealLeadSummary, email = `deal.${randomUUID().slice(0, 8)}@example.com`) => ({
    shopper: { firstName: 'Dana', lastName: 'Deal', email, phone: '614-555-0199' },
    vehicleId: car.id,
    deal,
  });
  const leadAsManager = async (leadId: string) =>
    (await asMember(ctx, dealer.team.manager, dealer)).get(`/api/leads/leads/${leadId}`);
  const timelineOf = async (leadId: string) =>
    (await (await asMember(ctx, dealer.team.manager, dealer)).get(`/api/leads/leads/${leadId}/timeline`)).body
      .items as Array<{ type: string; summary: string }>;
  const leadsOfDealership = async (dealershipId: string) =>
    Number(
      (
        await ctx.database.writer
          .selectFrom('leads')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('dealership_id', '=', dealershipId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    ctx = await startLeadsTestApp();
    dealer = await ctx.newDealership();
    other = await ctx.newDealership();
    car = reservedCar(dealer.id);
    ctx.peers.vehicles.set(dealer.id, [car]);
    retail = await ctx.issuer.machineToken('showroom-services', [WRITE_DEAL_LEADS_SCOPE]);
    const manager = await asMember(ctx, dealer.team.manager, dealer);
    await manager.patch('/api/leads/settings', { crmForwardEmail: CRM }).expect(200);
  });
  afterAll(() => ctx.close());

  it('when a shopper submits a deal, then it arrives as a website lead with the deal, routed round-robin, the car described from inventory, the salesperson told and the CRM sent the ADF finance block', async () => {
    const dealId = randomUUID();

    const res = await put(dealer.id, dealId, dealInput(submitted(dealId)));

    expect(res.status).toBe(200);
    const receipt = DealLeadReceiptSchema.parse(res.body);
    await ctx.settle();
    const lead = LeadDetailSchema.parse((await leadAsManager(receipt.leadId)).body);
    expect(lead).toMatchObject({
      channel: 'website',
      source: 'digital_retailing',
      intent: 'buy_online',
      status: 'new',
      shopper: { firstName: 'Dana', lastName: 'Deal' },
      vehicle: { vehicleId: car.id, vin: car.vin, year: 2022, make: 'Honda', model: 'Accord' },
      deal: submitted(dealId),
    });
    expect(lead.message).toBe(
      'Online deal: finance, $489.12/month for 60 months at 5.49% APR, $2,000.00 down, selling price $26,495.00.',
    );
    expect(dealer.team.sales.map((s) => s.id)).toContain(lead.assignee?.id);
    const assignee = dealer.team.sales.find((s) => s.id === lead.assignee?.id);
    expect((await ctx.sink.waitFor((m) => m.to.includes(assignee?.email ?? ''))).subject).toContain(
      'Dana Deal',
    );

    const crm = await ctx.sink.waitFor((m) => m.to.includes(CRM) && m.text.includes(receipt.leadId));
    expect(crm.text).toContain(submittedDealAdf(car));
  });

  it('when the dealer counters and the shopper accepts, then the same lead follows the deal with a timeline entry each, and a repeated call adds nothing', async () => {
    const dealId = randomUUID();
    const input = dealInput(submitted(dealId));
    const first = DealLeadReceiptSchema.parse((await put(dealer.id, dealId, input)).body);
    await ctx.settle();
    const before = await leadsOfDealership(dealer.id);

    const countered = submitted(dealId, { status: 'countered', monthlyPaymentCents: 46_500 });
    const second = await put(dealer.id, dealId, { ...input, deal: countered });
    const accepted = { ...countered, status: 'accepted' as const };
    const third = await put(dealer.id, dealId, { ...input, deal: accepted });
    const again = await put(dealer.id, dealId, { ...input, deal: accepted });
    await ctx.settle();

    const lead = LeadDetailSchema.parse((await leadAsManager(first.leadId)).body);
    for (const res of [second, third, again]) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ leadId: first.leadId, assigneeId: lead.assignee?.id });
    }
    expect(await leadsOfDealership(dealer.id)).toBe(before);
    expect(lead.deal).toEqual(accepted);
    const dealEntries = (await timelineOf(first.leadId)).filter((e) => e.type === 'deal_updated');
    expect(dealEntries.map((e) => e.summary)).toEqual([
      'Deal accepted: finance, $465.00/month for 60 months at 5.49% APR, $2,000.00 down',
      'Deal countered: finance, $465.00/month for 60 months at 5.49% APR, $2,000.00 down',
    ]);
  });

  it('when a shopper with an open lead submits a deal, then the deal joins that lead and the CRM gets the deal once, as its own ADF prospect with the finance block, however often retail sends it', async () => {
    const email = `returning.${randomUUID().slice(0, 8)}@example.com`;
    const form = await postWebsiteLead(
      ctx,
      dealer.id,
      websiteLead({ firstName: 'Maya', lastName: 'Patel', email }),
    );
    const leadId = await leadOfReceipt(ctx, form);
    await ctx.settle();
    const before = await leadsOfDealership(dealer.id);
    const dealId = randomUUID();
    const input = dealInput(submitted(dealId), email);

    const res = await put(dealer.id, dealId, input);
    await ctx.settle();
    const again = await put(dealer.id, dealId, input);
    const countered = submitted(dealId, { status: 'countered', monthlyPaymentCents: 46_500 });
    const updated = await put(dealer.id, dealId, { ...input, deal: countered });
    await ctx.settle();

    expect([res.body.leadId, again.body.leadId, updated.body.leadId]).toEqual([leadId, leadId, leadId]);
    expect(await leadsOfDealership(dealer.id)).toBe(before);
    expect((await leadAsManager(leadId)).body.deal).toEqual(countered);
    const forwards = ctx.sink.messages().filter((m) => m.to.includes(CRM) && m.text.includes(dealId));
    expect(forwards).toHaveLength(1);
    const [forward] = forwards;
    expect(forward?.subject).toBe('ADF lead: Maya Patel');
    expect(forward?.raw.toString()).toMatch(new RegExp(`^X-Showroom-Lead-Id: ${dealId}$`, 'im'));
    expect(forward?.text).toContain(`<id sequence="1" source="Showroom">${dealId}</id>`);
    expect(forward?.text).toContain(submittedDealAdf(car));
    const forwarded = (await timelineOf(leadId)).filter((e) => e.type === 'crm_forwarded');
    expect(forwarded.map((e) => e.summary)).toEqual([
      `Online deal forwarded as ADF/XML to ${CRM}`,
      `Forwarded as ADF/XML to ${CRM}`,
    ]);
  });

  it('when retail adds activity to a lead, then it is on the lead’s timeline; another dealership’s lead is a 404', async () => {
    const dealId = randomUUID();
    const { leadId } = (await put(dealer.id, dealId, dealInput(submitted(dealId)))).body;

    const added = await addActivity(dealer.id, leadId, {
      actor: 'Fiona Finance',
      text: 'Opened the credit application',
    });
    const elsewhere = await addActivity(other.id, leadId, { actor: 'Rhea Ruiz', text: 'Opened it' });
    await ctx.settle();

    expect(added.status).toBe(201);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.headers['content-type']).toContain('application/problem+json');
    const activity = (await timelineOf(leadId)).filter((e) => e.type === 'deal_activity');
    expect(activity.map((e) => e.summary)).toEqual(['Fiona Finance: Opened the credit application']);
  });

  it('when retail asks who works some leads, then it hears of the dealership’s own and nothing of another’s', async () => {
    const dealId = randomUUID();
    const { leadId } = (await put(dealer.id, dealId, dealInput(submitted(dealId)))).body;
    await ctx.settle();
    const theirs = await postWebsiteLead(ctx, other.id, websiteLead());
    const theirLead = await leadOfReceipt(ctx, theirs);
    const unknown = randomUUID();

    const res = await assignees(dealer.id, [leadId, theirLead, unknown, leadId]);

    expect(res.status).toBe(200);
    const lead = (await leadAsManager(leadId)).body;
    expect(res.body).toEqual({ items: [{ leadId, assigneeId: lead.assignee.id }] });
  });

  it('refuses a body naming another deal than the path, a wrong scope and a bad body, storing nothing', async () => {
    const dealId = randomUUID();
    const before = await leadsOfDealership(dealer.id);

    const mismatched = await put(dealer.id, dealId, dealInput(submitted(randomUUID())));
    const readOnly = await put(
      dealer.id,
      dealId,
      dealInput(submitted(dealId)),
      await ctx.issuer.machineToken('showroom-services', [READ_TEAM_SCOPE]),
    );
    const bad = await put(dealer.id, dealId, { ...dealInput(submitted(dealId)), vehicleId: 'car-1' });

    expect([mismatched.status, readOnly.status, bad.status]).toEqual([400, 403, 400]);
    expect(mismatched.body.invalidParams).toEqual([
      { name: 'body.deal.dealId', reason: 'must be the deal named in the path' },
    ]);
    expect(
      (
        await assignees(
          dealer.id,
          [randomUUID()],
          await ctx.issuer.machineToken('showroom-services', [WRITE_DEAL_LEADS_SCOPE]),
        )
      ).status,
    ).toBe(403);
    expect(await leadsOfDealership(dealer.id)).toBe(before);
  });
});
