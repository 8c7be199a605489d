import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { WebsiteSettingsSchema } from '@showroom/contracts';
import { DEMO_DEALERSHIPS, DEMO_USERS, DEMO_WEBSITES } from '@showroom/demo-data';
import { addDealership, addMember } from '../test/tenants';
import { usersAppOnDemoTenants } from '../test/users-test-app';
import { provisioningRequestOf, websiteClient } from '../test/websites';

const { downtown, northside, rival } = DEMO_DEALERSHIPS;

describe('website settings: a dealership sets up its site in the portal', () => {
  const ctx = usersAppOnDemoTenants();
  const manager = () => websiteClient(ctx, DEMO_USERS.manager, downtown.id);
  const rivalOwner = () => websiteClient(ctx, DEMO_USERS.rivalOwner, rival.id);
  const stored = async (dealershipId: string) =>
    WebsiteSettingsSchema.parse(
      (await (await websiteClient(ctx, DEMO_USERS.owner, dealershipId)).get()).body,
    );

  it('when the manager opens the Website page, then the seeded facts, the local site and the version as ETag come back', async () => {
    const res = await (await manager()).get();

    expect(res.status).toBe(200);
    const website = WebsiteSettingsSchema.parse(res.body);
    expect(res.headers['etag']).toBe(`"v${website.version}"`);
    expect(website).toMatchObject({
      dealershipId: downtown.id,
      name: 'Demo Motors Downtown',
      phone: DEMO_WEBSITES.downtown.phone,
      address: DEMO_WEBSITES.downtown.address,
      hours: DEMO_WEBSITES.downtown.hours,
      theme: DEMO_WEBSITES.downtown.theme,
      customDomains: [],
      platformHost: 'demo-motors-downtown.localhost',
      siteUrl: 'http://demo-motors-downtown.localhost:4400/',
      logo: null,
    });
    expect(website.provisioning.version).toBe(website.version);
    expect(website.provisioning.steps.map((step) => step.step)).toContain('publish-config');
  });

  it('when the manager saves new hours, colours and a tagline with the version read, then they are kept, the version goes up by one and the site is asked to be provisioned for it', async () => {
    const client = await manager();
    const before = WebsiteSettingsSchema.parse((await client.get()).body);
    const hours = [
      { day: 'mon', opens: '08:00', closes: '12:00' },
      { day: 'mon', opens: '13:00', closes: '18:00' },
      { day: 'sat', opens: '10:00', closes: '16:00' },
    ];
    const res = await client.patch(
      {
        tagline: '  Fresh cars, fair prices  ',
        hours,
        theme: { brandColour: '#123456', accentColour: '#8B0000' },
        phone: '+1 614 555 0199',
      },
      `"v${before.version}"`,
    );

    expect(res.status).toBe(200);
    expect(res.headers['etag']).toBe(`"v${before.version + 1}"`);
    expect(res.body).toMatchObject({
      tagline: 'Fresh cars, fair prices',
      hours,
      theme: { brandColour: '#123456', accentColour: '#8b0000' },
      phone: '+1 614 555 0199',
      email: before.email,
      version: before.version + 1,
    });
    expect(await provisioningRequestOf(ctx, downtown.id)).toMatchObject({
      version: before.version + 1,
      state: 'pending',
    });
    expect((await stored(downtown.id)).tagline).toBe('Fresh cars, fair prices');
  });

  it('when a save comes without If-Match, then 428 and nothing changes', async () => {
    const before = await stored(downtown.id);
    const res = await (await manager()).patch({ tagline: 'No version sent' });

    expect(res.status).toBe(428);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await stored(downtown.id)).toEqual(before);
  });

  it('when a save names a version someone else has saved over, then 412 and their change stays', async () => {
    const client = await manager();
    const read = (await client.get()).headers['etag'] as string;
    expect((await client.patch({ tagline: 'Saved first' }, read)).status).toBe(200);

    const late = await client.patch({ tagline: 'Saved on an old copy' }, read);

    expect(late.status).toBe(412);
    expect(late.body.type).toBe('https://showroom.dev/problems/precondition-failed');
    expect((await stored(downtown.id)).tagline).toBe('Saved first');
  });

  it('when two people save the same version at once, then exactly one of them wins', async () => {
    const client = await manager();
    const read = (await client.get()).headers['etag'] as string;
    const answers = await Promise.all([
      client.patch({ tagline: 'First editor' }, read),
      client.patch({ tagline: 'Second editor' }, read),
    ]);

    expect(answers.map((res) => res.status).sort()).toEqual([200, 412]);
    const winner = answers.find((res) => res.status === 200)?.body.tagline;
    expect((await stored(downtown.id)).tagline).toBe(winner);
  });

  it('when a brand colour is too light for white text, then 400 naming it, and nothing changes', async () => {
    const before = await stored(downtown.id);
    const res = await (
      await manager()
    ).save({
      theme: { brandColour: '#ffeb3b', accentColour: '#b3261e' },
      tagline: 'Never saved',
    });

    expect(res.status).toBe(400);
    expect(res.body.invalidParams).toEqual([
      { name: 'body.theme.brandColour', reason: expect.stringContaining('too light for white text') },
    ]);
    expect(await stored(downtown.id)).toEqual(before);
  });

  it('when a domain is given as a URL, then 400 naming the entry', async () => {
    const res = await (
      await manager()
    ).save({ customDomains: ['www.demo-downtown.com', 'https://demo.com/cars'] });

    expect(res.status).toBe(400);
    expect(res.body.invalidParams).toEqual([
      { name: 'body.customDomains.1', reason: expect.stringContaining('no https://') },
    ]);
  });

  it('when a Showroom sub-domain is listed as an own domain, then 400: the platform host is given, not taken', async () => {
    const res = await (await manager()).save({ customDomains: ['rival-autos.localhost'] });

    expect(res.status).toBe(400);
    expect(res.body.invalidParams).toEqual([
      { name: 'body.customDomains.0', reason: 'rival-autos.localhost is a Showroom domain' },
    ]);
  });

  it('when Showroom’s own domain or a name under it is listed as an own domain, then 400 naming each entry and nothing is saved', async () => {
    const client = await manager();
    const before = WebsiteSettingsSchema.parse((await client.get()).body);

    const res = await client.save({
      customDomains: ['www.demo-downtown.com', 'www.showroom.dev', 'showroom.dev', 'api.eu.showroom.dev'],
    });

    expect(res.status).toBe(400);
    expect(res.body.invalidParams).toEqual([
      { name: 'body.customDomains.1', reason: 'www.showroom.dev is a Showroom domain' },
      { name: 'body.customDomains.2', reason: 'showroom.dev is a Showroom domain' },
      { name: 'body.customDomains.3', reason: 'api.eu.showroom.dev is a Showroom domain' },
    ]);
    const after = WebsiteSettingsSchema.parse((await client.get()).body);
    expect([after.version, after.customDomains]).toEqual([before.version, before.customDomains]);
    // A name that only ends like ours is somebody else's.
    expect((await client.save({ customDomains: ['www.notshowroom.dev'] })).status).toBe(200);
  });

  it('when opening hours close before they open, or a day has three periods, then 400 naming each', async () => {
    const client = await manager();
    const backwards = await client.save({ hours: [{ day: 'tue', opens: '18:00', closes: '09:00' }] });
    const three = await client.save({
      hours: ['08:00', '11:00', '14:00'].map((opens) => ({
        day: 'wed',
        opens,
        closes: `${Number(opens.slice(0, 2)) + 2}:00`.padStart(5, '0'),
      })),
    });
    const badTime = await client.save({ hours: [{ day: 'thu', opens: '9am', closes: '17:00' }] });

    expect(backwards.status).toBe(400);
    expect(backwards.body.invalidParams).toEqual([
      { name: 'body.hours.0.closes', reason: 'must close after it opens' },
    ]);
    expect(three.status).toBe(400);
    expect(three.body.invalidParams[0].reason).toBe('at most two opening periods on wed');
    expect(badTime.body.invalidParams).toContainEqual({
      name: 'body.hours.0.opens',
      reason: expect.stringContaining('HH:MM'),
    });
  });

  it('when a dealership lists a domain another dealership has, then 409 naming the domain (not who has it), and nothing changes', async () => {
    expect((await (await rivalOwner()).save({ customDomains: ['www.rival-autos.com'] })).status).toBe(200);
    const before = await stored(downtown.id);

    const res = await (
      await manager()
    ).save({
      customDomains: ['www.demo-downtown.com', 'WWW.Rival-Autos.com'],
      tagline: 'Never saved',
    });

    expect(res.status).toBe(409);
    expect(res.body.invalidParams).toEqual([
      { name: 'body.customDomains.1', reason: 'www.rival-autos.com is used by another dealership' },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/rival autos/i);
    expect(await stored(downtown.id)).toEqual(before);
    // The domain it did not get is not half-claimed either.
    const mine = await (await manager()).save({ customDomains: ['www.demo-downtown.com'] });
    expect(mine.status).toBe(200);
  });

  it('when a dealership gives up its domain, then another may take it, and the canonical site follows the first own domain', async () => {
    expect((await (await rivalOwner()).save({ customDomains: [] })).status).toBe(200);

    const res = await (
      await websiteClient(ctx, DEMO_USERS.owner, northside.id)
    ).save({
      customDomains: ['www.rival-autos.com'],
    });

    expect(res.status).toBe(200);
    expect(res.body.siteUrl).toBe('http://www.rival-autos.com:4400/');
    expect(res.body.platformHost).toBe('demo-motors-northside.localhost');
  });

  it('when the street address is taken off the site, then the address reads null and the city still names the rooftop', async () => {
    const res = await (await rivalOwner()).save({ address: null });

    expect(res.status).toBe(200);
    expect(res.body.address).toBeNull();
    const row = await ctx.database.writer
      .selectFrom('dealerships')
      .select(['city', 'street'])
      .where('id', '=', rival.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ city: 'Indianapolis', street: null });
  });

  it('when asking for provisioning fails inside the save, then the change is not saved either (one transaction)', async () => {
    const before = await stored(northside.id);
    await sql`CREATE TRIGGER refuse_northside BEFORE INSERT ON website_provisioning FOR EACH ROW
      IF NEW.dealership_id = ${sql.lit(northside.id)} THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'provisioning refused by the test';
      END IF`.execute(ctx.database.writer);
    try {
      const res = await (
        await websiteClient(ctx, DEMO_USERS.owner, northside.id)
      ).save({
        tagline: 'Must not be kept',
        customDomains: ['www.northside-motors.com'],
      });
      expect(res.status).toBe(500);
    } finally {
      await sql`DROP TRIGGER refuse_northside`.execute(ctx.database.writer);
    }
    expect(await stored(northside.id)).toEqual(before);
    expect((await (await rivalOwner()).save({ customDomains: ['www.northside-motors.com'] })).status).toBe(
      200,
    );
  });

  it('when the owner retries provisioning, then it is due now for the current version (202)', async () => {
    const client = await websiteClient(ctx, DEMO_USERS.owner, northside.id);
    const res = await client.retry();

    expect(res.status).toBe(202);
    expect(res.body.provisioning.version).toBe(res.body.version);
    const request = await provisioningRequestOf(ctx, northside.id);
    expect(request?.state).toMatch(/pending|running/);
    expect(request?.next_attempt_at?.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('when a dealership from before websites opens its website, then it has the default theme, no hours yet, and its site is on the way', async () => {
    const dealershipId = await addDealership(ctx);
    const userId = await addMember(ctx, dealershipId, 'manager');
    const manager = {
      id: userId,
      email: 'm@example.test',
      name: 'M',
      memberships: [{ dealershipId, role: 'manager' as const }],
    };

    const res = await (await websiteClient(ctx, manager, dealershipId)).get();

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      theme: { brandColour: '#1f3a5f', accentColour: '#b3261e' },
      hours: [],
      address: null,
      version: 1,
      provisioning: { state: 'pending', version: 1 },
    });
    expect(await provisioningRequestOf(ctx, dealershipId)).toMatchObject({ version: 1, state: 'pending' });
  });
});
