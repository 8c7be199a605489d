import { $$, browser, ElementFinder, ExpectedConditions as EC, Key } from 'protractor';

/** How long one step may take; generous for a shared CI box, never a fixed sleep. */
export const STEP_TIMEOUT_MS = Number(process.env['E2E_STEP_TIMEOUT_MS']) || 15_000;

/**
 * Runs a story step; a failure names the step, so the report reads like the story.
 * With E2E_STEPS=1 each step prints how long it took.
 */
export async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    const result = await action();
    if (process.env['E2E_STEPS'])
      console.log(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  } catch (error) {
    const cause = error instanceof Error ? error : new Error(String(error));
    cause.message = `Step "${name}" failed: ${cause.message}`;
    throw cause;
  }
}

/** Waits until `condition` holds; an element that is missing or replaced meanwhile counts as "not yet". */
export async function until(
  condition: () => Promise<boolean>,
  what: string,
  timeout = STEP_TIMEOUT_MS,
): Promise<void> {
  await browser.wait(
    async () => {
      try {
        return await condition();
      } catch (error) {
        const name = (error as { name?: string }).name ?? '';
        if (/NoSuchElement|StaleElementReference/.test(name)) return false;
        throw error;
      }
    },
    timeout,
    `Waited ${timeout} ms for ${what}`,
  );
}

export async function shown(element: ElementFinder, what: string, timeout = STEP_TIMEOUT_MS): Promise<void> {
  await browser.wait(EC.visibilityOf(element), timeout, `Waited ${timeout} ms for ${what} to show`);
}

export async function click(element: ElementFinder, what: string): Promise<void> {
  await browser.wait(
    EC.elementToBeClickable(element),
    STEP_TIMEOUT_MS,
    `Waited ${STEP_TIMEOUT_MS} ms for ${what} to be clickable`,
  );
  // WebDriver scrolls a target only just into view: at the top edge, the portal's sticky toolbar
  // would take the click. The middle of the window is clear of it.
  await browser.executeScript(
    'arguments[0].scrollIntoView({ block: "center", inline: "nearest" });',
    element.getWebElement(),
  );
  await element.click();
}

export async function textOf(element: ElementFinder): Promise<string> {
  return (await element.getText()).replace(/\s+/g, ' ').trim();
}

export async function valueOf(element: ElementFinder): Promise<string> {
  return (await element.getAttribute('value')) ?? '';
}

/** Waits until the element's visible text is `expected` (or matches it). */
export async function untilText(
  element: ElementFinder,
  expected: string | RegExp,
  what: string,
): Promise<void> {
  let last = '';
  const matches = async () => {
    last = await textOf(element);
    return typeof expected === 'string' ? last === expected : expected.test(last);
  };
  try {
    await until(matches, `${what} to read ${String(expected)}`);
  } catch (error) {
    if (error instanceof Error) error.message += ` (it read "${last}")`;
    throw error;
  }
}

/** Replaces what a text or number field holds, the way a dealer does (select all, type). */
export async function typeInto(element: ElementFinder, value: string | number): Promise<void> {
  await shown(element, 'the field');
  await element.clear();
  await element.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE, String(value));
}

/** Material menus and selects fade out; a click on the page meanwhile would hit their backdrop. */
export async function noOverlayOpen(): Promise<void> {
  await until(
    async () => (await $$('.cdk-overlay-backdrop').count()) === 0,
    'the open menu or dropdown to close',
  );
}
