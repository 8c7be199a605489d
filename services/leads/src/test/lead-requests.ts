import request from 'supertest';
import type { TeamMember, WebsiteLeadInput } from '@showroom/contracts';
import { beforeAll } from 'vitest';
import {
  useLeadsTestApp,
  type LeadsTestBed,
  type LeadsTestContext,
  type TestDealership,
} from './leads-test-app';

/** A website form as a dealer site posts it. */
export function websiteLead(overrides: Partial<WebsiteLeadInput> = {}): WebsiteLeadInput {
  return {
    intent: 'check_availability',
    firstName: 'Maya',
    lastName: 'Patel',
    email: `maya.${Math.random().toString(36).slice(2, 8)}@example.com`,
    // Random enough that two shoppers of one test never share a phone (capture would join their leads).
    phone: `614-${String(Math.floor(200 + Math.random() * 799))}-${String(Math.floor(1000 + Math.random() * 8999))}`,
    message: 'Is it still available?',
    ...overrides,
  };
}

export function postWebsiteLead(ctx: LeadsTestContext, dealershipId: string, body: unknown) {
  return request(ctx.app)
    .post(`/api/leads/public/dealerships/${dealershipId}/leads`)
    .send(body as object);
}

/** Requests as a member of the dealership, with their token and the dealership header. */
export async function asMember(ctx: LeadsTestContext, who: TeamMember, dealership: TestDealership) {
  const token = await ctx.tokenFor(who, dealership.id);
  const call = (method: 'get' | 'post' | 'patch', path: string) =>
    request(ctx.app)[method](path).auth(token, { type: 'bearer' }).set('X-Dealership-Id', dealership.id);
  return {
    get: (path: string) => call('get', path),
    post: (path: string, body?: object) => call('post', path).send(body),
    patch: (path: string, body?: object) => call('patch', path).send(body),
  };
}

/** Requests as one member of a dealership (what `asMember` gives). */
export type MemberClient = Awaited<ReturnType<typeof asMember>>;

/** `useLeadsTestApp`, with the dealership's manager signed in before the tests (read `manager` inside them). */
export function useLeadsTestAppAsManager(): LeadsTestBed & { readonly manager: MemberClient } {
  const bed = useLeadsTestApp() as LeadsTestBed & { manager: MemberClient };
  // Runs after useLeadsTestApp's own beforeAll (hooks run in the order they are declared).
  beforeAll(async () => {
    bed.manager = await asMember(bed.ctx, bed.dealer.team.manager, bed.dealer);
  });
  return bed;
}

/** The lead a website form's receipt stands for (the form's answer never names it; staff find it). */
export async function leadOfReceipt(
  ctx: LeadsTestContext,
  res: { status: number; body: { receipt?: string } },
): Promise<string> {
  // A refused form has no receipt: say why, rather than that no submission row matched ''.
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`the form was answered ${res.status}: ${JSON.stringify(res.body)}`);
  const row = await ctx.database.writer
    .selectFrom('lead_submissions')
    .select('lead_id')
    .where('id', '=', res.body.receipt ?? '')
    .executeTakeFirstOrThrow();
  return row.lead_id;
}
