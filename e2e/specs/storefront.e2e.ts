import { $, browser } from 'protractor';
import {
  ACCOUNTS,
  DEALERSHIPS,
  freshShopper,
  LEAD_STORY_TIMEOUT_MS,
  LeadDetail,
  LeadInbox,
  signInAs,
  siteUrlOf,
  step,
  Storefront,
  testId,
  textOf,
} from '../support';

/** A day a week from now as a date input holds it (YYYY-MM-DD). */
const aWeekFromNow = () => new Date(Date.now() + 7 * 24 * 3600_000).toISOString().slice(0, 10);

describe('The dealership’s website', () => {
  it(
    'a shopper finds a car with a misspelt make, asks for a test drive, and the lead reaches the inbox with that car',
    async () => {
      const { downtown } = DEALERSHIPS;
      const site = new Storefront(siteUrlOf(downtown.slug));
      const shopper = freshShopper('Drive');
      const day = aWeekFromNow();

      await step(`open ${site.origin}`, () => site.open('/'));
      expect(await browser.getTitle()).toContain(downtown.name);

      const results = await step('search for "toyta"', () => site.search('toyta'));
      expect(results.length).toBeGreaterThan(0);
      expect({ resultsWithoutToyota: results.filter((car) => !car.title.includes('Toyota')) }).toEqual({
        resultsWithoutToyota: [],
      });

      const [car] = results;
      if (!car) throw new Error('no Toyota in the results');
      await step(`open the ${car.title}`, () => site.openResult(car));
      const [, vehicleId = ''] = /^\/cars\/([^/]+)\//.exec(car.path) ?? [];
      expect(vehicleId).not.toBe('');

      await step('open the test drive form', () =>
        site.openLeadForm('schedule_test_drive', 'Schedule a test drive'),
      );
      const form = site.leadFormFor('schedule_test_drive');
      await step('fill in name, e-mail, phone and the preferred time', () =>
        site.fill(form, {
          firstName: shopper.firstName,
          lastName: shopper.lastName,
          email: shopper.email,
          phone: shopper.phone,
          preferredDate: day,
          preferredTime: 'Afternoon',
        }),
      );
      await step('send it', () => site.send(form, 'Request a test drive'));
      expect(await textOf(site.heading)).toBe(`Thank you, ${shopper.firstName}!`);

      const shell = await step('the manager signs in to the portal and opens the leads inbox', async () => {
        const signedIn = await signInAs(ACCOUNTS.manager.email);
        await signedIn.goToLeads();
        return signedIn;
      });
      const inbox = new LeadInbox();
      await inbox.waitUntilLoaded();
      await step('find the shopper’s lead', async () => {
        await inbox.searchFor(shopper.lastName);
        await inbox.waitForRowWith(shopper.lastName);
      });
      const row = inbox.rowWith(shopper.lastName);
      expect((await inbox.rowFacts(row)).origin).toBe('Website · schedule test drive');

      const lead = new LeadDetail();
      await step('open it', async () => {
        await inbox.open(row);
        await lead.waitUntilShown();
      });
      const vehicleLink = $(testId('lead-vehicle-link'));
      expect({
        shopper: await textOf(lead.shopperName),
        email: await textOf(lead.shopperEmail),
        phone: await textOf(lead.shopperPhone),
        vehicle: new URL((await vehicleLink.getAttribute('href')) ?? '', browser.baseUrl).pathname,
      }).toEqual({
        shopper: shopper.name,
        email: shopper.email,
        phone: shopper.phone,
        vehicle: `/inventory/${vehicleId}`,
      });
      expect(await textOf(vehicleLink)).toContain('Toyota');
      expect(await textOf(lead.message)).toContain(`Preferred test drive: ${day}, Afternoon`);

      const signIn = await step('sign out', () => shell.signOut());
      expect(await signIn.isShown()).toBe(true);
    },
    LEAD_STORY_TIMEOUT_MS,
  );
});
