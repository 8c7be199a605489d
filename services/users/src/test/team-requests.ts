import request from 'supertest';
import type { DemoUser } from '@showroom/demo-data';
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

/** Availability as stored, read straight from the table. */
export async function storedAvailability(
  ctx: UsersTestContext,
  userId: string,
  dealershipId: string,
): Promise<number | undefined> {
  const row = await ctx.database.writer
    .selectFrom('memberships')
    .select('available')
    .where('user_id', '=', userId)
    .where('dealership_id', '=', dealershipId)
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.available);
}
