import express, { Router, type Response } from 'express';
import type { Logger } from 'pino';
import type { AccountStore } from './accounts';
import { escapeHtml, renderPage, sendPage } from './html';
import { newPasswordFields } from './password-fields';
import { renderMessagePage } from './login-page';
import { judgeNewPassword } from './password-policy';
import { RESET_PATH, type PasswordTicket, type PasswordTickets } from './password-tickets';

export interface PasswordResetDeps {
  accounts: AccountStore;
  tickets: PasswordTickets;
  logger: Logger;
  /** Called once a password was set through a ticket (e.g. to lift a lock-out). */
  onPasswordChanged?: (accountSub: string) => void | Promise<void>;
}

const EXPIRED = renderMessagePage({
  title: 'Link expired',
  message:
    'This link to set your password has expired or was already used. Ask for a new one: from the invitation page, or with “Forgot password” when you sign in.',
  status: 410,
});

/**
 * Auth0's change-password page (`/lo/reset?ticket=…`), where a ticket from the Management API
 * lets its holder choose a password under the connection's policy. The ticket is the secret:
 * single use, and the form carries it back.
 */
export function passwordResetRouter(deps: PasswordResetDeps): Router {
  const { accounts, tickets, logger } = deps;
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 10 });

  router.get(RESET_PATH, (req, res) => {
    const id = String(req.query['ticket'] ?? '');
    const ticket = tickets.find(id);
    if (!ticket) return sendPage(res, EXPIRED);
    sendForm(res, id, ticket);
  });

  router.post(RESET_PATH, form, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const id = typeof body['ticket'] === 'string' ? body['ticket'] : '';
    const password = typeof body['password'] === 'string' ? body['password'] : '';
    const confirmation = typeof body['confirmation'] === 'string' ? body['confirmation'] : '';
    const ticket = tickets.find(id);
    const account = ticket && accounts.findAccount(ticket.accountSub);
    if (!ticket || !account) return sendPage(res, EXPIRED);

    const problems =
      password === confirmation
        ? await judgeNewPassword(password, { accounts, ...account })
        : ['The two passwords are not the same.'];
    if (problems.length) return sendForm(res, id, ticket, problems);
    if (!tickets.consume(id)) return sendPage(res, EXPIRED);

    await accounts.setPassword(account.sub, password);
    if (ticket.markEmailAsVerified) await accounts.update(account.sub, { email_verified: true });
    await deps.onPasswordChanged?.(account.sub);
    logger.info({ sub: account.sub }, 'password changed with a ticket');

    if (ticket.resultUrl) {
      const target = new URL(ticket.resultUrl);
      target.searchParams.set('success', 'true');
      target.searchParams.set('message', 'You can now login to the application with the new password.');
      return res.redirect(303, target.toString());
    }
    sendPage(
      res,
      renderMessagePage({
        title: 'Password changed',
        message: 'You can now sign in with your new password.',
        status: 200,
      }),
    );
  });

  function sendForm(res: Response, id: string, ticket: PasswordTicket, problems: string[] = []): void {
    const account = accounts.findAccount(ticket.accountSub);
    const body = `
<h1>Choose your password</h1>
<p class="muted">for ${escapeHtml(account?.email)}</p>
<form method="post" action="${RESET_PATH}" novalidate>
<input type="hidden" name="ticket" value="${escapeHtml(id)}">
${newPasswordFields(account?.email ?? '', problems)}
<p class="muted" id="password-rules">At least 10 characters with three of: lower-case, upper-case, numbers and special characters; not a common password, not your name or e-mail, none of your last 5.</p>
<button type="submit">Set password</button>
</form>`;
    sendPage(res, renderPage({ title: 'Choose your password', body, status: problems.length ? 400 : 200 }));
  }

  return router;
}
