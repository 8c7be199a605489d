import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  RooftopInputSchema,
  type GroupRooftop,
  type GroupRooftopList,
  type ProvisioningStatus,
} from '@showroom/contracts';
import { problems, type Tenant } from '@showroom/server-kit';
import { isDuplicateKeyError } from '@showroom/server-mysql';
import type { z } from 'zod';
import type { UsersDatabase } from '../database';
import { provisioningStatusOf, requestProvisioning } from '../provisioning/requests';
import { claimDomains, refuseShowroomDomains } from '../websites/domains';
import type { SiteUrls } from '../websites/site-urls';
import { addressOf, type DealershipRow } from '../websites/website-row';
import { rooftopRepository } from './repository';
import { slugOf, unusedSlug } from './slugs';

export type RooftopInput = z.output<typeof RooftopInputSchema>;

/** Two owners onboarding rooftops of the same name elsewhere at once can race for a slug: try again. */
const SLUG_ATTEMPTS = 3;

/**
 * A dealer group's rooftops, and onboarding a new one: the dealership, its owner, its website and
 * the request to provision its site are written in one transaction, so a rooftop never exists
 * without its site on the way, and a failure leaves nothing behind.
 */
export class RooftopService {
  constructor(
    private readonly db: Kysely<UsersDatabase>,
    private readonly urls: SiteUrls,
  ) {}

  /** The active dealership's group (a dealership in no group: itself alone); the caller must own all of it. */
  async list(tenant: Tenant): Promise<GroupRooftopList> {
    const { groupId, groupName, rooftops } = await this.ownedGroup(tenant);
    return { groupId, groupName, items: await this.describe(rooftops) };
  }

  /**
   * The active dealership's group (a dealership in no group: itself alone), once the caller is
   * found to own every rooftop of it; 403 otherwise.
   */
  async ownedGroup(
    tenant: Tenant,
  ): Promise<{ groupId: string | null; groupName: string | null; rooftops: DealershipRow[] }> {
    const dealership = await rooftopRepository.findDealership(this.db, tenant.dealershipId);
    if (!dealership) throw problems.notFound('This dealership');
    const groupId = dealership.dealer_group_id;
    const [rooftops, groupName] = groupId
      ? await Promise.all([
          rooftopRepository.ofGroup(this.db, groupId),
          rooftopRepository.groupName(this.db, groupId),
        ])
      : [[dealership], null];
    await this.requireOwnerOfAll(this.db, tenant, groupName ?? dealership.name, rooftops);
    return { groupId, groupName, rooftops };
  }

  /** Onboards a rooftop into the active dealership's group (made for it when it has none); the caller owns it. */
  async create(tenant: Tenant, input: RooftopInput): Promise<GroupRooftop> {
    refuseShowroomDomains(this.urls, input.domain ? [input.domain] : [], () => 'body.domain');
    for (let attempt = 1; ; attempt++) {
      try {
        const id = await this.db.transaction().execute((trx) => this.insertRooftop(trx, tenant, input));
        const created = await rooftopRepository.findDealership(this.db, id);
        const [rooftop] = created ? await this.describe([created]) : [];
        if (!rooftop) throw new Error(`rooftop ${id} vanished after it was created`);
        return rooftop;
      } catch (error) {
        if (attempt >= SLUG_ATTEMPTS || !isDuplicateKeyError(error, 'slug')) throw error;
      }
    }
  }

