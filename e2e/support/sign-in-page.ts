import { $, browser, by, element } from 'protractor';
import { password, portalOrigin } from './env';
import { click, shown, STEP_TIMEOUT_MS, typeInto, until } from './waits';

/** Whether the portal runs on the page: its Angular testability is there, so Protractor may wait for it. */
export async function portalBooted(): Promise<boolean> {
  return await browser.executeScript<boolean>(
    'return typeof window.getAllAngularTestabilities === "function" && window.getAllAngularTestabilities().length > 0;',
  );
}

/**
 * Opens a page of the portal from a page that is not Angular (the sign-in page, a dealer website)
 * and turns Protractor's Angular waiting back on once the portal runs.
 */
export async function returnToPortal(path = '/'): Promise<void> {
  await browser.waitForAngularEnabled(false);
  await browser.get(new URL(path, portalOrigin()).href);
  await until(portalBooted, `the portal to load at ${path}`, STEP_TIMEOUT_MS * 2);
  await browser.waitForAngularEnabled(true);
}

/**
 * The identity provider's sign-in page: dev-auth locally, Auth0's Universal Login when deployed.
 * Both name their fields `username` and `password` and submit with `button[name=action]`.
 * It is not an Angular page, so Protractor's Angular waiting is off while we are on it.
 */
export class SignInPage {
  readonly email = element(by.name('username'));
  readonly password = element(by.name('password'));
  readonly continueButton = $('button[type="submit"][name="action"], form button[type="submit"]');

  /** Opens the portal signed out: it sends the dealer straight to the sign-in page. */
  async open(path = '/'): Promise<void> {
    await browser.waitForAngularEnabled(false);
    await browser.get(new URL(path, portalOrigin()).href);
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await shown(this.email, 'the sign-in page (email field)');
  }

  /** True when the browser shows the sign-in page (off the portal's origin, email field visible). */
  async isShown(): Promise<boolean> {
    const url = await browser.getCurrentUrl();
    if (url.startsWith(portalOrigin()) || !(await this.email.isPresent())) return false;
    return this.email.isDisplayed();
  }

  /** Signs in from the portal's front door and waits until the portal (Angular) runs again. */
  async signInAs(email: string, secret = password()): Promise<void> {
    if (!(await this.isShown())) await this.open();
    await typeInto(this.email, email);
    // Auth0's identifier-first login asks for the password on a second screen.
    if (!(await this.password.isPresent()) || !(await this.password.isDisplayed())) {
      await click(this.continueButton, 'Continue');
    }
    await shown(this.password, 'the password field');
    await typeInto(this.password, secret);
    await click(this.continueButton, 'Continue');
    await this.waitForPortal(email);
  }

  /**
   * The provider redirects back with `?code=…`; the portal boots, exchanges the code and cleans the
   * URL. Once Angular's testability is on the page, Protractor can wait for Angular again.
   */
  private async waitForPortal(email: string): Promise<void> {
    await until(
      async () => {
        if (!(await browser.getCurrentUrl()).startsWith(portalOrigin())) {
          // Still on the provider: a wrong password shows an error instead of redirecting.
          const refused = await $(
            '#login-error, #error-element-password, #error-element-username',
          ).isPresent();
          if (refused) throw new Error(`the sign-in page refused ${email}: check E2E_PASSWORD`);
          return false;
        }
        return portalBooted();
      },
      `the portal to load after signing in as ${email}`,
      STEP_TIMEOUT_MS * 2,
    );
    await browser.waitForAngularEnabled(true);
  }
}
