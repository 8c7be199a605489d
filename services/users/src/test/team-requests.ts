import request from 'supertest';
import { expect } from 'vitest';
import type { DemoUser } from '@showroom/demo-data';
import { forDealership } from '@showroom/server-mysql';
import type { UsersTestContext } from './users-test-app';

/** A token exactly as dev-auth would issue it for a demo user. */
export const tokenOf = (ctx: UsersTestContext, user: DemoUser) =>
  ctx.issuer.tokenFor({ sub: user.id, memberships: user.memberships.map((m) => ({ ...m })) });

export async function getTeam(ctx: UsersTestContext, user: DemoUser, dealershipId: string) {
  return request(ctx.app)
    .get('/api/users/team')
    .auth(await tokenOf(ctx, user), { type: 'bearer' })
    .set('X-Dealership-Id', dealershipId);
}

export async function putAvailability(
  ctx: UsersTestContext,
  user: DemoUser,
  dealershipId: string,
  targetUserId: string,
  body: unknown,
) {
  return request(ctx.app)
    .put(`/api/users/team/${encodeURIComponent(targetUserId)}/availability`)
    .auth(await tokenOf(ctx, user), { type: 'bearer' })
    .set('X-Dealership-Id', dealershipId)
    .send(body as object);
}

/** `user`, acting for `dealershipId`, marks `targetUserId` away. */
export const markAway = (ctx: UsersTestContext, user: DemoUser, dealershipId: string, targetUserId: string) =>
  putAvailability(ctx, user, dealershipId, targetUserId, { available: false });

/** Availability as stored, read straight from the table. */
export async function storedAvailability(
  ctx: UsersTestContext,
  userId: string,
  dealershipId: string,
): Promise<number | undefined> {
  const row = await forDealership(ctx.database.writer, dealershipId)
    .selectFrom('memberships')
    .select('available')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.available);
}

/**
 * `user`, acting for `dealershipId`, tries to mark `targetUserId` away and gets `status`; the
 * target's flag where they work (`home`, by default `dealershipId`) is still set. The answer.
 */
export async function expectMarkAwayRefused(
  ctx: UsersTestContext,
  status: 403 | 404,
  [user, dealershipId, targetUserId, home = dealershipId]: [DemoUser, string, string, string?],
) {
  const res = await markAway(ctx, user, dealershipId, targetUserId);
  expect(res.status).toBe(status);
  expect(await storedAvailability(ctx, targetUserId, home)).toBe(1);
  return res;
}
