import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describeRouteMatrix, type ExampleRequest } from '@showroom/server-testing/matrix';
import { leadsRoutes } from './routes';
import { adfDocument } from './test/adf-documents';
import { asMember, leadOfReceipt, postWebsiteLead, websiteLead } from './test/lead-requests';
import { startLeadsTestApp, type LeadsTestContext, type TestDealership } from './test/leads-test-app';
import { exampleBody, type Target } from './test/route-examples';

/** The dealerships the matrix made, with their teams (a lead is given to one of its salespeople). */
const dealerships = new Map<string, TestDealership>();
const dealershipOf = (id: string) => {
  const dealer = dealerships.get(id);
  if (!dealer) throw new Error(`the matrix made no dealership ${id}`);
  return dealer;
};

/** A fresh lead of the dealership (from its website form), a task on it, and a salesperson. */
async function targetIn(ctx: LeadsTestContext, dealershipId: string): Promise<Target> {
  const dealer = dealershipOf(dealershipId);
  const lead = await leadOfReceipt(ctx, await postWebsiteLead(ctx, dealershipId, websiteLead()).expect(201));
  const owner = await asMember(ctx, dealer.team.owner, dealer);
  const task = await owner
    .post(`/api/leads/leads/${lead}/tasks`, exampleBody('addLeadTask', { lead, task: '', assigneeId: '' }))
    .expect(201);
  return { lead, task: task.body.id, assigneeId: dealer.team.sales[0].id };
}

/** An example for a route of people aimed at one lead: its path parameters and body. */
const onLead =
  (operationId: string) =>
  async (ctx: LeadsTestContext, dealershipId: string): Promise<ExampleRequest> => {
    const target = await targetIn(ctx, dealershipId);
    return {
      params: { id: target.lead, taskId: target.task },
      body: exampleBody(operationId, target),
    };
  };

/** What retail sends for a deal a shopper submitted (the car needs not be on the stand-in's lot). */
const dealLeadInput = (dealId: string) => ({
  shopper: { firstName: 'Mat', lastName: 'Rix', email: `mat.${randomUUID()}@example.com` },
  vehicleId: randomUUID(),
  deal: {
    dealId,
    status: 'submitted',
    kind: 'cash',
    sellingPriceCents: 2_000_000,
    downPaymentCents: 0,
    monthlyPaymentCents: null,
    termMonths: null,
    aprBps: null,
    dueAtSigningCents: 2_150_000,
    tradeValueCents: null,
    tradePayoffCents: null,
    products: [],
    creditApplication: 'none',
    depositCents: null,
    reservationStatus: null,
  },
});

const oneProspect = () =>
  adfDocument([
    { id: `MX-${randomUUID()}`, first: 'Mat', last: 'Rix', email: `mat.${randomUUID()}@example.com` },
  ]);

describeRouteMatrix<LeadsTestContext>({
  service: 'leads',
  routes: leadsRoutes,
  start: () => startLeadsTestApp(),
  newDealership: async (ctx) => {
    const dealer = await ctx.newDealership();
    dealerships.set(dealer.id, dealer);
    return dealer.id;
  },
  examples: {
    submitWebsiteLead: {
      request: (_ctx, dealershipId) => ({ params: { dealershipId }, body: websiteLead() }),
    },
    // The matrix sends these without a key and with a person's token: both must be 401. That a
    // valid key files the lead is shown in capture/adf-capture.test.ts.
    ingestAdf: { request: () => ({ contentType: 'application/xml', body: oneProspect() }) },
    ingestAdfEmail: {
      request: async () => ({
        contentType: 'message/rfc822',
        body: await new MailComposer({
          from: 'leads@carmarket.example',
          to: 'dealer@example.com',
          subject: 'New lead',
          text: oneProspect(),
        })
          .compile()
          .build(),
      }),
    },
    listLeads: { request: () => ({ query: { status: 'new' } }) },
    getLeadCounts: { request: () => ({}) },
    enterLead: {
      request: () => ({ body: exampleBody('enterLead', { lead: '', task: '', assigneeId: '' }) }),
    },
    getLead: { namesRecord: true, request: onLead('getLead') },
    changeLeadStatus: { namesRecord: true, request: onLead('changeLeadStatus') },
    assignLead: { namesRecord: true, request: onLead('assignLead') },
    addLeadNote: { namesRecord: true, request: onLead('addLeadNote') },
    addLeadTask: { namesRecord: true, request: onLead('addLeadTask') },
    updateLeadTask: { namesRecord: true, request: onLead('updateLeadTask') },
    getLeadTimeline: { namesRecord: true, request: onLead('getLeadTimeline') },
    listActivity: { request: () => ({}) },
    getLeadSettings: { request: () => ({}) },
    updateLeadSettings: {
      request: () => ({ body: exampleBody('updateLeadSettings', { lead: '', task: '', assigneeId: '' }) }),
    },
    rotateIngestKey: { request: () => ({}) },
    registerWebsiteOrigins: {
      request: (_ctx, dealershipId) => ({
        params: { dealershipId },
        body: { dealershipName: 'Matrix Motors', siteOrigins: ['https://matrix-motors.sites.showroom.dev'] },
      }),
    },
    putDealLead: {
      request: (_ctx, dealershipId) => {
        const dealId = randomUUID();
        return { params: { dealershipId, dealId }, body: dealLeadInput(dealId) };
      },
    },
    addLeadActivity: {
      request: async (ctx, dealershipId) => ({
        params: { dealershipId, leadId: (await targetIn(ctx, dealershipId)).lead },
        body: { actor: 'Matrix Finance', text: 'Opened the credit application' },
      }),
    },
    // The matrix's dealership has a lead round-robin gave to one of its salespeople: released or
    // not (the other one may have it), the answer is a 200. What is released is shown in
    // routing/member-release.test.ts.
    releaseMemberLeads: {
      request: async (ctx, dealershipId) => {
        await targetIn(ctx, dealershipId);
        return { params: { dealershipId, userId: dealershipOf(dealershipId).team.sales[0].id } };
      },
    },
    listLeadAssignees: {
      request: async (ctx, dealershipId) => ({
        params: { dealershipId },
        body: { leadIds: [(await targetIn(ctx, dealershipId)).lead] },
      }),
    },
  },
});
