import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { InvitationListSchema, InvitationPreviewSchema, InvitationSchema } from '@showroom/contracts';
import { DEMO_DEALERSHIPS, DEMO_USERS, type DemoUser } from '@showroom/demo-data';
import { forDealership } from '@showroom/server-mysql';
import { addInvitation, asMember, invitationLinkIn } from '../test/team-admin';
import { usersAppOnDemoTenants } from '../test/users-test-app';

const { downtown, rival } = DEMO_DEALERSHIPS;
const { owner, manager, sales } = DEMO_USERS;
const invitations = '/api/users/invitations';

const usersApp = usersAppOnDemoTenants({ identity: true });

const invite = (body: object, as: DemoUser = owner) =>
  asMember(usersApp, as, downtown.id, ['post', invitations, body]);
const preview = (token: string) => request(usersApp.app).get(`/api/users/invitation-links/${token}`);
const accept = (token: string) => request(usersApp.app).post(`/api/users/invitation-links/${token}/accept`);

/** Chooses a password on dev-auth's page behind the ticket, as the invitee's browser would. */
async function setPassword(passwordUrl: string, password: string): Promise<Response> {
  const ticket = new URL(passwordUrl).searchParams.get('ticket') ?? '';
  return fetch(new URL('/lo/reset', passwordUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ticket, password, confirmation: password }),
  });
}

