import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  INVITATION_LIFETIME_DAYS,
  mayGrantRole,
  type Invitation,
  type InvitationAccepted,
  type InvitationList,
  type InvitationPreview,
  type InvitationStatus,
} from '@showroom/contracts';
import { problems, type Tenant } from '@showroom/server-kit';
import { transactionRetryingDeadlocks } from '@showroom/server-mysql';
import type { Logger } from 'pino';
import type { UsersDatabase } from '../database';
import { IdentityUnavailableError, type IdentityPort, type IdentityUser } from '../identity/identity-port';
import { MemberEvents } from '../team/member-events';
import { MemberRepository } from '../team/member-repository';
import { actorOf } from '../team/member-admin';
import type { InvitationMail } from './invitation-mail';
import { InvitationRepository, type InvitationRow } from './invitation-repository';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Closed invitations stay in the list this long. */
const RECENT_DAYS = 30;
/** The identity provider's password page is a short-lived step right after accepting. */
const PASSWORD_TICKET_SECONDS = 60 * 60;

export interface InvitationDeps {
  db: Kysely<UsersDatabase>;
  identity: IdentityPort;
  mail: InvitationMail;
  /** The portal's origin: links lead to `<portal>/invitations/<token>`. */
  portalUrl: string;
  logger: Logger;
  clock?: () => Date;
}

/**
 * Invitations by e-mail: a single-use link that expires, sent again or revoked by owners and
 * managers, accepted by the invitee, who becomes a member with the role they were invited to.
 */
export class InvitationService {
  private readonly now: () => Date;

  constructor(private readonly deps: InvitationDeps) {
    this.now = deps.clock ?? (() => new Date());
  }

  async list(tenant: Tenant): Promise<InvitationList> {
    const since = new Date(this.now().getTime() - RECENT_DAYS * DAY_MS);
    const rows = await new InvitationRepository(this.deps.db).list(tenant.dealershipId, since);
    return { items: rows.map((row) => this.toInvitation(row)) };
  }

  async invite(
    tenant: Tenant,
    input: { email: string; name: string; role: Invitation['role'] },
  ): Promise<Invitation> {
    if (!mayGrantRole(tenant.role, input.role)) {
      throw problems.forbidden(`A ${tenant.role} cannot invite someone as ${input.role}.`);
    }
    const token = newToken();
    const id = randomUUID();
    await transactionRetryingDeadlocks(this.deps.db, async (trx) => {
      if (await new MemberRepository(trx).isMember(tenant.dealershipId, input.email)) {
        throw problems.conflict(`${input.email} is already a member of this dealership.`, [
          {
            name: 'email',
            reason: 'already a member (reactivate them from their page if they were deactivated)',
          },
        ]);
      }
      const invitations = new InvitationRepository(trx);
      const open = await invitations.findOpen(tenant.dealershipId, input.email);
      if (open && open.expiresAt > this.now()) {
        throw problems.conflict(`${input.email} already has a pending invitation: resend it instead.`, [
          { name: 'email', reason: 'has a pending invitation' },
        ]);
      }
      // An expired one is kept (as expired) but no longer open, so the new one can be.
      if (open) await invitations.close(tenant.dealershipId, open.id, { at: this.now() });
      await invitations.insert({
        id,
        dealershipId: tenant.dealershipId,
        ...input,
        tokenHash: hashOf(token),
        invitedBy: actorOf(tenant),
        expiresAt: this.expiry(),
      });
    });
    return this.sendAndShow(tenant.dealershipId, id, token);
  }

  /** A new link, valid for the full lifetime again; the previous link stops working. */
  async resend(tenant: Tenant, id: string): Promise<Invitation> {
    const token = newToken();
    await this.deps.db.transaction().execute(async (trx) => {
      const invitations = new InvitationRepository(trx);
      const row = await this.existing(invitations, tenant.dealershipId, id);
      const status = this.statusOf(row);
      if (status === 'accepted' || status === 'revoked') {
        throw problems.conflict(`This invitation was ${status}; it cannot be sent again.`);
      }
      if (status === 'expired' && row.closedAt) {
        throw problems.conflict('A newer invitation to this address exists; resend that one.');
      }
      await invitations.renew(tenant.dealershipId, id, hashOf(token), this.expiry());
    });
    return this.sendAndShow(tenant.dealershipId, id, token);
  }

