import type { Kysely } from 'kysely';
import {
  mayGrantRole,
  type AdminMember,
  type AdminMemberList,
  type MemberDetail,
  type PersonRef,
  type Role,
} from '@showroom/contracts';
import { problems, type Tenant } from '@showroom/server-kit';
import { transactionRetryingDeadlocks } from '@showroom/server-mysql';
import type { Logger } from 'pino';
import type { UsersDatabase } from '../database';
import { IdentityUnavailableError, type IdentityPort, type IdentityUser } from '../identity/identity-port';
import { MemberEvents } from './member-events';
import { MemberRepository, type MemberRow } from './member-repository';
import type { MemberReleases } from './member-releases';

const RECENT_SIGN_INS = 10;

export interface MemberAdminDeps {
  db: Kysely<UsersDatabase>;
  identity: IdentityPort;
  /** Gives a deactivated member's open leads back to round-robin. */
  releases: MemberReleases;
  logger: Logger;
}

/**
 * Owners and managers administer their dealership's people: roles, deactivation, ownership. Every
 * change is recorded with who made it. Knows nothing of HTTP.
 */
export class MemberAdmin {
  constructor(private readonly deps: MemberAdminDeps) {}

  async list(tenant: Tenant): Promise<AdminMemberList> {
    const rows = await new MemberRepository(this.deps.db).list(tenant.dealershipId);
    const identities = await this.identitiesOf(rows.map((row) => row.id));
    return {
      items: rows.map((row) => toAdminMember(row, identities?.get(row.id))),
      signInsKnown: identities !== undefined,
    };
  }

  async detail(tenant: Tenant, userId: string): Promise<MemberDetail> {
    const { db, identity } = this.deps;
    const row = await this.existing(new MemberRepository(db), tenant, userId);
    const history = await new MemberEvents(db).historyOf(tenant.dealershipId, userId);
    const known = await this.askIdentity(async () => ({
      user: await identity.user(userId),
      signIns: await identity.recentSignIns(userId, RECENT_SIGN_INS),
    }));
    return {
      ...toAdminMember(row, known?.user),
      history,
      recentSignIns: known?.signIns ?? [],
      signInsKnown: known !== undefined,
      mfaEnrolled: known?.user ? known.user.mfaEnrolled : null,
    };
  }

  async changeRole(tenant: Tenant, userId: string, role: Role): Promise<AdminMember> {
    this.refuseSelf(tenant, userId, 'change your own role');
    if (!mayGrantRole(tenant.role, role)) {
      throw problems.forbidden(`A ${tenant.role} cannot make someone ${withArticle(role)}.`);
    }
    return this.change(tenant, userId, async ({ members, events, member }) => {
      this.refuseOwnerUnlessOwner(tenant, member, 'change an owner’s role');
      if (member.role === role) return;
      if (member.role === 'owner') await this.keepAnOwner(members, tenant, member, 'without an owner');
      await members.setRole(tenant.dealershipId, userId, role);
      await events.record(tenant.dealershipId, {
        userId,
        action: 'role_changed',
        actor: actorOf(tenant),
        fromRole: member.role,
        toRole: role,
      });
    });
  }

  async deactivate(tenant: Tenant, userId: string): Promise<AdminMember> {
    this.refuseSelf(tenant, userId, 'deactivate yourself');
    const member = await this.change(tenant, userId, async ({ trx, members, events, member }) => {
      this.refuseOwnerUnlessOwner(tenant, member, 'deactivate an owner');
      if (member.status === 'deactivated') return;
      if (member.role === 'owner') await this.keepAnOwner(members, tenant, member, 'without an active owner');
      await members.setStatus(tenant.dealershipId, userId, 'deactivated');
      await events.record(tenant.dealershipId, { userId, action: 'deactivated', actor: actorOf(tenant) });
      await this.deps.releases.request(trx, tenant.dealershipId, userId);
      // Someone left with no dealership at all cannot sign in any more. Asked before the commit: if
      // the identity provider is away, nothing changes and the admin is told to try again.
      if ((await members.activeMembershipCount(userId)) === 0)
        await this.deps.identity.setBlocked(userId, true);
    });
    // Their open leads go back to round-robin now; the outbox row retries should leads be away.
    void this.deps.releases.deliverDue();
    return member;
  }

  async reactivate(tenant: Tenant, userId: string): Promise<AdminMember> {
    return this.change(tenant, userId, async ({ members, events, member }) => {
      this.refuseOwnerUnlessOwner(tenant, member, 'reactivate an owner');
      if (member.status === 'active') return;
      await members.setStatus(tenant.dealershipId, userId, 'active');
      await events.record(tenant.dealershipId, { userId, action: 'reactivated', actor: actorOf(tenant) });
      await this.deps.identity.setBlocked(userId, false);
    });
  }

