import type { PasswordTickets } from './password-tickets';

/** How long the e-mailed links to choose a new password work (lock-out, reset request, expiry). */
export const PASSWORD_CHANGE_TTL_SECONDS = 24 * 60 * 60;
export const PASSWORD_CHANGE_TTL_TEXT = '24 hours';

/** Single-use links to the change-password page (password-change tickets), leading back to `resultUrl`. */
export function passwordChangeLinks(tickets: PasswordTickets, resultUrl: string | undefined) {
  return (accountSub: string): string =>
    tickets.create(accountSub, { ttlSeconds: PASSWORD_CHANGE_TTL_SECONDS, resultUrl });
}
