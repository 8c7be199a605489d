import { browser } from 'protractor';
import { portalAuthConfig, portalOrigin } from './env';

/**
 * Forgets every sign-in: cookies of the identity provider (dev-auth's session lives on its own
 * origin) and of the portal, and the portal's localStorage (Auth0 tokens, the chosen dealership).
 * Called before each story, so a story that failed half-way cannot leak its session into the next.
 *
 * Leaves Protractor's Angular waiting off: the next page a story opens is the sign-in page.
 */
export async function startSignedOut(): Promise<void> {
  await browser.waitForAngularEnabled(false);
  const { origin: authOrigin } = await portalAuthConfig();
  // Small pages every environment serves on each origin, none of which starts a sign-in.
  const pages = [`${authOrigin}/.well-known/openid-configuration`, `${portalOrigin()}/config.json`];
  for (const page of pages) {
    await browser.get(page).catch((error: Error) => {
      throw new Error(`could not open ${page} to clear the session there: ${error.message}`);
    });
    await browser.manage().deleteAllCookies();
    await browser.executeScript('window.localStorage.clear(); window.sessionStorage.clear();');
  }
}
