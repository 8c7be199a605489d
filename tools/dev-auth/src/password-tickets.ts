import { randomBytes } from 'node:crypto';

export interface PasswordTicket {
  accountSub: string;
  /** Where the browser goes once the password is set (Auth0's `result_url`). */
  resultUrl?: string;
  markEmailAsVerified: boolean;
  expiresAt: number;
}

export interface PasswordTicketOptions {
  ttlSeconds: number;
  resultUrl?: string;
  markEmailAsVerified?: boolean;
}

export interface PasswordTickets {
  /** A single-use link to dev-auth's change-password page, in Auth0's `/lo/reset?ticket=…#` form. */
  create(accountSub: string, options: PasswordTicketOptions): string;
  find(id: string): PasswordTicket | undefined;
  /** Ends the ticket (after its password was set); true when it was still open. */
  consume(id: string): boolean;
}

export const RESET_PATH = '/lo/reset';

/**
 * Password-change tickets, kept in memory like dev-auth's sessions: a restart ends them, and the
 * users service asks for a new one when an invitee comes back.
 */
export function passwordTickets(issuer: string, now: () => number = Date.now): PasswordTickets {
  const tickets = new Map<string, PasswordTicket>();
  const open = (id: string) => {
    const ticket = tickets.get(id);
    if (ticket && ticket.expiresAt <= now()) tickets.delete(id);
    return tickets.get(id);
  };
  return {
    create(accountSub, options) {
      for (const [id, ticket] of tickets) if (ticket.expiresAt <= now()) tickets.delete(id);
      const id = randomBytes(24).toString('base64url');
      tickets.set(id, {
        accountSub,
        resultUrl: options.resultUrl,
        markEmailAsVerified: options.markEmailAsVerified ?? false,
        expiresAt: now() + options.ttlSeconds * 1000,
      });
      return `${issuer.replace(/\/$/, '')}${RESET_PATH}?ticket=${id}#`;
    },
    find: open,
    consume: (id) => open(id) !== undefined && tickets.delete(id),
  };
}
