import { $, $$, browser, by, element, ElementFinder, Key } from 'protractor';
import { testId } from './locators';
import { click, noOverlayOpen, shown, textOf, typeInto, until } from './waits';

/** `/inventory`: the dealership's vehicles, the search box and the filters. */
export class InventoryList {
  readonly addVehicleButton = $(testId('add-vehicle'));
  readonly search = $(testId('filter-q'));
  readonly makeFilter = $(testId('filter-make'));
  readonly resultCount = $(testId('result-count'));
  readonly rows = $$(testId('vehicle-row'));
  readonly emptyState = $(testId('list-empty'));
  readonly errorState = $(testId('list-error'));
  readonly clearFiltersButton = $(testId('clear-filters'));
  /** The results panel: `aria-busy="true"` while a search is in flight. */
  readonly results = $(testId('list-results'));

  /**
   * Waits until the list has answered the latest search: no request in flight, then rows, the empty
   * state or an error. Rows alone are not enough: while a reload is in flight (a new search, another
   * dealership) the previous answer's rows are still on screen, faded.
   */
  async waitUntilLoaded(): Promise<void> {
    await shown(this.search, 'the inventory page (search box)');
    await until(async () => {
      if ((await this.results.getAttribute('aria-busy')) === 'true') return false;
      if (await this.errorState.isPresent()) {
        throw new Error(`the list shows an error: ${await textOf(this.errorState)}`);
      }
      return (await this.emptyState.isPresent()) || (await this.rows.count()) > 0;
    }, 'the vehicle list to load');
  }

  /** Types into the search box and presses Enter; waits for the URL and the list to follow. */
  async searchFor(text: string): Promise<void> {
    await typeInto(this.search, text);
    await this.search.sendKeys(Key.ENTER);
    await this.waitForSearch(text);
  }

  /** Types into the search box and stops, as a dealer does: the list follows by itself. */
  async typeSearch(text: string): Promise<void> {
    await typeInto(this.search, text);
    await this.waitForSearch(text);
  }

  private async waitForSearch(text: string): Promise<void> {
    await until(
      async () => new URL(await browser.getCurrentUrl()).searchParams.get('q') === text,
      `the search "${text}" to reach the URL`,
    );
    await this.waitUntilLoaded();
  }

  /** Picks a make in the Make filter (its options come from the current results' facets). */
  async filterByMake(make: string): Promise<void> {
    await noOverlayOpen();
    await click(this.makeFilter, 'the Make filter');
    const option = element(by.cssContainingText(`mat-option${testId('facet-make')}`, make));
    await click(option, `the make "${make}"`);
    // Several makes can be picked: the list stays open until Escape.
    await browser.actions().sendKeys(Key.ESCAPE).perform();
    await noOverlayOpen();
    await until(
      async () => new URL(await browser.getCurrentUrl()).searchParams.get('make') === make,
      `the make filter "${make}" to reach the URL`,
    );
    await this.waitUntilLoaded();
  }

  async clearFilters(): Promise<void> {
    await click(this.clearFiltersButton, 'Clear all');
    await until(async () => !(await this.clearFiltersButton.isPresent()), 'the filters to clear');
    await this.waitUntilLoaded();
  }

  /** What the dealer sees of the result: count line, number of rows, the "no vehicles" state. */
  async outcome(): Promise<{ resultCount: string; rows: number; emptyState: boolean }> {
    return {
      resultCount: await textOf(this.resultCount),
      rows: await this.rows.count(),
      emptyState: (await this.emptyState.isPresent()) && (await this.emptyState.isDisplayed()),
    };
  }

  /** Ids of the vehicles on the current page, in order. */
  async vehicleIds(): Promise<string[]> {
    const ids: string[] = [];
    for (const row of await this.rows) ids.push((await row.getAttribute('data-vehicle-id')) ?? '');
    return ids;
  }

  /** What each row of the current page shows, one string per row ("U1042 2024 Honda Accord …"). */
  async rowTexts(): Promise<string[]> {
    const texts: string[] = [];
    for (const row of await this.rows) texts.push(await textOf(row));
    return texts;
  }

  /** What the search marked as matching in each row of the current page, one list per row. */
  async markedTexts(): Promise<string[][]> {
    const marked: string[][] = [];
    for (const row of await this.rows) {
      const texts: string[] = [];
      for (const mark of await row.$$('mark')) texts.push(await textOf(mark));
      marked.push(texts);
    }
    return marked;
  }

  rowWith(text: string): ElementFinder {
    return element(by.cssContainingText(testId('vehicle-row'), text));
  }

  /** Opens a vehicle from its row's title link. */
  async open(row: ElementFinder): Promise<void> {
    await click(row.$(testId('vehicle-link')), 'the vehicle in the list');
  }

  async startAddingVehicle(): Promise<void> {
    await click(this.addVehicleButton, 'Add vehicle');
  }
}
