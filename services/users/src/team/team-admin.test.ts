import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { AdminMemberListSchema, GroupPeopleSchema, MemberDetailSchema } from '@showroom/contracts';
import { DEMO_DEALERSHIPS, DEMO_USERS } from '@showroom/demo-data';
import { waitUntil } from '@showroom/server-testing';
import { addMember } from '../test/tenants';
import { asMember, identityOf } from '../test/team-admin';
import { usersAppOnDemoTenants } from '../test/users-test-app';

const { downtown, northside, rival } = DEMO_DEALERSHIPS;
const { owner, manager, sales, sales2, finance } = DEMO_USERS;
const members = '/api/users/members';

const usersApp = usersAppOnDemoTenants({ identity: true });

/** What the identity provider reads to fill the person's next token. */
const memberships = async (userId: string) =>
  request(usersApp.app)
    .get(`/api/users/internal/users/${encodeURIComponent(userId)}/memberships`)
    .auth(await usersApp.issuer.machineToken('showroom-actions', ['read:memberships']), { type: 'bearer' });

describe('team administration: owners and managers manage their people', () => {
  it('lists everyone with their status and last sign-in, for a manager', async () => {
    const res = await asMember(usersApp, manager, downtown.id, ['get', members]);

    expect(res.status).toBe(200);
    const list = AdminMemberListSchema.parse(res.body);
    expect(list.signInsKnown).toBe(true);
    expect(list.items.map((m) => [m.email, m.role, m.status])).toEqual(
      expect.arrayContaining([
        ['owner@demo.showroom.dev', 'owner', 'active'],
        ['sales@demo.showroom.dev', 'sales', 'active'],
      ]),
    );
    expect(list.items.every((m) => m.lastSignInAt === null)).toBe(true);
  });

  it('refuses a salesperson (team:manage), and answers 404 for someone of another dealership', async () => {
    expect((await asMember(usersApp, sales, downtown.id, ['get', members])).status).toBe(403);
    const foreign = await asMember(usersApp, manager, downtown.id, ['get', `${members}/${rival.id}`]);
    expect(foreign.status).toBe(404);
    const rivalSales = await asMember(usersApp, manager, downtown.id, [
      'put',
      `${members}/${encodeURIComponent(DEMO_USERS.rivalSales.id)}/role`,
      { role: 'viewer' },
    ]);
    expect(rivalSales.status).toBe(404);
  });

  it('changes a role and records who did it; the next token carries the new role', async () => {
    const userId = await addMember(usersApp, downtown.id, 'sales');
    const res = await asMember(usersApp, manager, downtown.id, [
      'put',
      `${members}/${encodeURIComponent(userId)}/role`,
      { role: 'viewer' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: userId, role: 'viewer', status: 'active' });

    const detailRes = await asMember(usersApp, manager, downtown.id, [
      'get',
      `${members}/${encodeURIComponent(userId)}`,
    ]);
    expect(detailRes.status, JSON.stringify(detailRes.body)).toBe(200);
    const detail = MemberDetailSchema.parse(
      (await asMember(usersApp, manager, downtown.id, ['get', `${members}/${encodeURIComponent(userId)}`]))
        .body,
    );
    expect(detail.history).toEqual([
      expect.objectContaining({
        action: 'role_changed',
        actor: { id: manager.id, name: manager.name },
        fromRole: 'sales',
        toRole: 'viewer',
      }),
    ]);
    expect((await memberships(userId)).body.memberships).toEqual([
      { dealershipId: downtown.id, role: 'viewer' },
    ]);
  });

  it('never lets a manager grant a role above their own, touch an owner, or change themselves', async () => {
    const userId = await addMember(usersApp, downtown.id, 'sales');
    const asManager = (path: string, body?: object) =>
      asMember(usersApp, manager, downtown.id, [body ? 'put' : 'post', path, body]);

    const promote = await asManager(`${members}/${encodeURIComponent(userId)}/role`, { role: 'owner' });
    expect(promote.status).toBe(403);
    expect(promote.body.detail).toBe('A manager cannot make someone an owner.');
    expect(
      (await asManager(`${members}/${encodeURIComponent(owner.id)}/role`, { role: 'sales' })).status,
    ).toBe(403);
    expect((await asManager(`${members}/${encodeURIComponent(owner.id)}/deactivate`)).status).toBe(403);
    expect(
      (await asManager(`${members}/${encodeURIComponent(manager.id)}/role`, { role: 'sales' })).status,
    ).toBe(403);
    expect((await asManager(`${members}/${encodeURIComponent(userId)}/ownership`)).status).toBe(403);
    expect((await memberships(userId)).body.memberships).toEqual([
      { dealershipId: downtown.id, role: 'sales' },
    ]);
  });

  it('deactivates a member: out of the team and the token, blocked at sign-in, leads released; reactivates them', async () => {
    const path = `${members}/${encodeURIComponent(sales.id)}`;
    const deactivated = await asMember(usersApp, owner, downtown.id, ['post', `${path}/deactivate`]);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ status: 'deactivated' });

    expect((await memberships(sales.id)).body.memberships).toEqual([]);
    const team = await asMember(usersApp, owner, downtown.id, ['get', '/api/users/team']);
    expect(team.body.items.map((m: { id: string }) => m.id)).not.toContain(sales.id);
    expect((await identityOf(usersApp).user(sales.id))?.blocked).toBe(true);
    await waitUntil('leads is asked to release the member’s leads', () =>
      usersApp.leads.calls.some(
        (call) =>
          call.method === 'POST' &&
          call.path ===
            `/api/leads/internal/dealerships/${downtown.id}/members/${encodeURIComponent(sales.id)}/release`,
      ),
    );

    const reactivated = await asMember(usersApp, owner, downtown.id, ['post', `${path}/reactivate`]);
    expect(reactivated.body).toMatchObject({ status: 'active' });
    expect((await memberships(sales.id)).body.memberships).toEqual([
      { dealershipId: downtown.id, role: 'sales' },
    ]);
    expect((await identityOf(usersApp).user(sales.id))?.blocked).toBe(false);
    const history = MemberDetailSchema.parse(
      (await asMember(usersApp, owner, downtown.id, ['get', path])).body,
    ).history.map((event) => [event.action, event.actor?.name]);
    expect(history).toEqual([
      ['reactivated', owner.name],
      ['deactivated', owner.name],
    ]);
  });

  it('does not block someone deactivated at one rooftop who still works at another', async () => {
    const both = [
      { dealershipId: downtown.id, role: 'sales' as const },
      { dealershipId: northside.id, role: 'sales' as const },
    ];
    await usersApp.database.writer
      .insertInto('memberships')
      .values({ user_id: sales2.id, dealership_id: northside.id, role: 'sales' })
      .execute();
    const res = await asMember(usersApp, owner, downtown.id, [
      'post',
      `${members}/${encodeURIComponent(sales2.id)}/deactivate`,
    ]);
    expect(res.status).toBe(200);
    expect((await memberships(sales2.id)).body.memberships).toEqual([both[1]]);
    expect((await identityOf(usersApp).user(sales2.id))?.blocked).toBe(false);
  });

  it('hands ownership over: the member becomes owner, the owner a manager, and nobody can remove the last owner', async () => {
    const lastOwner = await asMember(usersApp, owner, northside.id, [
      'put',
      `${members}/${encodeURIComponent(finance.id)}/role`,
      { role: 'owner' },
    ]);
    expect(lastOwner.status).toBe(404); // finance works at downtown, not northside

    const transfer = await asMember(usersApp, owner, downtown.id, [
      'post',
      `${members}/${encodeURIComponent(manager.id)}/ownership`,
    ]);
    expect(transfer.status).toBe(200);
    expect(transfer.body).toMatchObject({ id: manager.id, role: 'owner' });
    expect((await memberships(owner.id)).body.memberships).toContainEqual({
      dealershipId: downtown.id,
      role: 'manager',
    });

    const newOwner = [{ dealershipId: downtown.id, role: 'owner' as const }];
    const demoteOnlyOwner = await asMember(
      usersApp,
      owner,
      downtown.id,
      ['put', `${members}/${encodeURIComponent(manager.id)}/role`, { role: 'sales' }],
      [{ dealershipId: downtown.id, role: 'manager' }],
    );
    expect(demoteOnlyOwner.status).toBe(403);
    const handBack = await asMember(
      usersApp,
      manager,
      downtown.id,
      ['post', `${members}/${encodeURIComponent(owner.id)}/ownership`],
      newOwner,
    );
    expect(handBack.status).toBe(200);
  });
});

