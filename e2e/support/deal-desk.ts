import { $, $$, browser } from 'protractor';
import type { DealStatus } from '@showroom/contracts';
import { portalOrigin } from './env';
import { testId } from './locators';
import { click, shown, STEP_TIMEOUT_MS, textOf, typeInto, until, untilText } from './waits';

/** `/deals`: the dealership's online deals (a salesperson's: the deals of their leads). */
export class DealInbox {
  readonly list = $(testId('deal-list'));
  readonly rows = $$(testId('deal-row'));

  async waitUntilLoaded(): Promise<void> {
    await shown(this.list, 'the deals list');
    await until(async () => (await this.list.getAttribute('aria-busy')) !== 'true', 'the deals list to load');
  }

  rowOf(dealId: string) {
    return $(`${testId('deal-row')}[data-deal-id="${dealId}"]`);
  }

  /** The deal's row: shopper, kind and status as the inbox lists them. */
  async rowFacts(dealId: string): Promise<{ shopper: string; kind: string; status: string }> {
    const row = this.rowOf(dealId);
    await shown(row, `the deal ${dealId} in the list`);
    return {
      shopper: await textOf(row.$(testId('deal-shopper'))),
      kind: await textOf(row.$(testId('deal-kind'))),
      status: (await row.$(testId('deal-status-chip')).getAttribute('data-status')) ?? '',
    };
  }

  async open(dealId: string): Promise<void> {
    await click(this.rowOf(dealId).$(testId('deal-link')), `the deal ${dealId}`);
  }
}

/**
 * `/deals/:dealId`: the deal desk. The latest offer as a breakdown, the counter-offer form quoted
 * live in the browser, the trade-in, the credit application (opened by finance managers and owners
 * only, each view recorded) and the reservation.
 */
export class DealDesk {
  readonly title = $(testId('deal-title'));
  readonly statusChip = $(testId('deal-status-chip'));
  readonly latestOffer = $(testId('latest-offer'));
  readonly offerMessage = $(testId('offer-message'));
  readonly shopperName = $(testId('deal-shopper-name'));
  readonly listedPrice = $(testId('deal-vehicle-price'));
  readonly tradeIn = $(testId('deal-trade-in'));
  readonly credit = $(testId('deal-credit'));
  readonly creditSummary = $(testId('credit-summary'));
  readonly openCreditButton = $(testId('open-credit-application'));
  readonly creditFinanceOnly = $(testId('credit-finance-only'));
  readonly reservation = $(testId('deal-reservation'));
  readonly reservationHeldUntil = $(testId('reservation-held-until'));
  readonly priceField = $(testId('desk-price'));
  readonly messageField = $(testId('desk-message'));
  readonly sendButton = $(testId('send-counter-offer'));
  readonly deskQuoteMonthly = $(`${testId('desk-quote')} ${testId('quote-monthly')}`);
  readonly creditViewRecorded = $(testId('credit-view-recorded'));
  readonly creditApplicant = $(testId('credit-applicant'));
  readonly creditSsn = $(testId('credit-ssn'));
  readonly creditDob = $(testId('credit-dob'));
  readonly closeCreditView = $(testId('close-credit-view'));

  /** Opens a deal by its address (a bookmark, the lead page's link). */
  async openById(dealId: string): Promise<void> {
    await browser.get(`${portalOrigin()}/deals/${encodeURIComponent(dealId)}`);
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await shown(this.title, 'the deal desk');
  }

  async status(): Promise<DealStatus | string> {
    return (await this.statusChip.getAttribute('data-status')) ?? '';
  }

  async waitForStatus(status: DealStatus): Promise<void> {
    let last = '';
    await until(async () => {
      last = await this.status();
      return last === status;
    }, `the deal to be ${status} (it is "${last}")`);
  }

  /** The listed price in whole dollars, as the vehicle card shows it. */
  async listedPriceCents(): Promise<number> {
    const text = await textOf(this.listedPrice);
    const match = /\$([\d,]+)(?:\.(\d{2}))?/.exec(text);
    if (!match?.[1]) throw new Error(`the desk shows no listed price ("${text}")`);
    return Number(match[1].replace(/,/g, '')) * 100 + Number(match[2] ?? 0);
  }

  /** Sets the selling price (dollars) and waits for the desk's quote to follow. */
  async setSellingPrice(dollars: number): Promise<void> {
    await typeInto(this.priceField, dollars);
  }

  /** Writes the message and sends the counter-offer; waits for the deal to be countered. */
  async sendCounterOffer(message: string): Promise<void> {
    await typeInto(this.messageField, message);
    await click(this.sendButton, 'Send counter-offer');
    await this.waitForStatus('countered');
    await untilText(this.offerMessage, message, 'the counter-offer’s message on the desk');
  }

  readonly activity = $$(testId('deal-activity'));

  /** The deal's activity holds an entry of that kind (the desk re-reads the deal after a dialog). */
  async waitForActivity(kind: string): Promise<void> {
    await until(
      async () => (await $$(`${testId('deal-activity')}[data-kind="${kind}"]`).count()) > 0,
      `a "${kind}" entry in the deal's activity`,
    );
  }

  /** Opens the credit application (recorded); the dialog shows it decrypted. */
  async openCreditApplication(): Promise<void> {
    await click(this.openCreditButton, 'Open application');
    await shown(this.creditApplicant, 'the credit application', STEP_TIMEOUT_MS * 2);
  }

  async closeCreditApplication(): Promise<void> {
    await click(this.closeCreditView, 'Close');
    await until(async () => !(await this.creditApplicant.isPresent()), 'the credit application to close');
  }
}
