import { $, browser, by, element, ElementFinder } from 'protractor';
import { testId } from './locators';
import { Storefront, type ResultCard } from './storefront';
import type { TestShopper } from './test-shoppers';
import { click, shown, STEP_TIMEOUT_MS, textOf, typeInto, until, untilText, valueOf } from './waits';

/**
 * The shopper's side of buying online on a dealer website: the payment estimate on a car's page,
 * "Buy this car online" (contact and payment), and the deal page `/deals/<id>` with its steps
 * (payment, trade-in, protection products, credit application, reservation, review and send) and
 * the dealer's answer. Like every storefront page these are not Angular-testable: each step waits
 * for what the shopper sees (see storefront.ts).
 */

/** The deal's status as the deal page's heading says it (storefront `DEAL_STATUS_LABELS`). */
export const SHOPPER_DEAL_STATUS = {
  draft: 'Not sent yet',
  submitted: 'Sent to the dealership',
  countered: 'The dealership made you an offer',
  accepted: 'Offer accepted',
} as const;

/** "$1,234.56" → 123456; null when the text holds no amount. */
export function centsIn(text: string): number | null {
  const match = /\$([\d,]+(?:\.\d{2})?)/.exec(text);
  if (!match?.[1]) return null;
  const [dollars = '0', cents = '00'] = match[1].replace(/,/g, '').split('.');
  return Number(dollars) * 100 + Number(cents);
}

/** 1234500 → "$12,345.00", as the pages write money. */
export function dollarsText(cents: number): string {
  const whole = Math.trunc(cents / 100).toLocaleString('en-US');
  return `$${whole}.${String(Math.abs(cents % 100)).padStart(2, '0')}`;
}

/** Chooses another option of a native select than the one it shows; answers the option's text. */
async function chooseAnotherOption(select: ElementFinder, what: string): Promise<string> {
  const current = await valueOf(select);
  for (const option of await select.$$('option')) {
    if ((await option.getAttribute('value')) !== current) {
      const text = await textOf(option);
      await click(option, `${text} in ${what}`);
      return text;
    }
  }
  throw new Error(`${what} offers nothing but ${current}`);
}

/** Waits until `read` answers something else than `before`; answers it. */
async function changedFrom(read: () => Promise<string>, before: string, what: string): Promise<string> {
  let now = before;
  await until(async () => {
    now = await read();
    return now !== '' && now !== before;
  }, `${what} to change from ${before}`);
  return now;
}

/**
 * Opens the page of a car the shopper can buy online: the first of the site's cars (in the listed
 * or the reversed order) whose buy page opens. A car another story (or an earlier run) reserved
 * is pending: its buy page says it is no longer available, while the list and the car's page may
 * still show it for a few seconds (they are cached), so the buy page is what decides.
 */
export async function openCarToBuy(site: Storefront, order: 'listed' | 'reversed'): Promise<ResultCard> {
  await site.open('/cars');
  await until(async () => (await site.resultCards.count()) > 0, 'the cars for sale');
  const cards = await site.results();
  if (order === 'reversed') cards.reverse();
  const buyForm = $(testId('buy-form'));
  for (const card of cards) {
    await site.open(`${card.path}/buy`);
    if ((await textOf(site.heading)).startsWith('Buy the ')) {
      await shown(buyForm, `the buy-online form of the ${card.title}`);
      await site.open(card.path);
      await site.waitForHeading(card.title, `the heading of the ${card.title}`);
      return card;
    }
  }
  throw new Error(`none of the ${cards.length} cars listed on ${site.origin} can be bought online`);
}

/** "Estimate your payment" on a car's page; quoted in the browser as the shopper types. */
export class PaymentEstimate {
  readonly panel = $(testId('payment-panel'));
  readonly monthly = this.panel.$(testId('monthly-payment'));
  readonly downPayment = this.panel.$('input[name="downPayment"]');
  readonly term = this.panel.$('select[name="termMonths"]');
  readonly disclosure = this.panel.$(testId('payment-disclosure'));
  readonly buyOnline = $(testId('buy-online'));

  async waitUntilShown(): Promise<void> {
    await shown(this.monthly, 'the payment estimate');
  }

  async monthlyText(): Promise<string> {
    return textOf(this.monthly);
  }

  /** The down payment the estimate holds now, in dollars. */
  async downPaymentDollars(): Promise<number> {
    const text = (await valueOf(this.downPayment)).replace(/[$,\s]/g, '');
    const dollars = Number(text);
    if (text === '' || !Number.isFinite(dollars)) throw new Error(`the down payment reads "${text}"`);
    return dollars;
  }