describe('a dealer group’s people in one view', () => {
  it('shows the owner of every rooftop each person’s role at each rooftop, and refuses anyone else', async () => {
    const res = await asMember(usersApp, owner, downtown.id, ['get', '/api/users/group/people']);
    expect(res.status).toBe(200);
    const group = GroupPeopleSchema.parse(res.body);
    expect(group.rooftops.map((r) => r.id).sort()).toEqual([downtown.id, northside.id].sort());
    const olivia = group.people.find((p) => p.id === owner.id);
    expect(olivia?.memberships.map((m) => m.dealershipId).sort()).toEqual([downtown.id, northside.id].sort());
    expect(group.people.map((p) => p.id)).not.toContain(DEMO_USERS.rivalSales.id);

    expect((await asMember(usersApp, manager, downtown.id, ['get', '/api/users/group/people'])).status).toBe(
      403,
    );
  });
});

describe('team administration while the identity provider is down', () => {
  const downApp = usersAppOnDemoTenants();

  it('still lists the team, with sign-ins unknown', async () => {
    const res = await asMember(downApp, owner, downtown.id, ['get', members]);
    expect(res.status).toBe(200);
    expect(res.body.signInsKnown).toBe(false);
  });

  it('refuses a deactivation that would need a block, and changes nothing', async () => {
    const userId = await addMember(downApp, downtown.id, 'sales');
    const res = await asMember(downApp, owner, downtown.id, [
      'post',
      `${members}/${encodeURIComponent(userId)}/deactivate`,
    ]);
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const after = await asMember(downApp, owner, downtown.id, [
      'get',
      `${members}/${encodeURIComponent(userId)}`,
    ]);
    expect(after.body).toMatchObject({ status: 'active', history: [] });
    expect(downApp.leads.calls).toEqual([]);
  });
});
