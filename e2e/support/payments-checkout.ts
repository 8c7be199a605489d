import { $, browser } from 'protractor';
import { click, shown, STEP_TIMEOUT_MS, textOf, typeInto, until } from './waits';

/** The card every payment provider's test mode pays with (Stripe's, and the local payments sandbox's). */
export const PAYING_TEST_CARD = {
  number: '4242 4242 4242 4242',
  /** Any date in the future: December, six years on. */
  expiry: `12 / ${String((new Date().getUTCFullYear() + 6) % 100).padStart(2, '0')}`,
  cvc: '123',
} as const;

/**
 * The payment provider's hosted checkout page the deal page sends the shopper to: the payments
 * sandbox locally (`<sandbox>/pay/<session id>`, plain HTML), Stripe Checkout when deployed. Card
 * data is typed here only, never on the dealer's site. Not Angular: waiting is off.
 */
export class PaymentsCheckout {
  readonly heading = $('h1');
  readonly cardNumber = $('#card-number');
  readonly expiry = $('#card-expiry');
  readonly cvc = $('#card-cvc');
  readonly name = $('#card-name');
  readonly payButton = $('form button[type="submit"]');
  readonly error = $('#payment-error');

  /** Waits for the provider's page (off the site's origin); answers its heading ("Pay $500.00"). */
  async waitUntilShown(siteOrigin: string): Promise<string> {
    await until(
      async () => !(await browser.getCurrentUrl()).startsWith(siteOrigin),
      'the payment provider’s page',
      STEP_TIMEOUT_MS * 2,
    );
    await shown(this.cardNumber, 'the card number field');
    return textOf(this.heading);
  }

  /** Pays with the test card; the provider sends the browser back to `returnOrigin`. */
  async payWithTestCard(cardholder: string, returnOrigin: string): Promise<void> {
    await typeInto(this.cardNumber, PAYING_TEST_CARD.number);
    await typeInto(this.expiry, PAYING_TEST_CARD.expiry);
    await typeInto(this.cvc, PAYING_TEST_CARD.cvc);
    await typeInto(this.name, cardholder);
    await click(this.payButton, 'Pay');
    await until(
      async () => {
        if (await this.error.isPresent())
          throw new Error(`the payment was refused: ${await textOf(this.error)}`);
        return (await browser.getCurrentUrl()).startsWith(returnOrigin);
      },
      `the provider to send the browser back to ${returnOrigin}`,
      STEP_TIMEOUT_MS * 2,
    );
  }
}
