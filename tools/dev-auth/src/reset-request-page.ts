import express, { Router } from 'express';
import type { Logger } from 'pino';
import type { AccountStore } from './accounts';
import { escapeHtml, renderPage, sendPage } from './html';
import { PASSWORD_CHANGE_TTL_TEXT } from './password-change-links';
import type { SendSecurityMail } from './security-mail';
import { clientAddress, REFUSAL_MESSAGES, type Refusal } from './sign-in-attempts';

export const RESET_REQUEST_PATH = '/u/reset-password';

export interface ResetRequestDeps {
  accounts: AccountStore;
  /** A single-use link to choose a new password (password-change-links.ts). */
  passwordChangeUrl(accountSub: string): string;
  /** Refuses requests from an address the sign-in throttle has stopped. */
  refusal(ip: string, email: string): Refusal | undefined;
  sendMail: SendSecurityMail;
  logger: Logger;
}

/**
 * "Forgot password" (Auth0's Universal Login reset request): e-mails a link to the change-password
 * page. The answer is the same whether the address has an account or not.
 */
export function resetRequestRouter(deps: ResetRequestDeps): Router {
  const { accounts, logger } = deps;
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 5 });

  router.get(RESET_REQUEST_PATH, (req, res) => {
    const email = typeof req.query['email'] === 'string' ? req.query['email'] : '';
    const body = `
<h1>Reset your password</h1>
<p class="muted">We will e-mail you a link to choose a new password.</p>
<form method="post" action="${RESET_REQUEST_PATH}" novalidate>
<label for="email">Email address</label>
<input id="email" name="email" type="email" inputmode="email" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus value="${escapeHtml(email)}">
<button type="submit">Send the link</button>
</form>`;
    sendPage(res, renderPage({ title: 'Reset your password', body }));
  });

  router.post(RESET_REQUEST_PATH, form, (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const email = typeof body['email'] === 'string' ? body['email'].trim() : '';
    const refused = deps.refusal(clientAddress(req.socket.remoteAddress), email);
    if (refused === 'address-throttled') {
      const message = `<h1>Try again later</h1><p>${escapeHtml(REFUSAL_MESSAGES[refused])}</p>`;
      return sendPage(res, renderPage({ title: 'Try again later', body: message, status: 429 }));
    }
    const account = email ? accounts.findByEmail(email) : undefined;
    if (account && !account.blocked) {
      logger.info({ sub: account.sub }, 'password reset link requested');
      void deps.sendMail({
        to: account.email,
        subject: 'Reset your Showroom password',
        text: `Hello ${account.name},

Someone (we hope you) asked to reset the password of your Showroom account ${account.email}.
Choose a new password here; the link works once, for ${PASSWORD_CHANGE_TTL_TEXT}:
${deps.passwordChangeUrl(account.sub)}

If you did not ask for this, ignore this e-mail: your password stays as it is.

— Showroom
`,
      });
    }
    const answer = `
<h1>Check your e-mail</h1>
<p>If <strong>${escapeHtml(email)}</strong> has a Showroom account, we have sent it a link to choose a new password. The link works once, for ${PASSWORD_CHANGE_TTL_TEXT}.</p>`;
    sendPage(res, renderPage({ title: 'Check your e-mail', body: answer }));
  });

  return router;
}
