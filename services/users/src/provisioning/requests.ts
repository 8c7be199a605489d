import { sql, type Kysely, type Selectable } from 'kysely';
import { PROVISIONING_STEPS, type ProvisioningStatus, type ProvisioningStep } from '@showroom/contracts';
import { acrossDealerships, forDealership } from '@showroom/server-mysql';
import type { UsersDatabase, WebsiteProvisioningStepTable, WebsiteProvisioningTable } from '../database';

/**
 * A run taken by a worker keeps its state while its lease lasts: a new request then leaves it
 * running (the worker sees the newer version when it finishes and runs again), so no second worker
 * can take the same site meanwhile.
 */
const stateAfterRequest = (now: Date) =>
  sql<
    WebsiteProvisioningTable['state']
  >`IF(state = 'running' AND claimed_until > ${now}, 'running', 'pending')`;

/**
 * Asks for the dealership's website, as of `version`, to be provisioned, due now. Call it inside
 * the transaction that changes the website (or creates the rooftop): the request row is the
 * outbox, so the change and its provisioning commit together or not at all.
 */
export async function requestProvisioning(
  trx: Kysely<UsersDatabase>,
  dealershipId: string,
  version: number,
): Promise<void> {
  const now = new Date();
  await forDealership(trx, dealershipId)
    .insertInto('website_provisioning')
    .values({
      version,
      state: 'pending',
      attempts: 0,
      next_attempt_at: now,
      updated_at: now,
    })
    .onDuplicateKeyUpdate({
      version: sql<number>`GREATEST(version, ${version})`,
      state: stateAfterRequest(now),
      attempts: 0,
      last_error: null,
      next_attempt_at: now,
      updated_at: now,
    })
    .execute();
}

/**
 * Runs the dealership's provisioning again now (the owner's Retry, or a republish of a live site:
 * every step is harmless to repeat). A dealership never requested has nothing to retry.
 */
export async function retryProvisioning(db: Kysely<UsersDatabase>, dealershipId: string): Promise<void> {
  const now = new Date();
  await forDealership(db, dealershipId)
    .updateTable('website_provisioning')
    .set({ state: stateAfterRequest(now), next_attempt_at: now, updated_at: now })
    .execute();
}

/**
 * The provisioning of each dealership asked about, every one in the map: one never requested
 * reads as pending at version 0. Steps are those of the requested version; a step that last ran
 * for an older version reads as pending. The unserved domains are those attach-domain last found,
 * kept until it runs again (a newer version's request leaves them as they were).
 */
export async function provisioningStatusOf(
  db: Kysely<UsersDatabase>,
  dealershipIds: string[],
): Promise<Map<string, ProvisioningStatus>> {
  const statuses = new Map<string, ProvisioningStatus>();
  if (dealershipIds.length === 0) return statuses;
  const across = acrossDealerships(db);
  const [requests, steps] = await Promise.all([
    across
      .selectFrom('website_provisioning')
      .selectAll()
      .where('dealership_id', 'in', dealershipIds)
      .execute(),
    across
      .selectFrom('website_provisioning_steps')
      .selectAll()
      .where('dealership_id', 'in', dealershipIds)
      .execute(),
  ]);
  const byDealership = new Map(requests.map((row) => [row.dealership_id, row]));
  for (const dealershipId of dealershipIds) {
    const request = byDealership.get(dealershipId);
    const ownSteps = steps.filter((step) => step.dealership_id === dealershipId);
    statuses.set(dealershipId, statusOf(request, ownSteps));
  }
  return statuses;
}

function statusOf(
  request: Selectable<WebsiteProvisioningTable> | undefined,
  steps: Array<Selectable<WebsiteProvisioningStepTable>>,
): ProvisioningStatus {
  const version = request?.version ?? 0;
  return {
    state: request?.state ?? 'pending',
    version,
    steps: PROVISIONING_STEPS.map((name): ProvisioningStep => {
      const row = steps.find((step) => step.step === name);
      if (!row || row.version < version) {
        return {
          step: name,
          status: 'pending',
          attempts: 0,
          lastError: null,
          detail: null,
          finishedAt: null,
        };
      }
      return {
        step: name,
        status: row.status,
        attempts: row.attempts,
        lastError: row.last_error,
        detail: row.detail,
        finishedAt: row.finished_at?.toISOString() ?? null,
      };
    }),
    nextAttemptAt: request?.state === 'failed' ? (request.next_attempt_at?.toISOString() ?? null) : null,
    liveAt:
      request && (request.version_live ?? 0) >= version ? (request.live_at?.toISOString() ?? null) : null,
    unservedDomains: unservedDomainsOf(request?.unserved_domains ?? null),
  };
}

/** What provisioning last put live for a dealership: whether its site ever went live, and the own domains not served yet. */
export interface LiveSite {
  everLive: boolean;
  unservedDomains: string[];
}

export async function liveSiteOf(db: Kysely<UsersDatabase>, dealershipId: string): Promise<LiveSite> {
  const request = await forDealership(db, dealershipId)
    .selectFrom('website_provisioning')
    .select(['version_live', 'unserved_domains'])
    .executeTakeFirst();
  return {
    everLive: (request?.version_live ?? null) !== null,
    unservedDomains: unservedDomainsOf(request?.unserved_domains ?? null),
  };
}

/** The unserved_domains column read back: a JSON array of names; NULL (or anything else) is none. */
function unservedDomainsOf(column: string | null): string[] {
  if (!column) return [];
  try {
    const parsed: unknown = JSON.parse(column);
    return Array.isArray(parsed) ? parsed.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return [];
  }
}