  private async insertRooftop(
    trx: Kysely<UsersDatabase>,
    tenant: Tenant,
    input: RooftopInput,
  ): Promise<string> {
    const active = await rooftopRepository.lockDealership(trx, tenant.dealershipId);
    if (!active) throw problems.notFound('This dealership');
    const existing = active.dealer_group_id
      ? await rooftopRepository.lockGroup(trx, active.dealer_group_id)
      : null;
    const members = existing ? await rooftopRepository.ofGroup(trx, existing.id) : [active];
    await this.requireOwnerOfAll(trx, tenant, existing?.name ?? active.name, members);
    const group = existing ?? (await this.newGroupFor(trx, active));
    if (await rooftopRepository.nameTakenInGroup(trx, group.id, input.name)) {
      throw problems.conflict(`${group.name} already has a rooftop named ${input.name}.`, [
        { name: 'body.name', reason: `is already a rooftop of ${group.name}` },
      ]);
    }
    const id = randomUUID();
    const { address } = input;
    const slug = slugOf(input.name);
    await rooftopRepository.insertDealership(trx, {
      id,
      dealer_group_id: group.id,
      name: input.name,
      slug: unusedSlug(slug, await rooftopRepository.slugsLike(trx, slug)),
      street: address.street,
      city: address.city,
      region: address.region,
      postal_code: address.postalCode,
      country: address.country,
      phone: input.phone ?? null,
      time_zone: input.timeZone,
    });
    await this.ensureProfile(trx, tenant);
    await rooftopRepository.insertOwner(trx, id, tenant.principal.userId);
    const domains = input.domain ? [input.domain] : [];
    await rooftopRepository.insertWebsite(trx, id, domains);
    await claimDomains(trx, id, domains, () => 'body.domain');
    await requestProvisioning(trx, id, 1);
    return id;
  }

  /**
   * A dealer group's rooftops, their sites' provisioning and a new rooftop are its owner's: whoever
   * owns every rooftop of it (a standalone dealership: owns it). An owner of one rooftop is that
   * rooftop's owner, not the group's. The active dealership's ownership is the token's (the route's
   * permission was checked on it); every other rooftop's is the register's, so a rooftop added since
   * the token was issued counts too.
   */
  private async requireOwnerOfAll(
    db: Kysely<UsersDatabase>,
    tenant: Tenant,
    groupName: string,
    rooftops: DealershipRow[],
  ): Promise<void> {
    const others = rooftops.map((rooftop) => rooftop.id).filter((id) => id !== tenant.dealershipId);
    const owned =
      (tenant.role === 'owner' ? 1 : 0) +
      (await rooftopRepository.ownedBy(db, tenant.principal.userId, others));
    if (owned === rooftops.length) return;
    throw problems.forbidden(
      `Only an owner of every rooftop of ${groupName} may add rooftops or see them all; you own ${owned} of its ${rooftops.length}.`,
    );
  }

  /**
   * The owner's membership needs their profile. Anyone acting as an owner has one (memberships come
   * from here); should the identity provider know them alone, the token's e-mail and name make it.
   */
  private async ensureProfile(trx: Kysely<UsersDatabase>, tenant: Tenant): Promise<void> {
    const { userId, email, name } = tenant.principal;
    if (await rooftopRepository.userExists(trx, userId)) return;
    if (!email) throw problems.forbidden('Your account has no Showroom profile to own the rooftop with.');
    await rooftopRepository.insertUser(trx, { id: userId, email, name: name ?? email });
  }

  /** A standalone dealership's onboarding makes its group, named after it. */
  private async newGroupFor(
    trx: Kysely<UsersDatabase>,
    active: DealershipRow,
  ): Promise<{ id: string; name: string }> {
    const group = { id: randomUUID(), name: `${active.name} Group` };
    await rooftopRepository.insertGroupOf(trx, group, active.id);
    return group;
  }

  private async describe(rooftops: DealershipRow[]): Promise<GroupRooftop[]> {
    const ids = rooftops.map((rooftop) => rooftop.id);
    const [domains, statuses] = await Promise.all([
      rooftopRepository.customDomainsOf(this.db, ids),
      provisioningStatusOf(this.db, ids),
    ]);
    return rooftops.map((rooftop) => ({
      id: rooftop.id,
      name: rooftop.name,
      slug: rooftop.slug,
      address: addressOf(rooftop),
      timeZone: rooftop.time_zone,
      siteUrl: this.urls.siteUrlOf(rooftop.slug, domains.get(rooftop.id) ?? []),
      provisioning: statuses.get(rooftop.id) as ProvisioningStatus,
      createdAt: rooftop.created_at.toISOString(),
    }));
  }
}
