import express, { Router, type Request, type Response } from 'express';
import type Provider from 'oidc-provider';
import type { Interaction } from 'oidc-provider';
import type { Logger } from 'pino';
import type { AccountStore } from './accounts';
import { sendPage } from './html';
import { ACCOUNT_BLOCKED, renderLoginPage, renderMessagePage, WRONG_CREDENTIALS } from './login-page';

export const LOGIN_PATH = '/u/login';

export interface InteractionDeps {
  provider: Provider;
  accounts: AccountStore;
  logger: Logger;
  /** Display names of the clients, by client_id. */
  clientNames: ReadonlyMap<string, string>;
  /** Whether to list the demo account emails on the page. */
  showDemoAccounts: boolean;
}

/**
 * The sign-in page oidc-provider sends the browser to (Auth0's Universal Login). The form posts
 * back to its own interaction URL; oidc-provider only accepts it with the matching interaction
 * cookie (SameSite=Lax), which is what makes it CSRF-safe.
 */
export function interactionRouter(deps: InteractionDeps): Router {
  const { provider, accounts, logger } = deps;
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 10 });
  const demoEmails = deps.showDemoAccounts ? accounts.list().map((account) => account.email) : undefined;

  const loginPage = (interaction: Interaction, options: { email?: string; error?: string } = {}) =>
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
    const body = (req.body ?? {}) as Record<string, unknown>;
    const email = typeof body['username'] === 'string' ? body['username'].trim() : '';
    const password = typeof body['password'] === 'string' ? body['password'] : '';
    const account = email && password ? await accounts.verifyPassword(email, password) : undefined;
    if (!account) {
      logger.info({ interaction: interaction.uid }, 'sign-in failed');
      return sendPage(res, loginPage(interaction, { email, error: WRONG_CREDENTIALS }));
    }
    if (account.blocked) {
      logger.info({ interaction: interaction.uid }, 'sign-in refused: account blocked');
      return sendPage(res, loginPage(interaction, { email, error: ACCOUNT_BLOCKED }));
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.sub } },
      { mergeWithLastSubmission: false },
    );
  });

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
