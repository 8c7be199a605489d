import { sql } from 'kysely';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { GroupRooftopListSchema, GroupRooftopSchema } from '@showroom/contracts';
import { DEMO_DEALERSHIPS, DEMO_GROUP, DEMO_USERS, type DemoUser } from '@showroom/demo-data';
import { forDealership } from '@showroom/server-mysql';
import { addDealership, addMember } from '../test/tenants';
import { usersAppOnDemoTenants, type UsersTestContext } from '../test/users-test-app';
import { provisioningRequestOf, rooftopInput, websiteClient } from '../test/websites';
import { slugOf, unusedSlug } from './slugs';

const { downtown, northside } = DEMO_DEALERSHIPS;

/** Rows of every table onboarding writes, to show that a refused onboarding wrote none. */
async function footprint(ctx: UsersTestContext) {
  const count = async (table: 'dealerships' | 'dealer_groups' | 'users') =>
    Number(
      (
        await ctx.database.writer
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const { rows } = await sql<{ memberships: number; websites: number; domains: number; requests: number }>`
    SELECT (SELECT COUNT(*) FROM memberships) AS memberships, (SELECT COUNT(*) FROM websites) AS websites,
           (SELECT COUNT(*) FROM website_domains) AS domains, (SELECT COUNT(*) FROM website_provisioning) AS requests`.execute(
    ctx.database.writer,
  );
  return {
    dealerships: await count('dealerships'),
    groups: await count('dealer_groups'),
    users: await count('users'),
    ...Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)])),
  };
}

/** An owner of a standalone dealership of their own (no group yet). */
async function standaloneOwner(ctx: UsersTestContext): Promise<{ user: DemoUser; dealershipId: string }> {
  const dealershipId = await addDealership(ctx);
  const userId = await addMember(ctx, dealershipId, 'owner');
  return {
    dealershipId,
    user: {
      id: userId,
      email: `${userId}@example.test`,
      name: 'Test Owner',
      memberships: [{ dealershipId, role: 'owner' }],
    },
  };
}

