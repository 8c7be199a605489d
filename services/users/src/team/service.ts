import { roleHasPermission, type TeamMember } from '@showroom/contracts';
import { problems, type Tenant } from '@showroom/server-kit';
import type { TeamRepository } from './repository';

/** The people of one dealership and who of them takes new leads. Knows nothing of HTTP. */
export class TeamService {
  constructor(private readonly team: TeamRepository) {}

  async list(dealershipId: string): Promise<TeamMember[]> {
    return this.team.listTeam(dealershipId);
  }

  /** For service callers: a dealership that does not exist is a 404, not an empty team. */
  async listForService(dealershipId: string): Promise<TeamMember[]> {
    if (!(await this.team.dealershipExists(dealershipId)))
      throw problems.notFound(`Dealership ${dealershipId}`);
    return this.team.listTeam(dealershipId);
  }

  /** A person may switch themselves; switching someone else takes team:manage. */
  async setAvailability(tenant: Tenant, userId: string, available: boolean): Promise<TeamMember> {
    const self = tenant.principal.userId === userId;
    if (!self && !roleHasPermission(tenant.role, 'team:manage')) {
      throw problems.forbidden(
        `Your role (${tenant.role}) does not allow team:manage: you may change only your own availability.`,
      );
    }
    if (!(await this.team.setAvailable(tenant.dealershipId, userId, available))) {
      throw problems.notFound(`Team member ${userId}`);
    }
    const member = await this.team.findMember(tenant.dealershipId, userId);
    if (!member) throw problems.notFound(`Team member ${userId}`);
    return member;
  }
}
