import { $, $$, browser } from 'protractor';
import { testId } from './locators';
import { click, shown, textOf, until } from './waits';

/** The photos section of a vehicle's page: the gallery, and "Manage photos" for who may change them. */
export class VehiclePhotos {
  readonly section = $(testId('vehicle-photos'));
  readonly manageButton = $(testId('manage-photos'));
  readonly count = $(testId('photo-count'));
  readonly empty = $(testId('photos-empty'));
  readonly fileInput = $(testId('photo-file-input'));
  readonly tiles = $$(testId('photo-tile'));
  readonly uploads = $$(testId('photo-upload'));
  readonly galleryHero = $(`${testId('gallery-hero')} img`);
  readonly galleryThumbnails = $$(`${testId('gallery-thumbnail')} img`);

  async waitUntilShown(): Promise<void> {
    await until(
      async () => (await this.count.isPresent()) && (await this.count.isDisplayed()),
      'the photo count',
    );
  }

  async countText(): Promise<string> {
    return textOf(this.count);
  }

  async startManaging(): Promise<void> {
    await click(this.manageButton, 'Manage photos');
    await until(async () => (await this.fileInput.isPresent()) && true, 'the photo manager');
  }

  async stopManaging(): Promise<void> {
    await click(this.manageButton, 'Done');
    await until(async () => !(await this.fileInput.isPresent()), 'the gallery to come back');
  }

  /**
   * Picks the files as the file picker would (the input is visually hidden; WebDriver types absolute
   * paths into it, one a line) and waits until every upload has ended; any refused one fails the step
   * with the problem the portal shows.
   */
  async upload(paths: readonly string[]): Promise<void> {
    await this.fileInput.sendKeys(paths.join('\n'));
    await until(
      async () => {
        const statuses = await this.uploadStatuses();
        return (
          statuses.length === paths.length &&
          statuses.every((status) => status === 'done' || status === 'failed')
        );
      },
      `${paths.length} uploads to end`,
      60_000,
    );
    const problems = await $$(testId('upload-problem')).map((problem) => problem?.getText());
    if (problems.length) throw new Error(`uploads were refused: ${problems.join('; ')}`);
  }

  async uploadStatuses(): Promise<string[]> {
    return this.uploads.map((upload) => upload?.getAttribute('data-status')) as Promise<string[]>;
  }

  /** The photos' ids in the order shown in the manager. */
  async photoIds(): Promise<string[]> {
    return this.tiles.map((tile) => tile?.getAttribute('data-photo-id')) as Promise<string[]>;
  }

  /** The id of the starred photo (the hero). */
  async heroId(): Promise<string | null> {
    const ids = await this.photoIds();
    const pressed = (await $$(testId('photo-hero')).map((star) =>
      star?.getAttribute('aria-pressed'),
    )) as string[];
    const index = pressed.indexOf('true');
    return index < 0 ? null : ids[index];
  }

  async moveLater(index: number): Promise<void> {
    await click(this.tiles.get(index).$(testId('photo-move-later')), `move photo ${index + 1} later`);
  }

  async makeHero(index: number): Promise<void> {
    await click(this.tiles.get(index).$(testId('photo-hero')), `the star of photo ${index + 1}`);
    await until(
      async () =>
        (await this.tiles.get(index).$(testId('photo-hero')).getAttribute('aria-pressed')) === 'true',
      'the star to be set',
    );
  }

  /**
   * Drags a photo onto another's place with the mouse, as the CDK expects it: press, a small move to
   * start the drag, a move over the other photo, release. ChromeDriver's legacy "move to element"
   * lands off target on this page, so each move is relative to where the pointer really is (read
   * from a mousemove listener), from the photos' own boxes.
   */
  async drag(from: number, to: number): Promise<void> {
    const source = this.tiles.get(from);
    await shown(source, `photo ${from + 1}`);
    await browser.executeScript(
      `arguments[0].scrollIntoView({ block: 'center' });
       window.__srPointer = null;
       document.addEventListener('mousemove', (e) => { window.__srPointer = [e.clientX, e.clientY]; }, true);`,
      source.getWebElement(),
    );
    await browser.actions().mouseMove(source.getWebElement()).perform();
    let pointer = (await browser.executeScript('return window.__srPointer;')) as [number, number] | null;
    if (!pointer) throw new Error('the pointer did not reach the page');
    const [sourceX, sourceY] = await this.boxOf(from);
    const moveBy = async (x: number, y: number) => {
      await browser
        .actions()
        .mouseMove({ x: Math.round(x), y: Math.round(y) })
        .perform();
    };
    await moveBy(sourceX + 40 - pointer[0], sourceY + 40 - pointer[1]);
    await browser.actions().mouseDown().perform();
    await moveBy(10, 0);
    await moveBy(10, 0);
    pointer = (await browser.executeScript('return window.__srPointer;')) as [number, number];
    const [targetX, targetY] = await this.boxOf(to);
    await moveBy(targetX + 30 - pointer[0], targetY + 40 - pointer[1]);
    await moveBy(-2, 1);
    await browser.actions().mouseUp().perform();
  }

  /** Where a photo's tile is in the window (left, top). */
  private async boxOf(index: number): Promise<[number, number]> {
    return (await browser.executeScript(
      'const box = arguments[0].getBoundingClientRect(); return [box.left, box.top];',
      this.tiles.get(index).getWebElement(),
    )) as [number, number];
  }
}