describe('rooftops: a group owner onboards a rooftop and its site follows', () => {
  const ctx = usersAppOnDemoTenants();
  const owner = () => websiteClient(ctx, DEMO_USERS.owner, downtown.id);

  it('when the group owner lists rooftops, then both Demo Motor Group rooftops come with their site and provisioning', async () => {
    const res = await (await owner()).listRooftops();

    expect(res.status).toBe(200);
    const list = GroupRooftopListSchema.parse(res.body);
    expect(list.groupId).toBe(DEMO_GROUP.id);
    expect(list.groupName).toBe('Demo Motor Group');
    expect(list.items.map((r) => [r.name, r.siteUrl])).toEqual([
      ['Demo Motors Downtown', 'http://demo-motors-downtown.localhost:4400/'],
      ['Demo Motors Northside', 'http://demo-motors-northside.localhost:4400/'],
    ]);
    expect(list.items[0]?.address?.city).toBe('Columbus');
    expect(list.items[0]?.provisioning.state).toBe('pending');
  });

  it('when the owner adds a rooftop with its own domain, then the dealership, their ownership, its website and the provisioning request exist, and it is in the group’s list and the owner’s memberships', async () => {
    const res = await (
      await owner()
    ).addRooftop(
      rooftopInput({
        name: 'Demo Motors Eastside',
        timeZone: 'America/Chicago',
        phone: '(614) 555-0190',
        domain: 'WWW.Demo-Eastside.com',
      }),
    );

    expect(res.status).toBe(201);
    const rooftop = GroupRooftopSchema.parse(res.body);
    expect(rooftop).toMatchObject({
      name: 'Demo Motors Eastside',
      slug: 'demo-motors-eastside',
      timeZone: 'America/Chicago',
      address: { street: '10 Main St', city: 'Dayton', region: 'OH', postalCode: '45402', country: 'US' },
      siteUrl: 'http://www.demo-eastside.com:4400/',
    });
    const dealership = await ctx.database.writer
      .selectFrom('dealerships')
      .selectAll()
      .where('id', '=', rooftop.id)
      .executeTakeFirstOrThrow();
    expect([dealership.dealer_group_id, dealership.phone]).toEqual([DEMO_GROUP.id, '(614) 555-0190']);
    const membership = await forDealership(ctx.database.writer, rooftop.id)
      .selectFrom('memberships')
      .select(['user_id', 'role'])
      .execute();
    expect(membership).toEqual([{ user_id: DEMO_USERS.owner.id, role: 'owner' }]);
    expect(await provisioningRequestOf(ctx, rooftop.id)).toMatchObject({ version: 1, state: 'pending' });

    // The owner's next token carries the rooftop; acting for it, they see its website.
    const nextToken = {
      ...DEMO_USERS.owner,
      memberships: [...DEMO_USERS.owner.memberships, { dealershipId: rooftop.id, role: 'owner' as const }],
    };
    const website = await (await websiteClient(ctx, nextToken, rooftop.id)).get();
    expect(website.body).toMatchObject({
      name: 'Demo Motors Eastside',
      customDomains: ['www.demo-eastside.com'],
      platformHost: 'demo-motors-eastside.localhost',
      phone: '(614) 555-0190',
      version: 1,
    });
    const machine = await ctx.issuer.machineToken('showroom-actions', ['read:memberships']);
    const claims = await request(ctx.app)
      .get(`/api/users/internal/users/${encodeURIComponent(DEMO_USERS.owner.id)}/memberships`)
      .auth(machine, { type: 'bearer' });
    expect(claims.body.memberships).toContainEqual({ dealershipId: rooftop.id, role: 'owner' });
    const list = await (await websiteClient(ctx, DEMO_USERS.owner, northside.id)).listRooftops();
    expect(list.body.items.map((r: { name: string }) => r.name)).toContain('Demo Motors Eastside');
  });

  it('when the group already has a rooftop of that name (in any case), then 409 naming the name field, and nothing is made', async () => {
    const before = await footprint(ctx);
    const res = await (await owner()).addRooftop(rooftopInput({ name: 'demo motors NORTHSIDE' }));

    expect(res.status).toBe(409);
    expect(res.body.invalidParams).toEqual([
      { name: 'body.name', reason: 'is already a rooftop of Demo Motor Group' },
    ]);
    expect(await footprint(ctx)).toEqual(before);
  });

  it('when a standalone dealership’s owner adds a rooftop, then a group named after the dealership is made for both, and a slug taken elsewhere gets a number', async () => {
    const { user, dealershipId } = await standaloneOwner(ctx);
    const client = await websiteClient(ctx, user, dealershipId);

    const res = await client.addRooftop(rooftopInput({ name: 'Demo Motors Downtown' }));

    expect(res.status).toBe(201);
    expect(res.body.slug).toBe('demo-motors-downtown-2');
    const list = GroupRooftopListSchema.parse((await client.listRooftops()).body);
    expect(list.groupName).toMatch(/^Test .+ Group$/);
    expect(list.items.map((r) => r.id).sort()).toEqual([dealershipId, res.body.id].sort());
    // The Demo Motor Group still has its own Demo Motors Downtown, untouched.
    expect((await (await owner()).listRooftops()).body.groupId).toBe(DEMO_GROUP.id);
  });

  it('when the rooftop’s domain is another dealership’s, then 409 naming the domain and nothing is left: no dealership, group, membership, website or request', async () => {
    const { user, dealershipId } = await standaloneOwner(ctx);
    expect((await (await owner()).save({ customDomains: ['www.taken-motors.com'] })).status).toBe(200);
    const before = await footprint(ctx);

    const res = await (
      await websiteClient(ctx, user, dealershipId)
    ).addRooftop(rooftopInput({ name: 'Taken Motors', domain: 'www.taken-motors.com' }));

    expect(res.status).toBe(409);
    expect(res.body.invalidParams).toEqual([
      { name: 'body.domain', reason: 'www.taken-motors.com is used by another dealership' },
    ]);
    expect(await footprint(ctx)).toEqual(before);
    const standalone = await ctx.database.writer
      .selectFrom('dealerships')
      .select('dealer_group_id')
      .where('id', '=', dealershipId)
      .executeTakeFirstOrThrow();
    expect(standalone.dealer_group_id).toBeNull();
  });

  it('when the provisioning request cannot be written (the last step), then the whole onboarding is undone', async () => {
    const { user, dealershipId } = await standaloneOwner(ctx);
    const before = await footprint(ctx);
    await sql`CREATE TRIGGER refuse_new_sites BEFORE INSERT ON website_provisioning FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'provisioning refused by the test'`.execute(
      ctx.database.writer,
    );
    try {
      const res = await (
        await websiteClient(ctx, user, dealershipId)
      ).addRooftop(rooftopInput({ name: 'Never Motors', domain: 'www.never-motors.com' }));
      expect(res.status).toBe(500);
      expect(JSON.stringify(res.body)).not.toContain('refused by the test');
    } finally {
      await sql`DROP TRIGGER refuse_new_sites`.execute(ctx.database.writer);
    }
    expect(await footprint(ctx)).toEqual(before);
  });

  it('when the rooftop’s domain is Showroom’s own or under it, then 400 naming the domain field and nothing is made', async () => {
    const before = await footprint(ctx);
    const client = await owner();

    const responses = await Promise.all(
      ['www.showroom.dev', 'showroom.dev', 'new-rooftop.localhost'].map((domain) =>
        client.addRooftop(rooftopInput({ name: `Squatter ${domain}`, domain })),
      ),
    );

    expect(responses.map((res) => [res.status, res.body.invalidParams])).toEqual([
      [400, [{ name: 'body.domain', reason: 'www.showroom.dev is a Showroom domain' }]],
      [400, [{ name: 'body.domain', reason: 'showroom.dev is a Showroom domain' }]],
      [400, [{ name: 'body.domain', reason: 'new-rooftop.localhost is a Showroom domain' }]],
    ]);
    expect(await footprint(ctx)).toEqual(before);
  });

  it('when the input is incomplete or wrong, then 400 naming each field', async () => {
    const res = await (
      await owner()
    ).addRooftop({
      name: ' ',
      address: { street: '1 A St', city: 'Dayton', region: 'OH', postalCode: '45402', country: 'USA' },
      timeZone: 'Mars/Olympus',
      domain: 'https://x.com',
    });

    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'body.address.country',
      'body.domain',
      'body.name',
      'body.timeZone',
    ]);
  });

  it('slugs are DNS labels made from the name', () => {
    expect(slugOf('Demo Motors – Östside & Co.')).toBe('demo-motors-ostside-and-co');
    expect(slugOf('!!!')).toBe('rooftop');
    expect(slugOf('x'.repeat(100))).toHaveLength(56);
  });

  it('a slug another dealership has gets the first free number after it', () => {
    expect(unusedSlug('demo-motors', new Set())).toBe('demo-motors');
    expect(unusedSlug('demo-motors', new Set(['demo-motors', 'demo-motors-2']))).toBe('demo-motors-3');
  });
});

