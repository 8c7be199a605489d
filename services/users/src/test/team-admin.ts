import { createHash, randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Role } from '@showroom/contracts';
import type { DemoUser } from '@showroom/demo-data';
import { forDealership } from '@showroom/server-mysql';
import { Auth0Identity } from '../identity/auth0-identity';
import type { UsersTestContext } from './users-test-app';

type Method = 'get' | 'put' | 'post' | 'delete';

/** `user`, acting for `dealershipId` with the memberships their token names, calls the users API. */
export async function asMember(
  ctx: UsersTestContext,
  user: DemoUser,
  dealershipId: string,
  [method, path, body]: [Method, string, object?],
  memberships = user.memberships,
) {
  const token = await ctx.issuer.tokenFor({
    sub: user.id,
    name: user.name,
    email: user.email,
    memberships: memberships.map((m) => ({ ...m })),
  });
  const req = request(ctx.app)
    [method](path)
    .auth(token, { type: 'bearer' })
    .set('X-Dealership-Id', dealershipId);
  return body === undefined ? req : req.send(body);
}

/** An invitation stored directly, with a link token the test knows. */
export async function addInvitation(
  ctx: UsersTestContext,
  dealershipId: string,
  options: { email?: string; role?: Role; expiresAt?: Date } = {},
): Promise<{ id: string; token: string; email: string }> {
  const id = randomUUID();
  const token = randomBytes(32).toString('base64url');
  const email = options.email ?? `invitee-${id.slice(0, 8)}@example.test`;
  await forDealership(ctx.database.writer, dealershipId)
    .insertInto('invitations')
    .values({
      id,
      email,
      name: 'Invited Person',
      role: options.role ?? 'sales',
      token_hash: createHash('sha256').update(token).digest('hex'),
      invited_by: 'auth0|someone',
      invited_by_name: 'Someone Owner',
      expires_at: options.expiresAt ?? new Date(Date.now() + 86_400_000),
    })
    .execute();
  return { id, token, email };
}

/** The identity port on the test app's dev-auth, to see what the users service did there. */
export function identityOf(ctx: UsersTestContext): Auth0Identity {
  if (!ctx.devAuth) throw new Error('start the users test app with identity: true');
  return new Auth0Identity({
    domain: ctx.devAuth.domain,
    clientId: 'showroom-management',
    clientSecret: 'dev-management-secret',
    originOverride: ctx.devAuth.url,
  });
}

/** The link in an invitation e-mail, and its token. */
export function invitationLinkIn(text: string): { link: string; token: string } {
  const match = /(http\S+\/invitations\/([A-Za-z0-9_-]{43}))/.exec(text);
  if (!match?.[1] || !match[2]) throw new Error(`no invitation link in:\n${text}`);
  return { link: match[1], token: match[2] };
}
