import { $, $$, browser, by, element, ElementFinder, Key } from 'protractor';
import { testId } from './locators';
import { click, shown, STEP_TIMEOUT_MS, textOf, typeInto, until, valueOf } from './waits';

/**
 * A dealership's website. `E2E_SITE_URL_TEMPLATE` says where sites answer, `{slug}` standing for the
 * dealership's slug: `npm run e2e` sets it to its own storefront (http://{slug}.localhost:4500); a
 * deployed environment's is e.g. https://{slug}.sites.qa.showroom.dev.
 */
export function siteUrlOf(slug: string): string {
  const template = process.env['E2E_SITE_URL_TEMPLATE'] || 'http://{slug}.localhost:4500';
  return template.replace('{slug}', slug).replace(/\/+$/, '');
}

/** A car as a results card shows it. */
export interface ResultCard {
  title: string;
  /** `/cars/<vehicle id>/<year-make-model-trim>`. */
  path: string;
}

/** The lead form's fields the stories fill (by their `name`). */
export type LeadFormFields = Partial<
  Record<'firstName' | 'lastName' | 'email' | 'phone' | 'preferredDate' | 'message', string>
> & { preferredTime?: string };

/**
 * The storefront is server-rendered, zoneless Angular without Protractor's testability: Angular
 * waiting is off on its pages and every step waits for what the shopper would see. Before typing, the
 * page waits for hydration (`html[data-hydrated]`): the forms work as plain HTML until then, and a
 * lead form sent by the browser itself would reload the page instead of posting to the leads API.
 */
export class Storefront {
  readonly heading = $('h1');
  readonly searchInput = $('form[role="search"] input[name="q"]');
  readonly resultCards = $$(testId('result-card'));

  constructor(readonly origin: string) {}

  /** Opens a page of the site as a shopper arriving from a search engine would. */
  async open(path = '/'): Promise<void> {
    await browser.waitForAngularEnabled(false);
    await browser.get(new URL(path, this.origin).href);
    await shown(this.heading, `the page ${path} of ${this.origin}`);
  }

  /** The page's main heading, re-read until it holds `expected` (the page may still be rendering). */
  async waitForHeading(expected: string | RegExp, what: string): Promise<string> {
    let last = '';
    await until(async () => {
      last = await textOf(this.heading);
      return typeof expected === 'string' ? last.includes(expected) : expected.test(last);
    }, `${what} (the heading read "${last}")`);
    return last;
  }

  async waitUntilHydrated(): Promise<void> {
    await until(
      async () =>
        await browser.executeScript<boolean>('return document.documentElement.dataset.hydrated === "true";'),
      'the site to run in the browser (html[data-hydrated])',
    );
  }

  /** Types into the search box and presses Enter, then waits for the results of that search. */
  async search(text: string): Promise<ResultCard[]> {
    await this.waitUntilHydrated();
    await typeInto(this.searchInput, text);
    await this.searchInput.sendKeys(Key.ENTER);
    await until(async () => {
      const url = new URL(await browser.getCurrentUrl());
      return url.pathname === '/cars' && url.searchParams.get('q') === text;
    }, `the results of "${text}" to have their own address`);
    await until(
      async () =>
        (await this.resultCards.count()) > 0 && (await $('[aria-busy="true"]').isPresent()) === false,
      `the results of "${text}"`,
    );
    return this.results();
  }

  async results(): Promise<ResultCard[]> {
    const cards: ResultCard[] = [];
    for (const card of await this.resultCards) {
      const link = card.$('h3 a');
      cards.push({
        title: await textOf(link),
        path: new URL((await link.getAttribute('href')) ?? '', this.origin).pathname,
      });
    }
    return cards;
  }

  /** Opens a car from the results by its title link; waits for its page. */
  async openResult(card: ResultCard): Promise<void> {
    await click(element(by.cssContainingText(`${testId('result-card')} h3 a`, card.title)), card.title);
    await until(
      async () => new URL(await browser.getCurrentUrl()).pathname === card.path,
      `the page of the ${card.title} (${card.path})`,
    );
    await this.waitForHeading(card.title, `the heading of the ${card.title}`);
  }

  /** The lead form of one intent (`schedule_test_drive`, …) on the page. */
  leadFormFor(intent: string): ElementFinder {
    return $(`${testId('lead-form')}[data-intent="${intent}"]`);
  }

  /** Opens a lead form on a vehicle page ("Schedule a test drive") unless it is already shown. */
  async openLeadForm(intent: string, action: string): Promise<void> {
    await this.waitUntilHydrated();
    const form = this.leadFormFor(intent);
    if (!(await form.isPresent())) {
      const opener = $(testId(`open-lead-form-${intent}`));
      await click(
        (await opener.isPresent()) ? opener : element(by.cssContainingText('button, a', action)),
        action,
      );
    }
    await shown(form, `the ${intent} form`);
  }

  /** Fills the form's fields by name, the way a shopper types (a select is chosen by its text). */
  async fill(form: ElementFinder, fields: LeadFormFields): Promise<void> {
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      const field = form.$(`[name="${name}"]`);
      if ((await field.getTagName()) === 'select') {
        await click(field.element(by.cssContainingText('option', value)), `${value} in ${name}`);
      } else if ((await field.getAttribute('type')) === 'date') {
        // Chromium's date input takes the digits in the locale's order (en-US: MM DD YYYY).
        const [year, month, day] = value.split('-');
        await field.sendKeys(`${month}${day}${year}`);
        const typed = await valueOf(field);
        if (typed !== value) throw new Error(`the date field ${name} took "${typed}" for ${value}`);
      } else {
        await typeInto(field, value);
      }
    }
  }

  /** Sends the form with its submit button and waits for the thank-you page. */
  async send(form: ElementFinder, submitText: string): Promise<void> {
    await click(form.element(by.cssContainingText('button[type="submit"]', submitText)), submitText);
    try {
      await until(
        async () => new URL(await browser.getCurrentUrl()).pathname === '/thank-you',
        'the thank-you page',
        STEP_TIMEOUT_MS * 2,
      );
    } catch (error) {
      // Still on the form: say what it shows (a refused field, the leads API's problem).
      const shownThere: string[] = [];
      for (const message of await form.$$('.error, .status')) shownThere.push(await textOf(message));
      if (error instanceof Error) error.message += ` (the form shows: "${shownThere.join(' · ')}")`;
      throw error;
    }
    await shown(this.heading, 'the thank-you heading');
  }
}