  /** Types a down payment in dollars and waits for the monthly payment to follow; answers it. */
  async setDownPayment(dollars: number): Promise<string> {
    const before = await this.monthlyText();
    await typeInto(this.downPayment, dollars);
    return changedFrom(() => this.monthlyText(), before, 'the monthly payment');
  }

  /** Picks another term; answers the term chosen and the monthly payment that follows. */
  async chooseAnotherTerm(): Promise<{ term: string; monthly: string }> {
    const before = await this.monthlyText();
    const term = await chooseAnotherOption(this.term, 'the term');
    return { term, monthly: await changedFrom(() => this.monthlyText(), before, 'the monthly payment') };
  }

  async startBuyingOnline(): Promise<void> {
    await click(this.buyOnline, 'Buy this car online');
    await until(
      async () => new URL(await browser.getCurrentUrl()).pathname.endsWith('/buy'),
      'the buy-online page',
    );
  }
}

/** "Buy the … online": who the shopper is and how they pay; "Start my deal" opens the deal page. */
export class BuyOnlinePage {
  readonly form = $(testId('buy-form'));
  readonly startButton = $(testId('start-deal'));

  async waitUntilShown(): Promise<void> {
    await shown(this.form, 'the buy-online form');
  }

  async fillContact(shopper: TestShopper): Promise<void> {
    await typeInto($('#buy-firstName'), shopper.firstName);
    await typeInto($('#buy-lastName'), shopper.lastName);
    await typeInto($('#buy-email'), shopper.email);
    await typeInto($('#buy-phone'), shopper.phone);
  }

