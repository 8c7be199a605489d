import { randomBytes } from 'node:crypto';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express } from 'express';
import pino, { type Logger } from 'pino';
import type { AccountStore } from './accounts';
import { registeredClients } from './clients';
import type { DevAuthConfig } from './config';
import { sendPage } from './html';
import { accountSessions } from './account-sessions';
import { interactionRouter } from './interactions';
import { publicKeys, type SigningKeys } from './keys';
import { renderMessagePage } from './login-page';
import { auth0LogoutRouter } from './logout';
import type { MembershipSource } from './memberships';
import { managementApiRouter } from './management-api';
import { notMeLinks, notMeRouter } from './not-me';
import { passwordResetRouter } from './password-reset-page';
import { passwordTickets } from './password-tickets';
import { createProvider } from './provider';
import { requestLog } from './request-log';
import { resetRequestRouter } from './reset-request-page';
import { securityMailer } from './security-mail';
import { signInSecurity } from './sign-in-security';
import { userinfoRouter } from './userinfo';

export interface DevAuthOptions {
  config: DevAuthConfig;
  keys: SigningKeys;
  accounts: AccountStore;
  /** Where token memberships come from: the users service in main.ts, a fake in tests. */
  memberships: MembershipSource;
  logger?: Logger;
  /** The clock of lock-outs, MFA codes, password age and links (tests move it); Date.now by default. */
  now?: () => number;
}

/** The identity provider as an Express app; building it does no I/O. */
export function createDevAuth(options: DevAuthOptions): Express {
  const { config, keys, accounts, memberships } = options;
  const logger = options.logger ?? pino({ level: config.logLevel });
  const clients = registeredClients(config);
  const cookieKeys = config.cookieKeys ?? [randomBytes(32).toString('base64url')];
  const now = options.now ?? Date.now;
  const tickets = passwordTickets(config.issuer, now);
  const sendMail = securityMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, logger });
  const links = notMeLinks(config.issuer, now);
  const security = signInSecurity({
    config,
    accounts,
    memberships,
    tickets,
    notMeLinks: links,
    sendMail,
    logger,
    now,
  });
  const provider = createProvider({
    config,
    keys,
    cookieKeys,
    clients,
    accounts,
    memberships,
    security,
    logger,
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(logger));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // auth0-spa-js calls these with fetch from the portal (with an Auth0-Client header).
  const browserOrigins = [...new Set(clients.flatMap((client) => client.webOrigins))];
  app.use(['/oauth/token', '/userinfo', '/oauth/revoke'], cors({ origin: browserOrigins, maxAge: 3600 }));
  app.use(auth0LogoutRouter(clients));
  app.use(userinfoRouter({ issuer: config.issuer, publicKeys: publicKeys(keys), accounts, memberships }));
  app.use(
    managementApiRouter({
      issuer: config.issuer,
      audience: config.managementAudience,
      publicKeys: publicKeys(keys),
      accounts,
      tickets,
    }),
  );
  app.use(passwordResetRouter({ accounts, tickets, logger }));
  app.use(
    resetRequestRouter({
      accounts,
      passwordChangeUrl: security.passwordChangeUrl,
      refusal: security.refusal,
      sendMail,
      logger,
    }),
  );
  app.use(
    notMeRouter({
      links,
      accounts,
      sessions: accountSessions(provider),
      passwordChangeUrl: security.passwordChangeUrl,
      logger,
    }),
  );
  app.use(
    interactionRouter({
      provider,
      accounts,
      security,
      passwordMaxAgeDays: config.passwordMaxAgeDays,
      logger,
      clientNames: new Map(
        clients.map(({ metadata }) => [metadata.client_id, metadata.client_name ?? metadata.client_id]),
      ),
      showDemoAccounts: !config.production,
    }),
  );
  app.use(provider.callback());

  const onError: ErrorRequestHandler = (err, _req, res, next) => {
    logger.error({ err }, 'request failed');
    if (res.headersSent) return next(err);
    sendPage(
      res,
      renderMessagePage({
        title: 'Something went wrong',
        message: 'The request could not be completed.',
        status: 500,
      }),
    );
  };
  app.use(onError);
  return app;
}
