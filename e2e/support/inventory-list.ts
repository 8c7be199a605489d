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

  /** Waits until the list has answered: rows, the empty state or an error. */
  async waitUntilLoaded(): Promise<void> {
    await shown(this.search, 'the inventory page (search box)');
    await until(async () => {
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