  async revoke(tenant: Tenant, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const invitations = new InvitationRepository(trx);
      const row = await this.existing(invitations, tenant.dealershipId, id);
      if (row.acceptedAt)
        throw problems.conflict('This invitation was already accepted; deactivate the member instead.');
      if (!row.revokedAt) await invitations.close(tenant.dealershipId, id, { at: this.now(), revoked: true });
    });
  }

  /** What the link's page shows before the invitee accepts. */
  async preview(token: string): Promise<InvitationPreview> {
    const row = await this.openByToken(new InvitationRepository(this.deps.db), token);
    return {
      email: row.email,
      name: row.name,
      role: row.role,
      dealershipName: row.dealershipName,
      invitedByName: row.invitedBy.name,
      expiresAt: row.expiresAt.toISOString(),
    };
  }

  /**
   * Makes the invitee a member. A person new to Showroom gets an account at the identity provider
   * and a link to choose their password there; someone who already has one signs in.
   */
  async accept(token: string): Promise<InvitationAccepted> {
    const invitation = await this.openByToken(new InvitationRepository(this.deps.db), token);
    const { identity, person, passwordUrl } = await this.identityFor(invitation);
    await transactionRetryingDeadlocks(this.deps.db, async (trx) => {
      const invitations = new InvitationRepository(trx);
      const row = await this.openByToken(invitations, token, true);
      const members = new MemberRepository(trx);
      await members.upsertUser(person);
      if (await members.find(row.dealershipId, person.id)) {
        throw problems.conflict('You are already a member of this dealership: sign in.');
      }
      await members.add(row.dealershipId, person.id, row.role);
      await invitations.close(row.dealershipId, row.id, { at: this.now(), acceptedUserId: person.id });
      await new MemberEvents(trx).record(
        row.dealershipId,
        { userId: person.id, action: 'invited', actor: row.invitedBy, toRole: row.role, at: row.createdAt },
        { userId: person.id, action: 'joined', actor: null, toRole: row.role },
      );
    });
    // Someone deactivated everywhere before is blocked; joining a dealership lets them in again.
    if (identity.blocked) await this.identityCall(() => this.deps.identity.setBlocked(identity.id, false));
    return { next: passwordUrl ? 'set-password' : 'sign-in', passwordUrl, email: invitation.email };
  }

  private async identityFor(invitation: InvitationRow) {
    return this.identityCall(async () => {
      const { identity: port } = this.deps;
      let identity: IdentityUser | undefined = await port.findByEmail(invitation.email);
      identity ??= await port.create({ email: invitation.email, name: invitation.name });
      // Until they have chosen a password (which verifies the address), the account is not theirs yet.
      const passwordUrl = identity.emailVerified
        ? null
        : await port.passwordTicket(identity.id, {
            resultUrl: `${this.deps.portalUrl.replace(/\/+$/, '')}/`,
            ttlSeconds: PASSWORD_TICKET_SECONDS,
          });
      const person = { id: identity.id, email: identity.email, name: identity.name || invitation.name };
      return { identity, person, passwordUrl };
    });
  }

  private async identityCall<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof IdentityUnavailableError)) throw err;
      this.deps.logger.warn({ err }, 'identity provider unavailable while accepting an invitation');
      throw problems.serviceUnavailable(
        'Sign-in is not available right now, so the invitation was not accepted yet. Try again in a minute.',
      );
    }
  }

  private async openByToken(
    invitations: InvitationRepository,
    token: string,
    lock = false,
  ): Promise<InvitationRow> {
    const row = await invitations.findByTokenHash(hashOf(token), lock);
    if (!row) throw problems.notFound('Invitation');
    const status = this.statusOf(row);
    if (status !== 'pending') {
      throw problems.gone(
        `This invitation was ${status}. Ask ${row.invitedBy.name} at ${row.dealershipName} to send you a new one.`,
      );
    }
    return row;
  }

  private async existing(
    invitations: InvitationRepository,
    dealershipId: string,
    id: string,
  ): Promise<InvitationRow> {
    const row = await invitations.find(dealershipId, id, true);
    if (!row) throw problems.notFound(`Invitation ${id}`);
    return row;
  }

  /** Sends the e-mail after the commit; an undelivered one shows as not sent, to be resent. */
  private async sendAndShow(dealershipId: string, id: string, token: string): Promise<Invitation> {
    const invitations = new InvitationRepository(this.deps.db);
    const row = await invitations.find(dealershipId, id);
    if (!row) throw problems.notFound(`Invitation ${id}`);
    let shown = row;
    try {
      await this.deps.mail.send({
        to: row.email,
        inviteeName: row.name,
        inviterName: row.invitedBy.name,
        dealershipName: row.dealershipName,
        role: row.role,
        link: `${this.deps.portalUrl.replace(/\/+$/, '')}/invitations/${token}`,
        expiresAt: row.expiresAt,
      });
      const sentAt = this.now();
      await invitations.markSent(dealershipId, id, sentAt);
      shown = { ...row, sentAt, sendCount: row.sendCount + 1 };
    } catch (err) {
      this.deps.logger.warn({ err, invitationId: id }, 'the invitation e-mail could not be sent');
    }
    return this.toInvitation(shown);
  }

  private statusOf(row: InvitationRow): InvitationStatus {
    if (row.acceptedAt) return 'accepted';
    if (row.revokedAt) return 'revoked';
    if (row.closedAt || row.expiresAt <= this.now()) return 'expired';
    return 'pending';
  }

  private expiry(): Date {
    return new Date(this.now().getTime() + INVITATION_LIFETIME_DAYS * DAY_MS);
  }

  private toInvitation(row: InvitationRow): Invitation {
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      status: this.statusOf(row),
      invitedBy: row.invitedBy,
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
      sendCount: row.sendCount,
      acceptedAt: row.acceptedAt?.toISOString() ?? null,
    };
  }
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
