import { browser } from 'protractor';
import {
  ACCOUNTS,
  returnToPortal,
  RooftopsPage,
  SITE_LIVE_TIMEOUT_MS,
  signInAs,
  step,
  Storefront,
  textOf,
} from '../support';

describe('Onboarding a rooftop', () => {
  it(
    'the group owner adds a rooftop and its website answers with its name, without anyone running a command',
    async () => {
      // Run-unique: a rooftop's name is unique in its group, and every run adds one to Demo Motor Group.
      const name = `QA Motors ${Date.now().toString(36).toUpperCase()}`;
      const rooftops = new RooftopsPage();

      const shell = await step('sign in as the group owner and open Rooftops', async () => {
        const signedIn = await signInAs(ACCOUNTS.groupOwner.email);
        await signedIn.goToRooftops();
        await rooftops.waitUntilLoaded();
        return signedIn;
      });

      const siteUrl = await step(`add the rooftop "${name}"`, () =>
        rooftops.add({
          name,
          street: '400 Commerce Drive',
          city: 'Westerville',
          region: 'OH',
          postalCode: '43081',
          country: 'US',
          timeZone: 'America/New_York',
          phone: '(614) 555-0188',
        }),
      );
      const slug = new URL(siteUrl).hostname.split('.')[0] ?? '';
      expect(slug).toMatch(/^qa-motors-[a-z0-9]+/);
      expect(await rooftops.siteLinkOf(name)).toBe(siteUrl);

      await step('its site goes live by itself', () => rooftops.waitUntilLive(name));

      const site = new Storefront(new URL(siteUrl).origin);
      await step(`open ${site.origin}`, async () => {
        await site.open('/');
        await site.waitForHeading(name, `the site's heading to name ${name}`);
      });
      expect(await browser.getTitle()).toContain(name);
      expect(await textOf(site.heading)).toContain(name);

      const signIn = await step('back to the portal and sign out', async () => {
        await returnToPortal('/rooftops');
        await shell.waitUntilLoaded();
        return shell.signOut();
      });
      expect(await signIn.isShown()).toBe(true);
    },
    SITE_LIVE_TIMEOUT_MS + 90_000,
  );
});
