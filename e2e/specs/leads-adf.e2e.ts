import {
  ACCOUNTS,
  adfDocument,
  DEALERSHIPS,
  freshShopper,
  LeadDetail,
  LeadInbox,
  LEAD_STORY_TIMEOUT_MS,
  LeadSettingsPage,
  portalOrigin,
  signInAs,
  step,
  submitAdf,
  textOf,
} from '../support';

describe('Leads from marketplaces (ADF)', () => {
  it(
    'the owner rotates the ingest key and an ADF lead sent with it arrives with its document',
    async () => {
      const { downtown } = DEALERSHIPS;
      const shopper = freshShopper('Adf');
      const provider = `E2E Autos ${shopper.lastName}`;
      const externalId = `ADF-${shopper.lastName}`;
      const xml = adfDocument({
        shopper,
        provider,
        idSource: provider,
        externalId,
        comments: `Is the Accord still available? (${shopper.lastName})`,
      });
      const inbox = new LeadInbox();
      const settings = new LeadSettingsPage();
      const lead = new LeadDetail();

      const shell = await step('sign in as the group owner, in Demo Motors Downtown', async () => {
        const signedIn = await signInAs(ACCOUNTS.groupOwner.email);
        if ((await signedIn.activeDealership()) !== downtown.name) {
          await signedIn.switchDealership(downtown.name);
        }
        return signedIn;
      });
      expect(await shell.activeDealership()).toBe(downtown.name);

      await step('open Lead settings from the leads page', async () => {
        await shell.goToLeads();
        await inbox.waitUntilLoaded();
        await inbox.openSettings();
        await settings.waitUntilShown();
      });

      const shown = await step('rotate the ingest key and confirm', () => settings.rotateIngestKey());
      expect(shown.key).toMatch(/^srk_\S+$/);
      expect(shown.endpoint).toBe(`${portalOrigin()}/api/leads/adf`);
      expect(shown.header).toBe(`Authorization: Bearer ${shown.key}`);
      expect(await textOf(settings.keyHint)).toContain(`…${shown.key.slice(-4)}`);

      const [posted] = await step('a marketplace posts an ADF lead with the new key', () =>
        submitAdf(shown.endpoint, shown.key, xml),
      );
      expect(posted?.duplicateOf).toBe(null);

      await step('the lead is in the inbox', async () => {
        await shell.goToLeads();
        await inbox.waitUntilLoaded();
        await inbox.searchFor(shopper.lastName);
      });
      expect(await inbox.leadIds()).toEqual([posted?.leadId ?? 'the id the service answered']);
      const row = inbox.rowWith(shopper.lastName);
      const inRow = await inbox.rowFacts(row);
      expect({ origin: inRow.origin, status: inRow.status }).toEqual({
        origin: `Marketplace · ${provider}`,
        status: 'new',
      });

      await step('open it', async () => {
        await inbox.open(row);
        await lead.waitUntilShown();
      });
      expect({
        name: await textOf(lead.name),
        origin: await textOf(lead.origin),
        email: await textOf(lead.shopperEmail),
        submissions: await lead.submissionCount(),
      }).toEqual({
        name: shopper.name,
        origin: `Marketplace · ${provider}`,
        email: shopper.email,
        submissions: 1,
      });

      const document = await step('read the original document in the submissions', () =>
        lead.originalDocument(),
      );
      expect(document).toContain(`<id sequence="1" source="${provider}">${externalId}</id>`);
      expect(document).toContain(`<name part="full">${provider}</name>`);
      expect(document).toContain(`<name part="last">${shopper.lastName}</name>`);

      const signIn = await step('sign out', () => shell.signOut());
      expect(await signIn.isShown()).toBe(true);
    },
    LEAD_STORY_TIMEOUT_MS,
  );
});
