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
} from '../support';

describe('Duplicate leads', () => {
  it(
    "a shopper's second form attaches to their open lead instead of making another",
    async () => {
      const { downtown } = DEALERSHIPS;
      const shopper = freshShopper('Twice');
      const inbox = new LeadInbox();
      const lead = new LeadDetail();

      const first = await step('the shopper asks whether the car is available', () =>
        submitWebsiteForm(downtown.id, {
          intent: 'check_availability',
          firstName: shopper.firstName,
          lastName: shopper.lastName,
          email: shopper.email,
          message: `Still available? (${shopper.lastName})`,
        }),
      );
      // Same address as people type it again: other case, spaces around.
      const retyped = `  ${shopper.email.toUpperCase()} `;
      const second = await step('the same shopper sends the form again, for a test drive', () =>
        submitWebsiteForm(downtown.id, {
          intent: 'schedule_test_drive',
          firstName: shopper.firstName,
          lastName: shopper.lastName,
          email: retyped,
          message: `Can I drive it on Saturday? (${shopper.lastName})`,
        }),
      );
      // The form tells the shopper nothing about their leads; staff find the one lead both joined.
      expect(second.receipt).not.toBe(first.receipt);
      expect(second.leadId).toBe(first.leadId);

      const shell = await step('sign in as the manager and search the inbox for the shopper', async () => {
        const signedIn = await signInAs(ACCOUNTS.manager.email);
        await signedIn.goToLeads();
        await inbox.waitUntilLoaded();
        await inbox.searchFor(shopper.lastName);
        return signedIn;
      });
      expect(await inbox.leadIds()).toEqual([first.leadId]);
      expect(await textOf(inbox.leadCount)).toBe('1 lead');

      await step('open the lead', async () => {
        await inbox.open(inbox.rowWith(shopper.lastName));
        await lead.waitUntilShown();
      });
      expect({
        name: await textOf(lead.name),
        // The lead keeps where it first came from; the second form is a submission of it.
        origin: await textOf(lead.origin),
        submissions: await lead.submissionCount(),
        heading: await textOf(lead.submissionsHeading),
      }).toEqual({
        name: shopper.name,
        origin: 'Website · check availability',
        submissions: 2,
        heading: 'Submissions 2',
      });

      const [newer = '', older = ''] = await lead.submissionTexts();
      expect(newer).toContain('Website · schedule test drive');
      expect(newer).toContain(`Can I drive it on Saturday? (${shopper.lastName})`);
      expect(older).toContain('Website · check availability');

      const history = await step('the history shows the shopper came back', () =>
        lead.waitForTimeline(
          (entries) => entries.some((e) => e.type === 'duplicate_attached'),
          'the returning shopper ("Sent again")',
        ),
      );
      const returned = history.find((e) => e.type === 'duplicate_attached');
      expect(returned?.text ?? '').toContain('Sent again');
      expect(returned?.text ?? '').toContain('Website · schedule test drive');

      const signIn = await step('sign out', () => shell.signOut());
      expect(await signIn.isShown()).toBe(true);
    },
    LEAD_STORY_TIMEOUT_MS,
  );
});
