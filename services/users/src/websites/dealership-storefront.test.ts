import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DealershipStorefrontSchema, READ_DEALERSHIPS_SCOPE, READ_TEAM_SCOPE } from '@showroom/contracts';
import { DEMO_DEALERSHIPS, DEMO_USERS, DEMO_WEBSITES } from '@showroom/demo-data';
import { forDealership } from '@showroom/server-mysql';
import { addDealership } from '../test/tenants';
import { usersAppOnDemoTenants, type UsersTestContext } from '../test/users-test-app';
import { websiteClient } from '../test/websites';

const { downtown, northside, rival } = DEMO_DEALERSHIPS;
const storefrontPath = (dealershipId: string) => `/api/users/internal/dealerships/${dealershipId}/storefront`;

async function storefrontOf(ctx: UsersTestContext, dealershipId: string, scope = READ_DEALERSHIPS_SCOPE) {
  const token = await ctx.issuer.machineToken('showroom-services', [scope]);
  return request(ctx.app).get(storefrontPath(dealershipId)).auth(token, { type: 'bearer' });
}

/** What a provisioning run leaves behind once the site is live (the provisioner's own tests run it for real). */
async function siteWentLive(ctx: UsersTestContext, dealershipId: string, unservedDomains: string[] = []) {
  await forDealership(ctx.database.writer, dealershipId)
    .updateTable('website_provisioning')
    .set({
      state: 'live',
      version_live: 1,
      live_at: new Date(),
      unserved_domains: unservedDomains.length > 0 ? JSON.stringify(unservedDomains) : null,
    })
    .execute();
}

describe('a dealership’s storefront, as retail reads it to answer the dealership’s shoppers', () => {
  const ctx = usersAppOnDemoTenants();

  it('when retail asks for a dealership whose site has not gone live yet, then it gets its name, contact and time zone, the origins its site will be served from, and no site URL', async () => {
    const res = await storefrontOf(ctx, rival.id);

    expect(res.status).toBe(200);
    expect(DealershipStorefrontSchema.parse(res.body)).toEqual({
      dealershipId: rival.id,
      name: 'Rival Autos',
      email: DEMO_WEBSITES.rival.email,
      phone: DEMO_WEBSITES.rival.phone,
      timeZone: 'America/Indiana/Indianapolis',
      siteUrl: null,
      siteOrigins: ['http://rival-autos.localhost:4400'],
    });
  });

  it('when the site is live, then deal links point at its platform host while its own domain is not served yet, and at the own domain once it is', async () => {
    const owner = await websiteClient(ctx, DEMO_USERS.owner, northside.id);
    expect((await owner.save({ customDomains: ['www.northside-motors.com'] })).status).toBe(200);

    await siteWentLive(ctx, northside.id, ['www.northside-motors.com']);
    const waiting = await storefrontOf(ctx, northside.id);
    expect(waiting.body).toMatchObject({
      siteUrl: 'http://demo-motors-northside.localhost:4400',
      siteOrigins: ['http://demo-motors-northside.localhost:4400', 'http://www.northside-motors.com:4400'],
    });

    await siteWentLive(ctx, northside.id);
    const served = await storefrontOf(ctx, northside.id);
    expect(served.body.siteUrl).toBe('http://www.northside-motors.com:4400');
  });

  it('when a dealership has no website yet, then it still answers, without e-mail or site', async () => {
    const dealershipId = await addDealership(ctx);

    const res = await storefrontOf(ctx, dealershipId.toUpperCase());

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dealershipId, email: null, phone: null, siteUrl: null });
  });

  it('when retail names a dealership that does not exist, then 404 problem+json', async () => {
    const res = await storefrontOf(ctx, '00000000-0000-4000-8000-000000000000');

    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('when a service holds only read:team, or a person asks, then it is refused', async () => {
    expect((await storefrontOf(ctx, downtown.id, READ_TEAM_SCOPE)).status).toBe(403);
    const person = await ctx.issuer.tokenFor({
      sub: DEMO_USERS.owner.id,
      memberships: [...DEMO_USERS.owner.memberships],
    });
    const res = await request(ctx.app).get(storefrontPath(downtown.id)).auth(person, { type: 'bearer' });
    expect(res.status).toBe(403);
  });
});
