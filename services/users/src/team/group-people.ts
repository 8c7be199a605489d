import type { Kysely } from 'kysely';
import type { GroupPeople, GroupPerson } from '@showroom/contracts';
import type { Tenant } from '@showroom/server-kit';
import type { UsersDatabase } from '../database';
import type { RooftopService } from '../rooftops/rooftop-service';
import { MemberRepository } from './member-repository';

/** A dealer group's people across its rooftops, in one view for the owner of every rooftop. */
export class GroupPeopleDirectory {
  constructor(
    private readonly db: Kysely<UsersDatabase>,
    private readonly rooftops: RooftopService,
  ) {}

  async list(tenant: Tenant): Promise<GroupPeople> {
    const { groupName, rooftops } = await this.rooftops.ownedGroup(tenant);
    const rows = await new MemberRepository(this.db).acrossRooftops(rooftops.map((rooftop) => rooftop.id));
    const people = new Map<string, GroupPerson>();
    for (const row of rows) {
      const person = people.get(row.id) ?? { id: row.id, name: row.name, email: row.email, memberships: [] };
      person.memberships.push({ dealershipId: row.dealership_id, role: row.role, status: row.status });
      people.set(row.id, person);
    }
    return {
      groupName,
      rooftops: rooftops.map((rooftop) => ({ id: rooftop.id, name: rooftop.name })),
      people: [...people.values()],
    };
  }
}