  /** The member becomes an owner and the caller, an owner, becomes a manager. */
  async transferOwnership(tenant: Tenant, userId: string): Promise<AdminMember> {
    if (tenant.role !== 'owner') throw problems.forbidden('Only an owner can hand over ownership.');
    this.refuseSelf(tenant, userId, 'hand ownership to yourself');
    return this.change(tenant, userId, async ({ members, events, member }) => {
      if (member.status !== 'active')
        throw problems.conflict(`${member.name} is deactivated: reactivate them first.`);
      if (member.role === 'owner') throw problems.conflict(`${member.name} is already an owner.`);
      await members.lockActiveOwners(tenant.dealershipId);
      const actor = actorOf(tenant);
      await members.setRole(tenant.dealershipId, userId, 'owner');
      await members.setRole(tenant.dealershipId, tenant.principal.userId, 'manager');
      await events.record(
        tenant.dealershipId,
        { userId, action: 'ownership_transferred', actor, fromRole: member.role, toRole: 'owner' },
        { userId: actor.id, action: 'role_changed', actor, fromRole: 'owner', toRole: 'manager' },
      );
    });
  }

  /** Runs `work` on the locked membership in one transaction and answers the member as it is after. */
  private async change(
    tenant: Tenant,
    userId: string,
    work: (scope: {
      trx: Kysely<UsersDatabase>;
      members: MemberRepository;
      events: MemberEvents;
      member: MemberRow;
    }) => Promise<void>,
  ): Promise<AdminMember> {
    let after: MemberRow;
    try {
      after = await transactionRetryingDeadlocks(this.deps.db, async (trx) => {
        const members = new MemberRepository(trx);
        const member = await this.existing(members, tenant, userId, true);
        await work({ trx, members, events: new MemberEvents(trx), member });
        return this.existing(members, tenant, userId);
      });
    } catch (err) {
      if (err instanceof IdentityUnavailableError) {
        this.deps.logger.warn({ err }, 'identity provider unavailable; membership change rolled back');
        throw problems.serviceUnavailable(
          'The sign-in provider did not answer, so nothing was changed. Try again in a minute.',
        );
      }
      throw err;
    }
    return toAdminMember(after, undefined);
  }

  private async existing(
    members: MemberRepository,
    tenant: Tenant,
    userId: string,
    lock = false,
  ): Promise<MemberRow> {
    const member = await members.find(tenant.dealershipId, userId, lock);
    if (!member) throw problems.notFound(`Team member ${userId}`);
    return member;
  }

  private refuseSelf(tenant: Tenant, userId: string, what: string): void {
    if (tenant.principal.userId === userId) throw problems.forbidden(`You cannot ${what}.`);
  }

  private refuseOwnerUnlessOwner(tenant: Tenant, member: MemberRow, what: string): void {
    if (member.role === 'owner' && tenant.role !== 'owner')
      throw problems.forbidden(`Only an owner can ${what}.`);
  }

  private async keepAnOwner(
    members: MemberRepository,
    tenant: Tenant,
    member: MemberRow,
    consequence: string,
  ) {
    const owners = await members.lockActiveOwners(tenant.dealershipId);
    if (owners.filter((id) => id !== member.id).length === 0) {
      throw problems.conflict(
        `${member.name} is the dealership’s only active owner; this would leave it ${consequence}. Hand over ownership first.`,
      );
    }
  }

  private identitiesOf(userIds: string[]): Promise<Map<string, IdentityUser> | undefined> {
    return this.askIdentity(async () => {
      const users = userIds.length ? await this.deps.identity.users(userIds) : [];
      return new Map(users.map((user) => [user.id, user]));
    });
  }

  /** Sign-in facts are a nicety: without the identity provider the page still shows the team. */
  private async askIdentity<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof IdentityUnavailableError)) throw err;
      this.deps.logger.warn({ err }, 'identity provider unavailable; sign-in facts left out');
      return undefined;
    }
  }
}

function toAdminMember(row: MemberRow, identity: IdentityUser | undefined): AdminMember {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    available: row.available,
    status: row.status,
    joinedAt: row.joinedAt.toISOString(),
    lastSignInAt: identity?.lastSignInAt ?? null,
  };
}

export function actorOf(tenant: Tenant): PersonRef {
  const { principal } = tenant;
  return { id: principal.userId, name: principal.name ?? principal.email ?? principal.userId };
}

function withArticle(role: Role): string {
  return `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
}
