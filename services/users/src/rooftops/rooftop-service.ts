import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  RooftopInputSchema,
  type GroupRooftop,
  type GroupRooftopList,
  type ProvisioningStatus,
} from '@showroom/contracts';
import { problems, type Tenant } from '@showroom/server-kit';
import { forDealership, isDuplicateKeyError } from '@showroom/server-mysql';
import type { z } from 'zod';
import type { UsersDatabase } from '../database';
import { provisioningStatusOf, requestProvisioning } from '../provisioning/requests';
import { claimDomains } from '../websites/domains';
import type { SiteUrls } from '../websites/site-urls';
import { addressOf, defaultWebsite, type DealershipRow } from '../websites/website-row';
import { rooftopRepository } from './repository';
import { unusedSlug } from './slugs';

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

  /** The active dealership's group (a dealership in no group: itself alone). */
  async list(dealershipId: string): Promise<GroupRooftopList> {
    const dealership = await this.db
      .selectFrom('dealerships')
      .selectAll()
      .where('id', '=', dealershipId)
      .executeTakeFirst();
    if (!dealership) throw problems.notFound('This dealership');
    const groupId = dealership.dealer_group_id;
    const [rooftops, groupName] = groupId
      ? await Promise.all([
          rooftopRepository.ofGroup(this.db, groupId),
          rooftopRepository.groupName(this.db, groupId),
        ])
      : [[dealership], null];
    return { groupId, groupName, items: await this.describe(rooftops) };
  }

  /** Onboards a rooftop into the active dealership's group (made for it when it has none); the caller owns it. */
  async create(tenant: Tenant, input: RooftopInput): Promise<GroupRooftop> {
    if (input.domain && this.urls.isPlatformHost(input.domain)) {
      throw problems.validation([
        {
          name: 'body.domain',
          reason: `${input.domain} is a Showroom address; give the rooftop’s own domain`,
        },
      ]);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const id = await this.db.transaction().execute((trx) => this.insertRooftop(trx, tenant, input));
        const [rooftop] = await this.describe([await this.dealership(id)]);
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
    const group = await this.groupOf(trx, active);
    if (await rooftopRepository.nameTakenInGroup(trx, group.id, input.name)) {
      throw problems.conflict(`${group.name} already has a rooftop named ${input.name}.`, [
        { name: 'body.name', reason: `is already a rooftop of ${group.name}` },
      ]);
    }
    const id = randomUUID();
    const { address } = input;
    await trx
      .insertInto('dealerships')
      .values({
        id,
        dealer_group_id: group.id,
        name: input.name,
        slug: await unusedSlug(trx, input.name),
        street: address.street,
        city: address.city,
        region: address.region,
        postal_code: address.postalCode,
        country: address.country,
        phone: input.phone ?? null,
        time_zone: input.timeZone,
      })
      .execute();
    await this.ensureProfile(trx, tenant);
    const rooftop = forDealership(trx, id);
    await rooftop
      .insertInto('memberships')
      .values({ user_id: tenant.principal.userId, role: 'owner' })
      .execute();
    const domains = input.domain ? [input.domain] : [];
    const { dealership_id: _, ...website } = defaultWebsite(id);
    await rooftop
      .insertInto('websites')
      .values({ ...website, custom_domains: JSON.stringify(domains) })
      .execute();
    await claimDomains(trx, id, domains, () => 'body.domain');
    await requestProvisioning(trx, id, 1);
    return id;
  }

  /**
   * The owner's membership needs their profile. Anyone acting as an owner has one (memberships come
   * from here); should the identity provider know them alone, the token's e-mail and name make it.
   */
  private async ensureProfile(trx: Kysely<UsersDatabase>, tenant: Tenant): Promise<void> {
    const { userId, email, name } = tenant.principal;
    const known = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (known) return;
    if (!email) throw problems.forbidden('Your account has no Showroom profile to own the rooftop with.');
    await trx
      .insertInto('users')
      .values({ id: userId, email, name: name ?? email })
      .execute();
  }

  /** The active dealership's group, made now (named after it) when it is a standalone dealership. */
  private async groupOf(
    trx: Kysely<UsersDatabase>,
    active: DealershipRow,
  ): Promise<{ id: string; name: string }> {
    if (active.dealer_group_id) {
      const group = await rooftopRepository.lockGroup(trx, active.dealer_group_id);
      if (group) return group;
    }
    const group = { id: randomUUID(), name: `${active.name} Group` };
    await trx.insertInto('dealer_groups').values(group).execute();
    await trx
      .updateTable('dealerships')
      .set({ dealer_group_id: group.id })
      .where('id', '=', active.id)
      .execute();
    return group;
  }

  private async dealership(id: string): Promise<DealershipRow> {
    return this.db.selectFrom('dealerships').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
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
