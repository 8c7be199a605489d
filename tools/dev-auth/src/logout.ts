import { Router } from 'express';
import type { RegisteredClient } from './clients';
import { renderPage, sendPage, type Page } from './html';
import { renderMessagePage } from './login-page';

/** oidc-provider's RP-initiated logout endpoint, at Auth0's OIDC logout path. */
export const OIDC_LOGOUT_PATH = '/oidc/logout';

/**
 * Auth0's `/v2/logout?returnTo=…&client_id=…`: checks `returnTo` against the client's allowed
 * logout URLs (refusing any other, as Auth0 does), then hands over to oidc-provider's logout,
 * which ends the session and redirects to `returnTo`.
 */
export function auth0LogoutRouter(clients: RegisteredClient[]): Router {
  const router = Router();
  router.get('/v2/logout', (req, res) => {
    const returnTo = stringParam(req.query['returnTo']);
    const clientId = stringParam(req.query['client_id']);
    const allows = (client: RegisteredClient) =>
      returnTo !== undefined && (client.metadata.post_logout_redirect_uris ?? []).includes(returnTo);

    let client: RegisteredClient | undefined;
    if (clientId !== undefined) {
      client = clients.find((candidate) => candidate.metadata.client_id === clientId);
      if (!client) return sendPage(res, refused(`Unknown client_id "${clientId}".`));
      if (returnTo !== undefined && !allows(client)) return sendPage(res, refused(notAllowed(returnTo)));
    } else if (returnTo !== undefined) {
      client = clients.find(allows);
      if (!client) return sendPage(res, refused(notAllowed(returnTo)));
    }

    const target = new URLSearchParams();
    if (client) {
      target.set('client_id', client.metadata.client_id);
      // Without returnTo Auth0 goes back to the client's first allowed logout URL.
      const destination = returnTo ?? client.metadata.post_logout_redirect_uris?.[0];
      if (destination) target.set('post_logout_redirect_uri', destination);
    }
    const query = target.toString();
    res.redirect(302, query ? `${OIDC_LOGOUT_PATH}?${query}` : OIDC_LOGOUT_PATH);
  });
  return router;
}

/** oidc-provider's logout confirmation, submitted at once: Auth0 asks nothing either. */
export function renderLogoutPage(form: string): Page {
  return renderPage({
    title: 'Signing out',
    body: `<h1>Signing out…</h1>
${form}
<input type="hidden" form="op.logoutForm" name="logout" value="yes">
<noscript><button type="submit" form="op.logoutForm">Sign out</button></noscript>`,
    script: `document.getElementById('op.logoutForm').submit();`,
  });
}

export function renderLoggedOutPage(): Page {
  return renderPage({
    title: 'Signed out',
    body: `<h1>You are signed out</h1><p class="muted">You can close this window.</p>`,
  });
}

function notAllowed(returnTo: string): string {
  return `The "returnTo" querystring parameter "${returnTo}" is not defined as a valid URL in "Allowed Logout URLs".`;
}

function refused(message: string): Page {
  return renderMessagePage({ title: 'Logout refused', message, status: 400 });
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
