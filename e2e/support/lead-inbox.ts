import { $, $$, browser, by, element, ElementFinder, Key } from 'protractor';
import { testId } from './locators';
import { click, shown, STEP_TIMEOUT_MS, textOf, typeInto, until } from './waits';

/**
 * The portal asks for lead counts every 15 s and reloads an open inbox when they moved. Waiting for
 * a lead that arrived meanwhile allows three such rounds, plus the service's own work.
 */
export const LEAD_ARRIVAL_TIMEOUT_MS = Math.max(50_000, STEP_TIMEOUT_MS * 3);

/** `/leads`: the leads the dealer may see (a salesperson only their own), search and filters. */
export class LeadInbox {
  readonly search = $(testId('lead-filter-q'));
  readonly leadCount = $(testId('lead-count'));
  readonly rows = $$(testId('lead-row'));
  readonly emptyState = $(testId('lead-list-empty'));
  readonly errorState = $(testId('lead-list-error'));
  /** "1 new lead just arrived": leads that appeared by themselves, without a reload. */
  readonly freshLeads = $(testId('fresh-leads'));
  readonly settingsLink = $(testId('leads-settings-link'));

  /** Waits until the inbox has answered: rows, the empty state or an error. */
  async waitUntilLoaded(): Promise<void> {
    await shown(this.search, 'the leads inbox (search box)');
    await until(async () => {
      if (await this.errorState.isPresent()) {
        throw new Error(`the inbox shows an error: ${await textOf(this.errorState)}`);
      }
      return (await this.emptyState.isPresent()) || (await this.rows.count()) > 0;
    }, 'the leads inbox to load');
  }

  /** Types into the search box (name, e-mail or phone) and presses Enter; waits for URL and list. */
  async searchFor(text: string): Promise<void> {
    await typeInto(this.search, text);
    await this.search.sendKeys(Key.ENTER);
    await until(
      async () => new URL(await browser.getCurrentUrl()).searchParams.get('q') === text,
      `the search "${text}" to reach the URL`,
    );
    await this.waitUntilLoaded();
  }

  rowWith(text: string): ElementFinder {
    return element(by.cssContainingText(testId('lead-row'), text));
  }

  /**
   * Waits for a row showing `text` on the inbox as it is, without touching the page: it only comes
   * when the portal refreshes the list by itself.
   */
  async waitForRowWith(text: string, timeout = LEAD_ARRIVAL_TIMEOUT_MS): Promise<void> {
    const row = this.rowWith(text);
    await until(async () => row.isPresent(), `a lead row showing "${text}" in the inbox`, timeout);
  }

  /** What the dealer sees of the result: count line, number of rows, the "no leads" state. */
  async outcome(): Promise<{ leadCount: string; rows: number; emptyState: boolean }> {
    return {
      leadCount: await textOf(this.leadCount),
      rows: await this.rows.count(),
      emptyState: (await this.emptyState.isPresent()) && (await this.emptyState.isDisplayed()),
    };
  }

  /** Ids of the leads on the current page, in order. */
  async leadIds(): Promise<string[]> {
    const ids: string[] = [];
    for (const row of await this.rows) ids.push((await row.getAttribute('data-lead-id')) ?? '');
    return ids;
  }

  /** What a row shows in its columns (by their test hooks), for checks of one lead. */
  async rowFacts(row: ElementFinder): Promise<{ origin: string; status: string; assignee: string }> {
    return {
      origin: await textOf(row.$(testId('lead-origin'))),
      status: (await row.$(testId('status-chip')).getAttribute('data-status')) ?? '',
      assignee: await textOf(row.$(testId('lead-assignee'))),
    };
  }

  /** Opens a lead from its row's name link. */
  async open(row: ElementFinder): Promise<void> {
    await click(row.$(testId('lead-link')), 'the lead in the inbox');
  }

  async openSettings(): Promise<void> {
    await click(this.settingsLink, 'Settings on the leads page');
  }
}