describe('rooftops: only the owner of every rooftop of a group is the group’s owner', () => {
  const ctx = usersAppOnDemoTenants();

  /** Someone who owns Demo Motors Downtown and nothing else of Demo Motor Group. */
  async function downtownOnlyOwner(): Promise<DemoUser> {
    const userId = await addMember(ctx, downtown.id, 'owner');
    return {
      id: userId,
      email: `${userId.slice(6)}@example.test`,
      name: 'Test Member',
      memberships: [{ dealershipId: downtown.id, role: 'owner' }],
    };
  }

  it('when an owner of one rooftop lists the group’s rooftops, then 403 saying only an owner of every rooftop may, and no sibling or its provisioning is shown', async () => {
    const res = await (await websiteClient(ctx, await downtownOnlyOwner(), downtown.id)).listRooftops();

    expect(res.status).toBe(403);
    expect(res.body.type).toBe('https://showroom.dev/problems/forbidden');
    expect(res.body.detail).toBe(
      'Only an owner of every rooftop of Demo Motor Group may add rooftops or see them all; you own 1 of its 2.',
    );
    expect(JSON.stringify(res.body)).not.toContain('Northside');
  });

  it('when an owner of one rooftop adds a rooftop to the group, then 403 with the reason and nothing is made', async () => {
    const client = await websiteClient(ctx, await downtownOnlyOwner(), downtown.id);
    const before = await footprint(ctx);

    const res = await client.addRooftop(rooftopInput({ name: 'Demo Motors Westside' }));

    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('Only an owner of every rooftop of Demo Motor Group may add rooftops');
    expect(await footprint(ctx)).toEqual(before);
  });

  it('when that owner is made owner of the other rooftop too, then they are the group’s owner, acting with the token they have', async () => {
    const user = await downtownOnlyOwner();
    const client = await websiteClient(ctx, user, downtown.id);
    await forDealership(ctx.database.writer, northside.id)
      .insertInto('memberships')
      .values({ user_id: user.id, role: 'owner' })
      .execute();

    const list = await client.listRooftops();
    const added = await client.addRooftop(rooftopInput());

    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(added.status).toBe(201);
    // The demo owner does not own the rooftop just added, so is no longer the group's owner.
    const demoOwner = await (await websiteClient(ctx, DEMO_USERS.owner, downtown.id)).listRooftops();
    expect([demoOwner.status, demoOwner.body.detail]).toEqual([
      403,
      'Only an owner of every rooftop of Demo Motor Group may add rooftops or see them all; you own 2 of its 3.',
    ]);
  });
});
