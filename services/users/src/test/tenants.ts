import { randomUUID } from 'node:crypto';
import type { Role } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import type { UsersTestContext } from './users-test-app';

/** A new dealership of its own (no group), as the users service stores one. */
export async function addDealership(ctx: UsersTestContext): Promise<string> {
  const id = randomUUID();
  await ctx.database.writer
    .insertInto('dealerships')
    .values({
      id,
      dealer_group_id: null,
      name: `Test ${id.slice(0, 8)}`,
      slug: `test-${id}`,
      city: null,
      region: null,
      time_zone: 'America/Chicago',
    })
    .execute();
  return id;
}

/** A new person working at `dealershipId` in `role`; their user id. */
export async function addMember(
  ctx: UsersTestContext,
  dealershipId: string,
  role: Role = 'sales',
): Promise<string> {
  const id = `auth0|member-${randomUUID()}`;
  await ctx.database.writer
    .insertInto('users')
    .values({ id, email: `${id.slice(6)}@example.test`, name: 'Test Member' })
    .execute();
  await forDealership(ctx.database.writer, dealershipId)
    .insertInto('memberships')
    .values({ user_id: id, role })
    .execute();
  return id;
}
