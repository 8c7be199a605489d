import { permissionsOf, type Dealership, type Me, type UserMemberships } from '@showroom/contracts';
import { problems, type Principal } from '@showroom/server-kit';
import type { PeopleRepository } from './repository';

export class PeopleService {
  constructor(private readonly people: PeopleRepository) {}

  /** The signed-in user's profile and what they may do at each of their dealerships. */
  async me(principal: Principal): Promise<Me> {
    const user = await this.people.findUser(principal.userId);
    if (!user) {
      throw problems.notFound('A Showroom profile for this account (ask your dealership for an invitation)');
    }
    const memberships = await this.people.membershipsOf(user.id);
    return {
      ...user,
      memberships: memberships.map(({ dealership, role }) => ({
        dealership,
        role,
        permissions: [...permissionsOf(role)],
      })),
    };
  }

  async dealershipsOf(principal: Principal): Promise<Dealership[]> {
    const memberships = await this.people.membershipsOf(principal.userId);
    return memberships.map((m) => m.dealership);
  }

  /** Every dealership and its group, for services that name rooftops (inventory search). */
  async directory(): Promise<Dealership[]> {
    return this.people.allDealerships();
  }

  /** What the identity provider puts into a user's access token. */
  async membershipsForToken(userId: string): Promise<UserMemberships> {
    return { userId, memberships: await this.people.membershipClaimsOf(userId) };
  }
}
