import express, { Router, type Request, type Response } from 'express';
import type Provider from 'oidc-provider';
import type { Interaction } from 'oidc-provider';
import type { Logger } from 'pino';
import type { Account, AccountStore } from './accounts';
import { sendPage, type Page } from './html';
import { ACCOUNT_BLOCKED, renderLoginPage, renderMessagePage, WRONG_CREDENTIALS } from './login-page';
import {
  renderCodePage,
  renderEnrolPage,
  renderNewPasswordPage,
  renderRecoveryCodesPage,
  WRONG_CODE,
} from './mfa-pages';
import { judgeNewPassword } from './password-policy';
import { pendingSignIns, type PendingSignIn } from './pending-sign-ins';
import { isRecoveryCodeShaped } from './recovery-codes';
import { clientAddress, REFUSAL_MESSAGES } from './sign-in-attempts';
import type { SignInSecurity } from './sign-in-security';
import { newTotpSecret } from './totp';

export const LOGIN_PATH = '/u/login';

export interface InteractionDeps {
  provider: Provider;
  accounts: AccountStore;
  security: SignInSecurity;
  /** The password age that forces a change (0: never), for the page that says so. */
  passwordMaxAgeDays: number;
  logger: Logger;
  /** Display names of the clients, by client_id. */
  clientNames: ReadonlyMap<string, string>;
  /** Whether to list the demo account emails on the page (and how to get their codes). */
  showDemoAccounts: boolean;
}

/**
 * The sign-in pages oidc-provider sends the browser to (Auth0's Universal Login): the password,
 * then the second factor (or its enrolment) and a forced password change when one is due. Every
 * form posts back under its own interaction URL; oidc-provider only accepts that with the matching
 * interaction cookie (SameSite=Lax), which is what makes the forms CSRF-safe. What the password
 * step established is kept server-side (pending-sign-ins.ts), never in the forms.
 */
