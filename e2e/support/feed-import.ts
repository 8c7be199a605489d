import { $, $$ } from 'protractor';
import { testId } from './locators';
import { click, textOf, until } from './waits';

/** The inventory import page: pick a CSV, check the columns, start, read the report. */
export class FeedImportPage {
  readonly openButton = $(testId('import-vehicles'));
  readonly fileInput = $(testId('import-file'));
  readonly mapping = $(testId('mapping'));
  readonly detected = $(testId('detected'));
  readonly startButton = $(testId('start-import'));
  readonly status = $(testId('import-status'));
  readonly reportRows = $$(testId('report-row'));

  /** From the inventory list's header (who may change the inventory sees it). */
  async openFromInventory(): Promise<void> {
    await click(this.openButton, 'Import');
    await until(async () => this.fileInput.isPresent(), 'the import page');
  }

  /** Picks the file as the file picker would (WebDriver types its absolute path into the hidden input). */
  async pick(path: string): Promise<void> {
    await this.fileInput.sendKeys(path);
    await until(async () => this.mapping.isPresent(), 'the columns of the file');
  }

  async detectedText(): Promise<string> {
    return textOf(this.detected);
  }

  /**
   * Starts the import and waits until it has ended; answers the status line. The page polls the
   * import outside Angular's zone, so each look at the status line answers at once (it used to wait
   * for the whole import, up to allScriptsTimeout, 30 s). A three-row import ends in a few seconds;
   * 30 s keeps the story well inside Jasmine's 90 s.
   */
  async startAndWait(): Promise<string> {
    await click(this.startButton, 'Start the import');
    await until(async () => /^(Done|Stopped)/.test(await this.statusText()), 'the import to end', 30_000);
    await until(async () => (await this.reportRows.count()) > 0, 'the report');
    return this.statusText();
  }

  async statusText(): Promise<string> {
    return (await this.status.isPresent()) ? textOf(this.status) : '';
  }

  /** The report's rows as line, field and reason. */
  async report(): Promise<Array<{ line: string; field: string; reason: string }>> {
    const cells = async (id: string) =>
      $$(`${testId('report-row')} ${testId(id)}`).map((cell) => cell?.getText());
    const [lines, fields, reasons] = (await Promise.all([
      cells('report-line'),
      cells('report-field'),
      cells('report-reason'),
    ])) as string[][];
    return lines.map((line, i) => ({ line, field: fields[i] ?? '', reason: reasons[i] ?? '' }));
  }
}
