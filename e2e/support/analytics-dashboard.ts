import { $, $$, by, element, type ElementFinder, Key } from 'protractor';
import { testId } from './locators';
import { click, shown, textOf, typeInto, until, untilText } from './waits';

/** One report's card on the dashboard (`data-report="leads-by-source"` and so on). */
export class ReportCardPanel {
  readonly root: ElementFinder;
  readonly figure: ElementFinder;
  readonly table: ElementFinder;
  readonly chart: ElementFinder;

  constructor(readonly report: string) {
    this.root = $(`${testId('report-card')}[data-report="${report}"]`);
    this.figure = this.root.$(testId('report-figure-value'));
    this.table = this.root.$(testId('report-table'));
    this.chart = this.root.$(testId('report-chart'));
  }

  /**
   * The card's figure once its report has answered (a failure shows its message instead). While a
   * new period loads, the card keeps the last period's figure and says it is busy (`aria-busy`).
   */
  async figureText(): Promise<string> {
    const error = this.root.$(testId('report-error'));
    const busy = async () => (await this.root.$('section').getAttribute('aria-busy')) === 'true';
    await until(
      async () => ((await this.figure.isPresent()) && !(await busy())) || (await error.isPresent()),
      `the ${this.report} card to show its figure`,
    );
    if (await error.isPresent()) throw new Error(`the ${this.report} card failed: ${await textOf(error)}`);
    return textOf(this.figure);
  }

  async showTable(): Promise<void> {
    await click(this.root.$(`${testId('show-table')} button`), `Table on the ${this.report} card`);
    await shown(this.table, `the ${this.report} table`);
  }

  /** Each row's cells, as shown. */
  async tableRows(): Promise<string[][]> {
    const rows: string[][] = [];
    for (const row of await this.root.$$(testId('report-row'))) {
      const cells: string[] = [];
      for (const cell of await row.$$('td')) cells.push(await textOf(cell));
      rows.push(cells);
    }
    return rows;
  }

  async downloadCsv(): Promise<void> {
    await click(this.root.$(testId('download-csv')), `CSV on the ${this.report} card`);
  }
}

/** `/analytics`: the period and filters, and a card per report. */
export class AnalyticsDashboard {
  readonly heading = element(by.cssContainingText('h1', 'Analytics'));
  readonly subtitle = $(testId('analytics-subtitle'));
  readonly fromDate = $(testId('analytics-from'));
  readonly toDate = $(testId('analytics-to'));
  readonly cards = $$(testId('report-card'));

  async waitUntilLoaded(): Promise<void> {
    await shown(this.heading, 'the Analytics page');
    await shown(this.cards.first(), 'the report cards');
  }

  card(report: string): ReportCardPanel {
    return new ReportCardPanel(report);
  }

  /**
   * Types a custom period into the date range field as a dealer does (M/D/YYYY, then Tab) and waits
   * for the subtitle to name it (`label`, e.g. "Nov 6 – Dec 5, 2026").
   */
  async choosePeriod(from: string, to: string, label: string): Promise<void> {
    await typeInto(this.fromDate, usDate(from));
    await this.fromDate.sendKeys(Key.TAB);
    await typeInto(this.toDate, usDate(to));
    await this.toDate.sendKeys(Key.TAB);
    await untilText(this.subtitle, new RegExp(`· ${escapeRegExp(label)}$`), 'the dashboard subtitle');
  }
}

/** 2026-11-06 → 11/6/2026, as the portal's date fields take it. */
function usDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${month}/${date}/${year}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