describe('invitations: an owner invites a salesperson, who joins from the e-mail', () => {
  it('invites by e-mail, the invitee accepts, chooses a password and is a member with that role', async () => {
    const res = await invite({ email: 'New.Hire@Example.test', name: 'Nora Newhire', role: 'sales' });
    expect(res.status).toBe(201);
    const invitation = InvitationSchema.parse(res.body);
    expect(invitation).toMatchObject({
      email: 'new.hire@example.test',
      role: 'sales',
      status: 'pending',
      invitedBy: { id: owner.id, name: owner.name },
      sendCount: 1,
    });
    expect(invitation.sentAt).not.toBeNull();

    const mail = await usersApp.mail.waitFor((m) => m.to.includes('new.hire@example.test'));
    expect(mail.subject).toBe(`${owner.name} invited you to ${downtown.name} on Showroom`);
    const { link, token } = invitationLinkIn(mail.text);
    expect(link).toBe(`http://localhost:4200/invitations/${token}`);

    expect(InvitationPreviewSchema.parse((await preview(token)).body)).toMatchObject({
      dealershipName: downtown.name,
      invitedByName: owner.name,
      role: 'sales',
      email: 'new.hire@example.test',
    });

    const accepted = await accept(token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ next: 'set-password', email: 'new.hire@example.test' });
    const set = await setPassword(accepted.body.passwordUrl, 'Harbor-lights-2031');
    expect(set.status).toBe(303);

    const member = await usersApp.database.writer
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'new.hire@example.test')
      .executeTakeFirstOrThrow();
    const detail = await asMember(usersApp, owner, downtown.id, [
      'get',
      `/api/users/members/${encodeURIComponent(member.id)}`,
    ]);
    expect(detail.body).toMatchObject({ role: 'sales', status: 'active', name: 'Nora Newhire' });
    expect(detail.body.history.map((e: { action: string }) => e.action)).toEqual(['joined', 'invited']);
    expect(detail.body.history[1].actor).toEqual({ id: owner.id, name: owner.name });

    expect((await accept(token)).status).toBe(410);
    const listed = InvitationListSchema.parse(
      (await asMember(usersApp, owner, downtown.id, ['get', invitations])).body,
    );
    expect(listed.items.find((i) => i.id === invitation.id)?.status).toBe('accepted');
  });

  it('lets someone who already has an account (another dealership’s) join and sign in as they are', async () => {
    const res = await invite({ email: DEMO_USERS.rivalSales.email, name: 'Rival Seller', role: 'viewer' });
    expect(res.status).toBe(201);
    const { token } = invitationLinkIn(
      (await usersApp.mail.waitFor((m) => m.to.includes(DEMO_USERS.rivalSales.email))).text,
    );
    const accepted = await accept(token);
    expect(accepted.body).toEqual({ next: 'sign-in', passwordUrl: null, email: DEMO_USERS.rivalSales.email });
    const membership = await forDealership(usersApp.database.writer, downtown.id)
      .selectFrom('memberships')
      .select('role')
      .where('user_id', '=', DEMO_USERS.rivalSales.id)
      .executeTakeFirst();
    expect(membership?.role).toBe('viewer');
  });

  it('refuses an invitation above the inviter’s role, to a member, and a second one to the same address', async () => {
    const above = await invite({ email: 'boss@example.test', name: 'Boss', role: 'owner' }, manager);
    expect(above.status).toBe(403);
    const member = await invite({ email: sales.email, name: sales.name, role: 'sales' });
    expect(member.status).toBe(409);
    expect(member.body.invalidParams).toEqual([
      { name: 'email', reason: expect.stringContaining('already a member') },
    ]);
    expect((await invite({ email: 'twice@example.test', name: 'Twice', role: 'sales' })).status).toBe(201);
    expect((await invite({ email: 'twice@example.test', name: 'Twice', role: 'sales' })).status).toBe(409);
    const bad = await invite({ email: 'not-an-email', name: '', role: 'boss' });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'body.email',
      'body.name',
      'body.role',
    ]);
  });

  it('resends with a new link (the old one stops working) and revokes', async () => {
    const created = InvitationSchema.parse(
      (await invite({ email: 'resend@example.test', name: 'Re Send', role: 'sales' })).body,
    );
    const first = invitationLinkIn(
      (await usersApp.mail.waitFor((m) => m.to.includes('resend@example.test'))).text,
    );
    usersApp.mail.clear();
    const resent = await asMember(usersApp, manager, downtown.id, [
      'post',
      `${invitations}/${created.id}/resend`,
    ]);
    expect(resent.status).toBe(200);
    expect(resent.body.sendCount).toBe(2);
    const second = invitationLinkIn(
      (await usersApp.mail.waitFor((m) => m.to.includes('resend@example.test'))).text,
    );
    expect(second.token).not.toBe(first.token);
    expect((await preview(first.token)).status).toBe(404);
    expect((await preview(second.token)).status).toBe(200);

    const revoked = await asMember(usersApp, manager, downtown.id, [
      'delete',
      `${invitations}/${created.id}`,
    ]);
    expect(revoked.status).toBe(204);
    const gone = await preview(second.token);
    expect(gone.status).toBe(410);
    expect(gone.body.detail).toBe(
      `This invitation was revoked. Ask ${owner.name} at ${downtown.name} to send you a new one.`,
    );
  });

  it('answers 410 for an expired link, and lets the dealership invite the address again', async () => {
    const expired = await addInvitation(usersApp, downtown.id, { expiresAt: new Date(Date.now() - 1000) });
    expect((await preview(expired.token)).status).toBe(410);
    expect((await accept(expired.token)).status).toBe(410);
    expect((await invite({ email: expired.email, name: 'Again', role: 'sales' })).status).toBe(201);
  });

  it('keeps each dealership’s invitations to itself', async () => {
    const theirs = await addInvitation(usersApp, rival.id);
    const asDowntown = (method: 'post' | 'delete', path: string) =>
      asMember(usersApp, owner, downtown.id, [method, path]);
    expect((await asDowntown('post', `${invitations}/${theirs.id}/resend`)).status).toBe(404);
    expect((await asDowntown('delete', `${invitations}/${theirs.id}`)).status).toBe(404);
    const list = InvitationListSchema.parse(
      (await asMember(usersApp, owner, downtown.id, ['get', invitations])).body,
    );
    expect(list.items.map((i) => i.id)).not.toContain(theirs.id);
    expect((await preview(theirs.token)).status).toBe(200);
  });
});
