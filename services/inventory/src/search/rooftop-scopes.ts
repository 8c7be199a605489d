import { roleHasPermission } from '@showroom/contracts';
import type { Logger } from 'pino';
import { problems, type Principal } from '@showroom/server-kit';
import type { Rooftop, RooftopDirectory } from '../rooftops/rooftop-directory';

/** Which rooftops a search may read: the caller's own, their group's, or a website's. */
export class RooftopScopes {
  constructor(
    private readonly directory: RooftopDirectory,
    private readonly logger: Logger,
  ) {}

  /**
   * The active dealership, named. The token already granted it; if the directory cannot be reached,
   * the search still runs and only the rooftop's name is missing.
   */
  async own(dealershipId: string): Promise<Rooftop> {
    const rooftop = await this.directory.rooftop(dealershipId).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'rooftop directory unavailable; searching without rooftop names');
      return null;
    });
    return rooftop ?? { id: dealershipId, name: '', groupId: null, groupName: null };
  }

  /**
   * The rooftops of the active dealership's group that the caller may read inventory at: never one
   * the token does not grant, even within the group. Without a group, the active dealership alone.
   */
  async groupOf(dealershipId: string, principal: Principal): Promise<Rooftop[]> {
    const own = await this.own(dealershipId);
    if (!own.groupId) return [own];
    const readable = new Set(
      principal.memberships
        .filter((membership) => roleHasPermission(membership.role, 'inventory:read'))
        .map((membership) => membership.dealershipId.toLowerCase()),
    );
    const group = await this.directory.rooftopsOfGroup(own.groupId);
    const rooftops = group.filter((rooftop) => readable.has(rooftop.id.toLowerCase()));
    return rooftops.length > 0 ? rooftops : [own];
  }

  /** A dealership whose website asks; 404 when there is none. */
  async publicRooftop(dealershipId: string): Promise<Rooftop> {
    const rooftop = await this.lookUp(() => this.directory.rooftop(dealershipId));
    if (!rooftop) throw problems.notFound(`Dealership ${dealershipId}`);
    return rooftop;
  }

  /** A group whose website asks; 404 when it has no rooftops. */
  async publicGroup(groupId: string): Promise<Rooftop[]> {
    const rooftops = await this.lookUp(() => this.directory.rooftopsOfGroup(groupId));
    if (rooftops.length === 0) throw problems.notFound(`Dealer group ${groupId}`);
    return rooftops;
  }

  private async lookUp<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      this.logger.warn({ err: error }, 'rooftop directory unavailable');
      throw problems.serviceUnavailable('The dealership directory cannot be reached; try again shortly.');
    }
  }
}
