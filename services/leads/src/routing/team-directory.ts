import { TeamListSchema, type TeamMember } from '@showroom/contracts';
import { getFromService, type ServiceTokens } from '@showroom/server-kit';

/** Who works at a dealership, from services/users (the source of truth for people and roles). */
export interface TeamDirectory {
  /** The team as recently read (a cached answer may be some seconds old). */
  team(dealershipId: string): Promise<TeamMember[]>;
  /** The team as the users service answers it now (a change must see who just left or came back). */
  freshTeam(dealershipId: string): Promise<TeamMember[]>;
  member(dealershipId: string, userId: string): Promise<TeamMember | null>;
}

/** Reads the users service, keeping each dealership's team a short while (15 s by default). */
export class UsersServiceDirectory implements TeamDirectory {
  private readonly cache = new Map<string, { members: TeamMember[]; until: number }>();

  constructor(
    private readonly usersApiUrl: string,
    private readonly tokens: ServiceTokens,
    private readonly ttlMs = 15_000,
    private readonly now: () => number = Date.now,
  ) {}

  async team(dealershipId: string): Promise<TeamMember[]> {
    const hit = this.cache.get(dealershipId);
    if (hit && hit.until > this.now()) return hit.members;
    const list = await getFromService(
      this.usersApiUrl,
      `/api/users/internal/dealerships/${encodeURIComponent(dealershipId)}/team`,
      TeamListSchema,
      this.tokens,
    );
    const members = list?.items ?? [];
    this.cache.set(dealershipId, { members, until: this.now() + this.ttlMs });
    return members;
  }

  async freshTeam(dealershipId: string): Promise<TeamMember[]> {
    this.cache.delete(dealershipId);
    return this.team(dealershipId);
  }

  async member(dealershipId: string, userId: string): Promise<TeamMember | null> {
    // A reassignment must see someone who just joined or came back: ask fresh.
    return (await this.freshTeam(dealershipId)).find((m) => m.id === userId) ?? null;
  }
}
