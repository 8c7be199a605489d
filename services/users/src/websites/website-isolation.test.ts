import { describe, expect, it } from 'vitest';
import { DEMO_DEALERSHIPS, DEMO_USERS } from '@showroom/demo-data';
import { usersAppOnDemoTenants } from '../test/users-test-app';
import { logoPng, rooftopInput, websiteClient } from '../test/websites';

const { downtown, northside, rival } = DEMO_DEALERSHIPS;

describe('websites and rooftops: one dealership never reads or changes another’s', () => {
  const ctx = usersAppOnDemoTenants();
  const downtownWebsite = async () =>
    (await (await websiteClient(ctx, DEMO_USERS.owner, downtown.id)).get()).body;

  it('when the rival owner names Demo Motors Downtown in the header, then reading, saving, uploading and retrying are 403 and nothing leaks or changes', async () => {
    const before = await downtownWebsite();
    const rival = await websiteClient(ctx, DEMO_USERS.rivalOwner, downtown.id);

    const answers = [
      await rival.get(),
      await rival.patch({ tagline: 'Hijacked' }, `"v${before.version}"`),
      await rival.putLogo(await logoPng(100, 40), 'theirs.png'),
      await rival.deleteLogo(),
      await rival.retry(),
    ];

    expect(answers.map((res) => res.status)).toEqual([403, 403, 403, 403, 403]);
    for (const res of answers) expect(JSON.stringify(res.body)).not.toContain('Downtown');
    expect(await downtownWebsite()).toEqual(before);
  });

  it('when a salesperson or a viewer opens the website settings, then 403: only owners and managers manage the site', async () => {
    const sales = await (await websiteClient(ctx, DEMO_USERS.sales, downtown.id)).get();
    const viewer = await (await websiteClient(ctx, DEMO_USERS.viewer, northside.id)).get();

    expect([sales.status, viewer.status]).toEqual([403, 403]);
    expect(sales.body.type).toBe('https://showroom.dev/problems/forbidden');
  });

  it('when a manager lists or adds rooftops, then 403 and no rooftop is made', async () => {
    const manager = await websiteClient(ctx, DEMO_USERS.manager, downtown.id);
    const input = rooftopInput();

    expect((await manager.listRooftops()).status).toBe(403);
    expect((await manager.addRooftop(input)).status).toBe(403);
    const made = await ctx.database.writer
      .selectFrom('dealerships')
      .select('id')
      .where('name', '=', input.name)
      .execute();
    expect(made).toEqual([]);
  });

  it('when the rival owner lists rooftops, then only Rival Autos comes back (no group), never the Demo Motor Group', async () => {
    const res = await (await websiteClient(ctx, DEMO_USERS.rivalOwner, rival.id)).listRooftops();

    expect(res.status).toBe(200);
    expect(res.body.groupId).toBeNull();
    expect(res.body.items.map((r: { name: string }) => r.name)).toEqual(['Rival Autos']);
  });

  it('when the rival owner saves its own website, then Demo Motors Downtown’s stays as it was', async () => {
    const before = await downtownWebsite();
    const res = await (
      await websiteClient(ctx, DEMO_USERS.rivalOwner, rival.id)
    ).save({ tagline: 'Rival deals' });

    expect(res.status).toBe(200);
    expect(res.body.dealershipId).toBe(rival.id);
    expect(await downtownWebsite()).toEqual(before);
  });
});
