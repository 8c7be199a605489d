import { DealershipListSchema, type Dealership } from '@showroom/contracts';
import { getFromService, type ServiceTokens } from '@showroom/server-kit';

/** A dealership as inventory needs to know it: its name, and the group it belongs to. */
export interface Rooftop {
  id: string;
  name: string;
  groupId: string | null;
  groupName: string | null;
}

/** Names rooftops and groups; the users service is the source of truth. */
export interface RooftopDirectory {
  /** The rooftop, or null when no dealership has this id. */
  rooftop(id: string): Promise<Rooftop | null>;
  /** Every rooftop of the group, by name; empty when there is no such group. */
  rooftopsOfGroup(groupId: string): Promise<Rooftop[]>;
}

interface Snapshot {
  byId: Map<string, Rooftop>;
  fetchedAt: number;
}

const rooftopOf = (dealership: Dealership): Rooftop => ({
  id: dealership.id,
  name: dealership.name,
  groupId: dealership.dealerGroupId,
  groupName: dealership.dealerGroupName,
});

/**
 * The users service's directory, kept in memory: dealerships are few and change rarely, and every
 * search names its rooftops. Refreshed after `maxAgeMs`, and sooner when an unknown id is asked for
 * (a rooftop onboarded a moment ago), at most once per `missRefreshMs`. When the users service is
 * down, the last copy keeps answering; with no copy at all, the error reaches the caller.
 */
export class UsersServiceRooftops implements RooftopDirectory {
  private snapshot: Snapshot | undefined;
  private pending: Promise<Snapshot> | undefined;
  /** The last failed fetch: while it is recent, callers get its error at once instead of waiting again. */
  private failure: { at: number; error: unknown } | undefined;

  constructor(
    private readonly usersApiUrl: string,
    private readonly tokens: ServiceTokens,
    private readonly options: { maxAgeMs?: number; missRefreshMs?: number; now?: () => number } = {},
  ) {}

  async rooftop(id: string): Promise<Rooftop | null> {
    const key = id.toLowerCase();
    const snapshot = await this.knowing((byId) => byId.has(key));
    return snapshot.byId.get(key) ?? null;
  }

  async rooftopsOfGroup(groupId: string): Promise<Rooftop[]> {
    const key = groupId.toLowerCase();
    const inGroup = (rooftop: Rooftop) => rooftop.groupId?.toLowerCase() === key;
    const snapshot = await this.knowing((byId) => [...byId.values()].some(inGroup));
    return [...snapshot.byId.values()].filter(inGroup);
  }

  /** The current copy, fetched again first when it lacks what is asked for and may be out of date. */
  private async knowing(has: (byId: Map<string, Rooftop>) => boolean): Promise<Snapshot> {
    const snapshot = await this.current();
    if (has(snapshot.byId) || this.age(snapshot) < (this.options.missRefreshMs ?? 5_000)) return snapshot;
    return this.refresh().catch(() => snapshot);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private age(snapshot: Snapshot): number {
    return this.now() - snapshot.fetchedAt;
  }

  private async current(): Promise<Snapshot> {
    if (!this.snapshot) return this.refresh();
    if (this.age(this.snapshot) >= (this.options.maxAgeMs ?? 60_000)) {
      const stale = this.snapshot;
      return this.refresh().catch(() => stale);
    }
    return this.snapshot;
  }

  private refresh(): Promise<Snapshot> {
    const failure = this.failure;
    if (failure && this.now() - failure.at < (this.options.missRefreshMs ?? 5_000)) {
      return Promise.reject(failure.error);
    }
    this.pending ??= this.fetch()
      .catch((error: unknown) => {
        this.failure = { at: this.now(), error };
        throw error;
      })
      .finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async fetch(): Promise<Snapshot> {
    const list = await getFromService(
      this.usersApiUrl,
      '/api/users/internal/dealerships',
      DealershipListSchema,
      this.tokens,
    );
    const byId = new Map((list?.items ?? []).map((d) => [d.id.toLowerCase(), rooftopOf(d)]));
    this.snapshot = { byId, fetchedAt: this.now() };
    this.failure = undefined;
    return this.snapshot;
  }
}