export function interactionRouter(deps: InteractionDeps): Router {
  const { provider, accounts, security, logger } = deps;
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 10 });
  const demoEmails = deps.showDemoAccounts ? accounts.list().map((account) => account.email) : undefined;
  const pending = pendingSignIns(security.now);

  const loginPage = (
    interaction: Interaction,
    options: { email?: string; error?: string; status?: number } = {},
  ) =>
    renderLoginPage({
      action: `${LOGIN_PATH}/${interaction.uid}`,
      clientName: clientNameOf(interaction),
      demoEmails,
      ...options,
    });

  router.get(`${LOGIN_PATH}/:uid`, async (req, res) => {
    const interaction = await currentInteraction(req, res);
    if (!interaction) return;
    if (interaction.prompt.name === 'login') {
      const waiting = pending.get(interaction.uid);
      const account = waiting && accounts.findAccount(waiting.accountId);
      if (waiting && account) return sendPage(res, await stepPage(interaction, waiting, account));
      const hint = interaction.params.login_hint;
      return sendPage(res, loginPage(interaction, { email: typeof hint === 'string' ? hint : undefined }));
    }
    // Consent is normally recorded before it is asked for (provider.ts, grantFirstParty);
    // should oidc-provider still prompt, a first-party client is approved without a screen.
    if (interaction.prompt.name === 'consent' && interaction.grantId) {
      return provider.interactionFinished(req, res, { consent: { grantId: interaction.grantId } });
    }
    logger.warn({ prompt: interaction.prompt.name }, 'unsupported interaction prompt');
    return sendUnsupportedStep(res);
  });

  router.post(`${LOGIN_PATH}/:uid`, form, async (req, res) => {
    const interaction = await currentInteraction(req, res);
    if (!interaction) return;
    if (interaction.prompt.name !== 'login') return sendUnsupportedStep(res);
    pending.delete(interaction.uid);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const email = typeof body['username'] === 'string' ? body['username'].trim() : '';
    const password = typeof body['password'] === 'string' ? body['password'] : '';
    const ip = addressOf(req);
    const refused = security.refusal(ip, email);
    if (refused) {
      logger.info({ interaction: interaction.uid, refused }, 'sign-in refused before checking the password');
      return sendPage(res, loginPage(interaction, { email, error: REFUSAL_MESSAGES[refused], status: 429 }));
    }
    const account = email && password ? await accounts.verifyPassword(email, password) : undefined;
    if (!account) {
      logger.info({ interaction: interaction.uid }, 'sign-in failed');
      const refusal = security.failed(ip, email);
      const error = refusal ? REFUSAL_MESSAGES[refusal] : WRONG_CREDENTIALS;
      return sendPage(res, loginPage(interaction, { email, error, status: refusal ? 429 : 400 }));
    }
    if (account.blocked) {
      logger.info({ interaction: interaction.uid }, 'sign-in refused: account blocked');
      return sendPage(res, loginPage(interaction, { email, error: ACCOUNT_BLOCKED }));
    }
    let need;
    try {
      need = await security.mfaNeed(account);
    } catch (err) {
      logger.error({ err, sub: account.sub }, 'could not tell whether the account must use MFA');
      return sendPage(
        res,
        renderMessagePage({
          title: 'Cannot sign in right now',
          message: 'Your roles could not be read, so the sign-in cannot be completed. Try again in a moment.',
          status: 503,
        }),
      );
    }
    const signIn: PendingSignIn = { accountId: account.sub, amr: ['pwd'], step: { name: 'mfa' } };
    if (need === 'challenge') return showStep(res, interaction, signIn, account);
    if (need === 'enrol') {
      return showStep(
        res,
        interaction,
        { ...signIn, step: { name: 'enrol', secret: newTotpSecret() } },
        account,
      );
    }
    return afterSecondFactor(req, res, interaction, signIn, account);
  });

  router.post(`${LOGIN_PATH}/:uid/:step`, form, async (req, res) => {
    const interaction = await currentInteraction(req, res);
    if (!interaction) return;
    const waiting = pending.get(interaction.uid);
    if (interaction.prompt.name !== 'login' || waiting?.step.name !== req.params['step']) {
      // An old tab or a step already done: the sign-in page shows where this sign-in stands.
      return res.redirect(303, `${LOGIN_PATH}/${interaction.uid}`);
    }
    const account = accounts.findAccount(waiting.accountId);
    if (!account || account.blocked) {
      pending.delete(interaction.uid);
      return sendPage(res, loginPage(interaction, { email: account?.email, error: ACCOUNT_BLOCKED }));
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    const field = (name: string) => (typeof body[name] === 'string' ? body[name] : '');
    const { step } = waiting;

    if (step.name === 'recovery-codes') return afterSecondFactor(req, res, interaction, waiting, account);
    if (step.name === 'new-password') {
      const password = field('password');
      const problems =
        password === field('confirmation')
          ? await judgeNewPassword(password, { accounts, ...account })
          : ['The two passwords are not the same.'];
      if (problems.length) {
        return sendPage(res, newPasswordPage(interaction, account, problems));
      }
      await accounts.setPassword(account.sub, password);
      logger.info({ sub: account.sub }, 'expired password changed at sign-in');
      return finish(req, res, interaction, waiting, account);
    }

    // The code steps: a lock or throttle that began meanwhile ends this sign-in too.
    const ip = addressOf(req);
    const refused = security.refusal(ip, account.email);
    if (refused) {
      pending.delete(interaction.uid);
      const error = REFUSAL_MESSAGES[refused];
      return sendPage(res, loginPage(interaction, { email: account.email, error, status: 429 }));
    }
    const code = field('code').trim();
    const withMfa: PendingSignIn = { ...waiting, amr: [...waiting.amr, 'mfa'] };
    if (step.name === 'enrol') {
      const recoveryCodes = await security.enrol(account.sub, step.secret, code);
      if (recoveryCodes) {
        logger.info({ sub: account.sub }, 'authenticator app enrolled at sign-in');
        pending.set(interaction.uid, { ...withMfa, step: { name: 'recovery-codes' } });
        return sendPage(
          res,
          renderRecoveryCodesPage({
            action: stepAction(interaction, 'recovery-codes'),
            codes: recoveryCodes,
          }),
        );
      }
    } else {
      const accepted = isRecoveryCodeShaped(code)
        ? await security.useRecoveryCode(account.sub, code)
        : await security.useTotpCode(account.sub, code);
      if (accepted) return afterSecondFactor(req, res, interaction, withMfa, account);
    }
    logger.info({ interaction: interaction.uid, step: step.name }, 'wrong second-factor code');
    const refusal = security.failed(ip, account.email);
    if (refusal) {
      pending.delete(interaction.uid);
      const error = REFUSAL_MESSAGES[refusal];
      return sendPage(res, loginPage(interaction, { email: account.email, error, status: 429 }));
    }
    return sendPage(res, await stepPage(interaction, waiting, account, WRONG_CODE));
  });

  /** The second factor is done (or not needed): a password past its age must change first. */
  async function afterSecondFactor(
    req: Request,
    res: Response,
    interaction: Interaction,
    signIn: PendingSignIn,
    account: Account,
  ): Promise<void> {
    if (security.passwordExpired(account.sub)) {
      return showStep(res, interaction, { ...signIn, step: { name: 'new-password' } }, account);
    }
    return finish(req, res, interaction, signIn, account);
  }

  async function finish(
    req: Request,
    res: Response,
    interaction: Interaction,
    signIn: PendingSignIn,
    account: Account,
  ): Promise<void> {
    pending.delete(interaction.uid);
    await security.succeeded(account, {
      ip: addressOf(req),
      userAgent: req.get('user-agent') ?? '',
      via: `the sign-in page of ${clientNameOf(interaction)}`,
    });
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.sub, amr: signIn.amr } },
      { mergeWithLastSubmission: false },
    );
  }

  async function showStep(
    res: Response,
    interaction: Interaction,
    signIn: PendingSignIn,
    account: Account,
  ): Promise<void> {
    pending.set(interaction.uid, signIn);
    sendPage(res, await stepPage(interaction, signIn, account));
  }

  /** The page of the step a sign-in waits at; `error` when the last try was refused. */
  async function stepPage(
    interaction: Interaction,
    { step }: PendingSignIn,
    account: Account,
    error?: string,
  ): Promise<Page> {
    const action = stepAction(interaction, step.name);
    const { email } = account;
    switch (step.name) {
      case 'mfa':
        return renderCodePage({
          action,
          email,
          error,
          demo: deps.showDemoAccounts ? { command: `npm run dev-auth:totp -- ${email}` } : undefined,
        });
      case 'enrol':
        return renderEnrolPage({ action, email, error, secret: step.secret });
      case 'recovery-codes':
        return renderRecoveryCodesPage({ action });
      case 'new-password':
        return newPasswordPage(interaction, account);
    }
  }

  function newPasswordPage(interaction: Interaction, account: Account, problems?: string[]): Page {
    return renderNewPasswordPage({
      action: stepAction(interaction, 'new-password'),
      email: account.email,
      maxAgeDays: deps.passwordMaxAgeDays,
      problems,
    });
  }

  /** The interaction this browser is in, or undefined after answering with an explanation. */
  async function currentInteraction(req: Request, res: Response): Promise<Interaction | undefined> {
    try {
      const interaction = await provider.interactionDetails(req, res);
      if (interaction.uid === req.params['uid']) return interaction;
    } catch (err) {
      logger.info({ err: (err as Error).message }, 'sign-in interaction not found');
    }
    sendPage(
      res,
      renderMessagePage({
        title: 'Sign-in expired',
        message: 'This sign-in page is no longer valid. Go back to the application and sign in again.',
        status: 400,
      }),
    );
    return undefined;
  }

  /** Answers a sign-in step this server does not implement (400 page). */
  function sendUnsupportedStep(res: Response): void {
    sendPage(
      res,
      renderMessagePage({
        title: 'Cannot continue',
        message: 'This sign-in step is not supported.',
        status: 400,
      }),
    );
  }

  function clientNameOf(interaction: Interaction): string {
    const clientId = interaction.params.client_id;
    return (typeof clientId === 'string' && deps.clientNames.get(clientId)) || 'Showroom';
  }

  return router;
}

function stepAction(interaction: Interaction, step: string): string {
  return `${LOGIN_PATH}/${interaction.uid}/${step}`;
}

/** The socket's address: dev-auth is reached directly, so it trusts no X-Forwarded-For. */
function addressOf(req: Request): string {
  return clientAddress(req.socket.remoteAddress);
}
