import { $, browser } from 'protractor';
import {
  ACCOUNTS,
  DEALERSHIPS,
  freshShopper,
  LeadDetail,
  LeadInbox,
  LEAD_STORY_TIMEOUT_MS,
  signInAs,
  step,
  submitWebsiteForm,
  textOf,
  websiteFormOf,
} from '../support';

describe('Lead privacy', () => {
  it(
    "a salesperson cannot find or open a colleague's lead",
    async () => {
      const { downtown } = DEALERSHIPS;
      const { manager, sales, sales2 } = ACCOUNTS;
      // Sam's lead is what Sofia must not see; hers is the control that her inbox and search work.
      const samsShopper = freshShopper('Private');
      const sofiasShopper = freshShopper('Control');
      const inbox = new LeadInbox();
      const lead = new LeadDetail();

      const samsLead = await step('a shopper sends the website form', () =>
        submitWebsiteForm(
          downtown.id,
          websiteFormOf(samsShopper, 'request_quote', 'Best price on the Accord?'),
        ),
      );
      const sofiasLead = await step('another shopper sends the website form', () =>
        submitWebsiteForm(downtown.id, websiteFormOf(sofiasShopper, 'general_contact', 'Open on Sunday?')),
      );

      const managerShell = await step('sign in as the manager', () => signInAs(manager.email));

      // Round-robin may have given the lead to either salesperson already. If Sam has it, the
      // manager first hands it to Sofia, so that the move to Sam below really goes through the picker.
      await step(`the manager gives the first lead to ${sales2.name} with the reassign picker`, async () => {
        await lead.openById(samsLead.leadId);
        await lead.waitUntilShown();
        if ((await lead.assigneeName()) === sales2.name) await lead.reassignTo(sales.name);
        await lead.reassignTo(sales2.name);
      });
      expect(await lead.assigneeName()).toBe(sales2.name);

      await step(`and the other lead to ${sales.name}`, async () => {
        await lead.openById(sofiasLead.leadId);
        await lead.waitUntilShown();
        if ((await lead.assigneeName()) !== sales.name) await lead.reassignTo(sales.name);
      });
      expect(await lead.assigneeName()).toBe(sales.name);
      await step('the manager signs out', () => managerShell.signOut());

      const shell = await step(`sign in as ${sales.name} and open the leads inbox`, async () => {
        const signedIn = await signInAs(sales.email);
        await signedIn.goToLeads();
        await inbox.waitUntilLoaded();
        return signedIn;
      });
      expect(await inbox.leadIds()).not.toContain(samsLead.leadId);

      // A search she can win first, so the empty result below means "not hers", not "search broken".
      await step('her search finds her own lead', () => inbox.searchFor(sofiasShopper.lastName));
      expect(await inbox.leadIds()).toEqual([sofiasLead.leadId]);

      await step("her search for her colleague's shopper finds nothing", () =>
        inbox.searchFor(samsShopper.lastName),
      );
      expect(await inbox.outcome()).toEqual({ leadCount: '0 leads', rows: 0, emptyState: true });

      await step("open her colleague's lead by its address", async () => {
        await lead.openById(samsLead.leadId);
        await lead.waitUntilNotFound();
      });
      expect(await textOf(lead.notFound)).toContain('Lead not found');
      expect({ leadShown: await lead.name.isPresent() }).toEqual({ leadShown: false });
      // Nothing of the shopper anywhere: not in the text, not in the document (title, hidden parts).
      const text = await textOf($('body'));
      const source = await browser.getPageSource();
      expect({
        nameInText: text.includes(samsShopper.lastName),
        nameInDocument: source.includes(samsShopper.lastName),
        emailInDocument: source.includes(samsShopper.email),
        title: await browser.getTitle(),
      }).toEqual({
        nameInText: false,
        nameInDocument: false,
        emailInDocument: false,
        title: 'Lead · Showroom',
      });

      const signIn = await step('sign out', () => shell.signOut());
      expect(await signIn.isShown()).toBe(true);
    },
    LEAD_STORY_TIMEOUT_MS,
  );
});
