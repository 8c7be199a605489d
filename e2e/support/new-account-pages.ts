import { Secret, TOTP } from 'otpauth';
import { $, browser, by, element } from 'protractor';
import { portalOrigin } from './env';
import { portalBooted } from './sign-in-page';
import { click, shown, STEP_TIMEOUT_MS, textOf, typeInto, until } from './waits';

/**
 * The identity provider's pages a new person meets, none of them Angular: choosing a first password
 * (a change-password ticket) and enrolling an authenticator app at the first sign-in.
 */
export class ChoosePasswordPage {
  readonly password = element(by.name('password'));
  readonly confirmation = element(by.name('confirmation'));
  readonly problems = $('#password-errors');

  async waitUntilShown(): Promise<void> {
    await shown(this.confirmation, 'the identity provider’s "Choose your password" page');
  }

  /** Sets the password; the ticket then leads back to the portal, which starts the sign-in. */
  async choose(password: string): Promise<void> {
    await typeInto(this.password, password);
    await typeInto(this.confirmation, password);
    await click($('form button[type="submit"]'), 'Set password');
    await until(async () => {
      if (await this.problems.isPresent()) {
        throw new Error(`the password was refused: ${await textOf(this.problems)}`);
      }
      return !(await browser.getCurrentUrl()).includes('/lo/reset');
    }, 'the password to be accepted');
  }
}

/** "Secure your account": the QR code, its key in text, and the first code from the app. */
export class AuthenticatorEnrolment {
  readonly secret = $('#totp-secret');
  readonly code = element(by.name('code'));
  readonly recoveryCodes = $('#recovery-codes');

  async waitUntilShown(): Promise<void> {
    await shown(this.secret, 'the authenticator enrolment page (its key)');
  }

  /**
   * Does what a person with an authenticator app does: adds the key shown, types the current code,
   * then notes the recovery codes. Returns the key (for later sign-ins) and the recovery codes.
   */
  async enrol(): Promise<{ secret: string; recoveryCodes: string[] }> {
    const secret = (await textOf(this.secret)).replace(/\s+/g, '');
    const app = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
    await typeInto(this.code, app.generate());
    await click($('form button[type="submit"]'), 'Continue (code)');
    await shown(this.recoveryCodes, 'the recovery codes');
    const recoveryCodes = (await textOf(this.recoveryCodes)).split(/\s+/).filter(Boolean);
    await click($('form button[type="submit"]'), 'Continue (codes saved)');
    await until(
      async () => (await browser.getCurrentUrl()).startsWith(portalOrigin()) && portalBooted(),
      'the portal after enrolling the authenticator app',
      STEP_TIMEOUT_MS * 2,
    );
    await browser.waitForAngularEnabled(true);
    return { secret, recoveryCodes };
  }
}
