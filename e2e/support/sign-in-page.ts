import { withDemoTotp } from '@showroom/demo-data/mfa';
import { $, browser, by, element } from 'protractor';
import { password, portalOrigin } from './env';
import { click, shown, STEP_TIMEOUT_MS, textOf, typeInto, until } from './waits';

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

/** On the portal again (the provider redirected back). */
async function onPortal(): Promise<boolean> {
  return (await browser.getCurrentUrl()).startsWith(portalOrigin());
}

/**
 * The identity provider's sign-in page: dev-auth locally, Auth0's Universal Login when deployed.
 * Both name their fields `username` and `password` (then `code` for the authenticator app's code)
 * and submit with `button[name=action]`.
 * It is not an Angular page, so Protractor's Angular waiting is off while we are on it.
 */
export class SignInPage {
  readonly email = element(by.name('username'));
  readonly password = element(by.name('password'));
  readonly code = element(by.name('code'));
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
    await this.submitCredentials(email, secret);
    await this.passSecondFactor(email);
    await this.waitForPortal(email);
  }

  /** Types the e-mail and password and submits them; what comes next is the caller's to follow. */
  async submitCredentials(email: string, secret: string): Promise<void> {
    if (!(await this.isShown())) await this.open();
    await typeInto(this.email, email);
    // Auth0's identifier-first login asks for the password on a second screen.
    if (!(await this.password.isPresent()) || !(await this.password.isDisplayed())) {
      await click(this.continueButton, 'Continue');
    }
    await shown(this.password, 'the password field');
    await typeInto(this.password, secret);
    await click(this.continueButton, 'Continue');
  }

  /** The sign-in page's refusal (wrong password, blocked account), once it shows one. */
  async refusal(): Promise<string> {
    const error = $('#login-error, #error-element-password');
    await shown(error, 'the sign-in page’s refusal');
    return textOf(error);
  }

  /**
   * The demo accounts are enrolled in MFA: when the provider asks for the code, types the account's
   * current one (computed from its published secret). The provider takes each 30-second code once,
   * so the shared helper waits for the next one when this run already used it, and tries the next
   * one once more if the provider refused the code (someone else used it first).
   */
  private async passSecondFactor(email: string): Promise<void> {
    let asked = false;
    await until(
      async () => {
        if (await onPortal()) return true;
        asked = await this.code.isPresent();
        if (!asked) await this.throwIfRefused(email);
        return asked;
      },
      `the code page or the portal after the password of ${email}`,
      STEP_TIMEOUT_MS * 2,
    );
    if (!asked) return;
    await withDemoTotp(email, {
      server: new URL(await browser.getCurrentUrl()).origin,
      submit: async (code) => {
        await shown(this.code, 'the code field');
        await typeInto(this.code, code);
        const field = await this.code.getWebElement();
        await click(this.continueButton, 'Continue');
        // The answer is a new page: until the old one is gone, its error (if any) is not news.
        await until(async () => {
          try {
            await field.getTagName();
            return false;
          } catch {
            return true;
          }
        }, `the provider to answer the code of ${email}`);
        let refused = false;
        await until(
          async () => {
            refused = !(await onPortal()) && (await $('#error-element-code').isPresent());
            return refused || (await onPortal());
          },
          `the provider to take the code of ${email}`,
          STEP_TIMEOUT_MS * 2,
        );
        return refused;
      },
      refused: (refused) => refused,
    });
  }

  private async throwIfRefused(email: string): Promise<void> {
    const refused = await $('#login-error, #error-element-password, #error-element-username').isPresent();
    if (refused) throw new Error(`the sign-in page refused ${email}: check E2E_PASSWORD`);
  }

  /**
   * The provider redirects back with `?code=…`; the portal boots, exchanges the code and cleans the
   * URL. Once Angular's testability is on the page, Protractor can wait for Angular again.
   */
  private async waitForPortal(email: string): Promise<void> {
    await until(
      async () => {
        if (!(await onPortal())) {
          // Still on the provider: a wrong password shows an error instead of redirecting.
          await this.throwIfRefused(email);
          if (await $('#error-element-code').isPresent()) {
            throw new Error(`the sign-in page refused the authenticator code of ${email}`);
          }
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