  /** Starts the deal and waits for its page; answers the deal's id (from the address). */
  async startDeal(): Promise<string> {
    await click(this.startButton, 'Start my deal');
    let id = '';
    try {
      await until(
        async () => {
          [, id = ''] = /^\/deals\/([^/?#]+)$/.exec(new URL(await browser.getCurrentUrl()).pathname) ?? [];
          return id !== '';
        },
        'the deal page',
        STEP_TIMEOUT_MS * 2,
      );
    } catch (error) {
      const shownThere: string[] = [];
      for (const message of await this.form.$$('.error, .sf-alert')) shownThere.push(await textOf(message));
      if (error instanceof Error) error.message += ` (the form shows: "${shownThere.join(' · ')}")`;
      throw error;
    }
    return id;
  }
}

/** A trade-in as the shopper describes it by year, make and model. */
export interface TradeInDescription {
  year: number;
  make: string;
  model: string;
  mileage: number;
  /** The condition's words as the form offers them ("Good — normal wear, …" starts with "Good"). */
  condition: 'Excellent' | 'Good' | 'Fair' | 'Poor';
}

/** A credit applicant as the form asks for them (clearly fake identity numbers only). */
export interface CreditApplicant {
  firstName: string;
  lastName: string;
  ssn: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  email: string;
  phone: string;
  street: string;
  city: string;
  region: string;
  postalCode: string;
  /** The option's words: "I rent", "I own my home", … */
  housing: string;
  monthlyHousing: string;
  yearsAtAddress: string;
  /** The option's words: "Employed", "Retired", … */
  employmentStatus: string;
  employer: string;
  yearsEmployed: string;
  grossMonthlyIncome: string;
}

/** `/deals/<id>`: the shopper's deal, its steps and the dealer's answer. */
export class DealPage extends Storefront {
  readonly status = $(testId('deal-status'));
  readonly statusHeading = this.status.$('h2');
  readonly dealerMessage = $(testId('dealer-message'));
  readonly acceptButton = $(testId('accept-offer'));
  /** The payment card's monthly payment: the deal's current offer. */
  readonly paymentMonthly = $(`sf-payment-step ${testId('monthly-payment')}`);
  readonly tradeInValue = $(testId('trade-in-value'));
  readonly productsPayment = $(testId('products-payment'));
  readonly creditReceived = $(testId('credit-received'));
  readonly reservationHeld = $(testId('reservation-held'));

  /** Opens the deal from a link (the e-mailed one, `?access=…`) in this browser. */
  async openLink(url: string): Promise<void> {
    await browser.waitForAngularEnabled(false);
    await browser.get(url);
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await shown(this.status, 'the deal page (its status)');
    await this.waitUntilHydrated();
  }

  async statusText(): Promise<string> {
    return textOf(this.statusHeading);
  }

  async waitForStatus(label: string): Promise<void> {
    await untilText(this.statusHeading, label, 'the deal’s status');
  }

  async monthlyText(): Promise<string> {
    return textOf(this.paymentMonthly);
  }

  /** Describes the trade by year, make and model; answers what the page says it is worth. */
  async addTradeIn(trade: TradeInDescription): Promise<string> {
    await click($(testId('add-trade-in')), 'Add a trade-in');
    const form = $(testId('trade-in-form'));
    await shown(form, 'the trade-in form');
    await click(form.$('input[name="trade-identify"][value="details"]'), 'By year, make and model');
    await typeInto($('#trade-year'), trade.year);
    await typeInto($('#trade-make'), trade.make);
    await typeInto($('#trade-model'), trade.model);
    await typeInto($('#trade-mileage'), trade.mileage);
    await click(
      element(by.cssContainingText(`${testId('trade-in-form')} label.option`, trade.condition)).$(
        'input[name="trade-overall"]',
      ),
      `the condition "${trade.condition}"`,
    );
    await click($(testId('save-trade-in')), 'Save the trade-in');
    await shown(this.tradeInValue, 'the trade-in’s value', STEP_TIMEOUT_MS * 2);
    return textOf(this.tradeInValue);
  }

  /** Ticks a protection product; answers the payment the card previews with it. */
  async pickProduct(name: string): Promise<string> {
    const label = element(by.cssContainingText('sf-products-step label.option', name));
    await click(label.$('input[type="checkbox"]'), name);
    await shown(this.productsPayment, `the payment with ${name}`);
    return textOf(this.productsPayment);
  }

  /** "Update my payment": waits for the deal's monthly payment to follow; answers it. */
  async saveProducts(): Promise<string> {
    const before = await this.monthlyText();
    await click($(testId('save-products')), 'Update my payment');
    return changedFrom(() => this.monthlyText(), before, 'the deal’s monthly payment');
  }

  /** Fills in the credit application for one applicant, ticks the consent and sends it. */
  async applyForCredit(applicant: CreditApplicant): Promise<void> {
    await click($(testId('open-credit')), 'Apply for credit');
    await shown($(testId('credit-form')), 'the credit application');
    const field = (name: keyof CreditApplicant) => $(`#credit-applicant-${name}`);
    for (const [name, value] of Object.entries(applicant) as [keyof CreditApplicant, string][]) {
      const input = field(name);
      if ((await input.getTagName()) === 'select') {
        await click(input.element(by.cssContainingText('option', value)), `${value} in ${name}`);
      } else if ((await input.getAttribute('type')) === 'date') {
        // Chromium's date input takes the digits in the locale's order (en-US: MM DD YYYY).
        const [year, month, day] = value.split('-');
        await input.sendKeys(`${month}${day}${year}`);
        const typed = await valueOf(input);
        if (typed !== value) throw new Error(`the date of birth took "${typed}" for ${value}`);
      } else {
        await typeInto(input, value);
      }
    }
    await click($('#credit-consent'), 'the consent');
    await click($(testId('send-credit')), 'Send my application');
    try {
      await shown(this.creditReceived, 'the application received', STEP_TIMEOUT_MS * 2);
    } catch (error) {
      const shownThere: string[] = [];
      for (const message of await $(testId('credit-form')).$$('.error, .sf-alert'))
        shownThere.push(await textOf(message));
      if (error instanceof Error) error.message += ` (the form shows: "${shownThere.join(' · ')}")`;
      throw error;
    }
  }

  /** "Pay $… to reserve": the browser leaves for the payment provider's page. */
  async startReservation(): Promise<string> {
    const button = $(testId('reserve'));
    const label = await textOf(button);
    await click(button, label);
    return label;
  }

  /** Back from paying: the page confirms the deposit with the provider, then shows the hold. */
  async waitForReservationHeld(): Promise<string> {
    await this.waitUntilShown();
    await shown(this.reservationHeld, 'the reservation held', STEP_TIMEOUT_MS * 2);
    return textOf(this.reservationHeld);
  }

  async submit(): Promise<void> {
    await click($(testId('submit-deal')), 'Send my deal');
    await this.waitForStatus(SHOPPER_DEAL_STATUS.submitted);
  }

  /** The dealer's counter-offer as the status card reads it. */
  async offerText(): Promise<string> {
    return textOf(this.status);
  }

  async acceptOffer(): Promise<void> {
    await click(this.acceptButton, 'Accept this offer');
    await this.waitForStatus(SHOPPER_DEAL_STATUS.accepted);
  }
}
