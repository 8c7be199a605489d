// `npm run docs:screenshots`: the README's pictures of the portal, taken from a running platform
// (SHOWROOM_URL) or from one started here on e2e's ports and throwaway schemas, then stopped.
import { mkdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { DEMO_USERS, demoPassword } from '@showroom/demo-data';
import { answerDemoCodePage } from '@showroom/demo-data/mfa';
import { backingStoresFromEnv, withBackingStores } from './backing-services';
import { buildApps } from './build';
import { startThrowawayPlatform } from './platform';
import { E2E_PORTS, E2E_SCHEMAS } from './ports';
import { WORKSPACE_ROOT } from './processes';
import { HEADLESS_CHROMIUM_FLAGS as CHROMIUM_FLAGS } from './chromium';

const IMAGES_FOLDER = join(WORKSPACE_ROOT, 'docs', 'images');
const VIEWPORT = { width: 1280, height: 800 };
/** The pictures are committed and shown on the README's first screen: each stays small. */
const MAX_PNG_BYTES = 300_000;
const STEP_TIMEOUT_MS = 30_000;

/** Waits until the page has fetched everything (photos included) and Material has finished moving. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() =>
    Array.from(document.images).every((image) => image.complete && image.naturalWidth > 0),
  );
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
}

async function save(page: Page, name: string): Promise<void> {
  await settle(page);
  const png = join(IMAGES_FOLDER, `${name}.png`);
  await page.screenshot({ path: png, type: 'png' });
  const pngBytes = statSync(png).size;
  if (pngBytes <= MAX_PNG_BYTES) {
    console.log(`  ${relative(WORKSPACE_ROOT, png)} (${Math.round(pngBytes / 1000)} kB)`);
    return;
  }
  throw new Error(
    `${relative(WORKSPACE_ROOT, png)} is ${Math.round(pngBytes / 1000)} kB, over ${MAX_PNG_BYTES / 1000} kB: ` +
      'choose a calmer page or save it as JPEG',
  );
}

async function signInAsManager(page: Page, portalUrl: string): Promise<void> {
  await page.goto(portalUrl);
  // The portal sends a signed-out visitor to the identity provider's sign-in page.
  await page.locator('input[name=username]').fill(DEMO_USERS.manager.email);
  await page.locator('input[name=password]').fill(demoPassword());
  await page.locator('form button[type=submit]').click();
  await answerDemoCodePage(page, DEMO_USERS.manager.email, {
    doneSelector: '[data-testid="user-menu"]',
    timeout: STEP_TIMEOUT_MS,
  });
  await page.locator('[data-testid="user-menu"]').waitFor();
}

async function takeScreenshots(portalUrl: string): Promise<void> {
  mkdirSync(IMAGES_FOLDER, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    console.log(`Signing in to ${portalUrl} as ${DEMO_USERS.manager.email}; saving to docs/images/:`);
    await signInAsManager(page, portalUrl);

    // Moving through the portal as a dealer does (a fresh page load would sign in again).
    await page.locator('[data-testid="vehicle-row"]').first().waitFor();
    await save(page, 'inventory');

    await page.locator('[data-testid="nav-leads"]').click();
    const leadAboutACar = page
      .locator('[data-testid="lead-row"]')
      .filter({ hasNotText: 'No particular vehicle' })
      .first();
    await leadAboutACar.locator('[data-testid="lead-link"]').click();
    await page.locator('[data-testid="lead-name"]').waitFor();
    await save(page, 'lead');

    await page.locator('[data-testid="nav-leads"]').click();
    await page.locator('[data-testid="leads-tab-board"]').click();
    await page.locator('[data-testid="lead-card"]').first().waitFor();
    await save(page, 'leads-board');
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const given = process.env['SHOWROOM_URL'];
  if (given) return takeScreenshots(given.replace(/\/$/, ''));
  // MySQL and Redis as npm start has them (started here, and stopped again, when nothing answers).
  await withBackingStores(backingStoresFromEnv(), async (stores) => {
    buildApps();
    console.log(`Starting the platform on e2e's ports (portal :${E2E_PORTS.portal}) and throwaway schemas…`);
    const platform = await startThrowawayPlatform({
      ports: E2E_PORTS,
      schemas: E2E_SCHEMAS,
      stores,
      echo: false,
      logLevel: 'warn',
    });
    try {
      await takeScreenshots(platform.portalUrl);
    } finally {
      await platform.stop();
    }
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`docs:screenshots failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
