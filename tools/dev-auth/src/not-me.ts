import { createHash, randomBytes } from 'node:crypto';
import express, { Router } from 'express';
import type { Logger } from 'pino';
import type { AccountSessions } from './account-sessions';
import type { AccountStore } from './accounts';
import { escapeHtml, renderPage, sendPage } from './html';
import { renderMessagePage } from './login-page';
import { RESET_REQUEST_PATH } from './reset-request-page';

export const NOT_ME_PATH = '/u/not-me';
/** A login alert's "this wasn't me" link works for a week (in memory: a restart ends it sooner). */
export const NOT_ME_TTL_MS = 7 * 24 * 60 * 60_000;

export interface NotMeLinks {
  /** A single-use link, for the login alert, that secures `accountSub`. */
  create(accountSub: string): string;
  find(token: string): string | undefined;
  /** The account the link was for, once: the second caller gets undefined. */
  take(token: string): string | undefined;
}

/** Only digests are kept, so the map alone cannot act for anyone. */
export function notMeLinks(issuer: string, now: () => number): NotMeLinks {
  const links = new Map<string, { accountSub: string; expiresAt: number }>();
  const digest = (token: string) => createHash('sha256').update(token).digest('base64url');
  const find = (token: string) => {
    const key = digest(token);
    const link = links.get(key);
    if (link && link.expiresAt <= now()) links.delete(key);
    return links.get(key)?.accountSub;
  };
  return {
    create(accountSub) {
      for (const [key, link] of links) if (link.expiresAt <= now()) links.delete(key);
      const token = randomBytes(24).toString('base64url');
      links.set(digest(token), { accountSub, expiresAt: now() + NOT_ME_TTL_MS });
      return `${issuer.replace(/\/$/, '')}${NOT_ME_PATH}?token=${token}`;
    },
    find,
    take(token) {
      const accountSub = find(token);
      if (accountSub !== undefined) links.delete(digest(token));
      return accountSub;
    },
  };
}

export interface NotMeDeps {
  links: NotMeLinks;
  accounts: AccountStore;
  sessions: AccountSessions;
  passwordChangeUrl(accountSub: string): string;
  logger: Logger;
}

const EXPIRED = renderMessagePage({
  title: 'Link expired',
  message: `This link has expired or was already used. To secure your account, ask for a password reset link at ${RESET_REQUEST_PATH}.`,
  status: 410,
});

/**
 * The login alert's "this wasn't me": a confirmation page (mail scanners follow links with GET,
 * so nothing changes before the POST), then every session and grant of the account ends and the
 * person goes on to choose a new password.
 */
export function notMeRouter(deps: NotMeDeps): Router {
  const { links, accounts, logger } = deps;
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 5 });

  router.get(NOT_ME_PATH, (req, res) => {
    const token = String(req.query['token'] ?? '');
    const account = accounts.findAccount(links.find(token) ?? '');
    if (!account) return sendPage(res, EXPIRED);
    const body = `
<h1>Wasn't you?</h1>
<p>Someone signed in to <strong>${escapeHtml(account.email)}</strong>. If it was not you, secure the account now:</p>
<ul>
<li>every device and browser signed in to it is signed out;</li>
<li>you choose a new password, so the old one stops working.</li>
</ul>
<form method="post" action="${NOT_ME_PATH}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">Sign out everywhere and choose a new password</button>
</form>`;
    sendPage(res, renderPage({ title: 'Secure your account', body }));
  });

  router.post(NOT_ME_PATH, form, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const token = typeof body['token'] === 'string' ? body['token'] : '';
    const account = accounts.findAccount(links.take(token) ?? '');
    if (!account) return sendPage(res, EXPIRED);
    await deps.sessions.revokeAll(account.sub);
    logger.warn({ sub: account.sub }, 'sign-in reported as not the owner: sessions and grants revoked');
    res.redirect(303, deps.passwordChangeUrl(account.sub));
  });

  return router;
}
