import { $, $$, by, element, type ElementFinder } from 'protractor';
import { formControl, testId } from './locators';
import { click, noOverlayOpen, shown, STEP_TIMEOUT_MS, textOf, typeInto, until } from './waits';

/** What the owner types to onboard a rooftop. */
export interface NewRooftop {
  name: string;
  street: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  /** As the time zone list names it, e.g. America/Chicago. */
  timeZone: string;
  phone?: string;
}

/** A new rooftop's site is published within seconds; a slow shared box gets a minute. */
export const SITE_LIVE_TIMEOUT_MS = Math.max(60_000, STEP_TIMEOUT_MS * 4);

/** `/rooftops` (owners): the group's rooftops with their sites and the "Add rooftop" form. */
export class RooftopsPage {
  readonly addButton = $(testId('add-rooftop'));
  readonly formCard = $(testId('rooftop-form-card'));
  readonly createButton = $(testId('create-rooftop'));
  readonly createProblem = $(testId('rooftop-create-error'));
  readonly created = $(testId('rooftop-created'));
  readonly createdSiteLink = $(testId('created-site-link'));
  readonly rooftops = $$(testId('rooftop'));
  readonly timeZone = $(testId('rooftop-time-zone'));

  readonly loadError = $(testId('rooftops-error'));

  async waitUntilLoaded(): Promise<void> {
    await until(async () => {
      if (await this.loadError.isPresent()) {
        throw new Error(`the rooftops page shows an error: ${await textOf(this.loadError)}`);
      }
      return (await this.addButton.isPresent()) && this.addButton.isDisplayed();
    }, 'the rooftops page (Add rooftop)');
  }

  /** Fills "Add a rooftop" and adds it; waits for the page to confirm it and returns its site URL. */
  async add(rooftop: NewRooftop): Promise<string> {
    await click(this.addButton, 'Add rooftop');
    await shown(this.formCard, 'the "Add a rooftop" form');
    await typeInto($(testId('rooftop-name')), rooftop.name);
    for (const field of ['street', 'city', 'region', 'postalCode', 'country'] as const) {
      await typeInto($(testId(`address-${field}`)), rooftop[field]);
    }
    await click(this.timeZone, 'the time zone');
    await click(element(by.cssContainingText('mat-option', rooftop.timeZone)), rooftop.timeZone);
    await noOverlayOpen();
    if (rooftop.phone) await typeInto(element(formControl('phone')), rooftop.phone);
    await click(this.createButton, 'Add rooftop (save)');
    await until(async () => {
      if (await this.createProblem.isPresent()) {
        throw new Error(`adding the rooftop was refused: ${await textOf(this.createProblem)}`);
      }
      return this.created.isPresent();
    }, `"${rooftop.name} is added"`);
    return (await this.createdSiteLink.getAttribute('href')) ?? '';
  }

  rowOf(name: string): ElementFinder {
    return element(by.cssContainingText(testId('rooftop'), name));
  }

  /** The provisioning state a rooftop's row shows (pending, running, live, failed). */
  async stateOf(name: string): Promise<string> {
    return (await this.rowOf(name).$(testId('provisioning-state')).getAttribute('data-status')) ?? '';
  }

  /**
   * Waits until the rooftop's site is live: the page follows provisioning by itself while a site is on
   * its way (pending, running). A failed state ends the wait (the page stops following it there).
   */
  async waitUntilLive(name: string): Promise<void> {
    let state = '';
    try {
      await until(
        async () => {
          state = await this.stateOf(name);
          if (state === 'failed') throw new Error(`provisioning the site of ${name} failed`);
          return state === 'live';
        },
        `the site of ${name} to be live`,
        SITE_LIVE_TIMEOUT_MS,
      );
    } catch (error) {
      if (error instanceof Error) error.message += ` (its state: ${state || 'not shown'})`;
      throw error;
    }
  }

  async siteLinkOf(name: string): Promise<string> {
    return (await this.rowOf(name).$(testId('rooftop-site-link')).getAttribute('href')) ?? '';
  }
}
