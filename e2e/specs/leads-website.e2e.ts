import { browser } from 'protractor';
import type { LeadStatus } from '@showroom/contracts';
import {
  ACCOUNTS,
  DEALERSHIPS,
  devInboxMailTo,
  freshShopper,
  LEAD_STATUS_LABELS,
  LEAD_STORY_TIMEOUT_MS,
  LeadDetail,
  LeadInbox,
  signInAs,
  step,
  submitWebsiteForm,
  textOf,
  until,
  type DevMail,
} from '../support';

/** The pipeline from first contact to the sale, one status action at a time. */
const TO_SOLD: LeadStatus[] = ['contacted', 'appointment_set', 'showroom_visit', 'negotiation', 'sold'];

/** How the history words a move: "Status: new → contacted" (services/leads `labelOf`). */
const moveWords = (from: LeadStatus, to: LeadStatus) =>
  `${from.replace(/_/g, ' ')} → ${to.replace(/_/g, ' ')}`.toLowerCase();

describe('Leads from the website', () => {
  it(
    'a website lead arrives in the open inbox by itself and is worked to sold',
    async () => {
      const { downtown } = DEALERSHIPS;
      const shopper = freshShopper('Web');
      const question = `Is the Accord still there? (${shopper.lastName})`;
      const note = `Called ${shopper.firstName}: coming Saturday at 10 (${shopper.lastName})`;
      const inbox = new LeadInbox();
      const lead = new LeadDetail();

      const shell = await step('sign in as the manager and open the leads inbox', async () => {
        const signedIn = await signInAs(ACCOUNTS.manager.email);
        await signedIn.goToLeads();
        await inbox.waitUntilLoaded();
        return signedIn;
      });
      expect(await shell.activeDealership()).toBe(downtown.name);
      expect({ shownBeforeItArrived: await inbox.rowWith(shopper.lastName).isPresent() }).toEqual({
        shownBeforeItArrived: false,
      });
      // A mark on this very document: a reload or a navigation would wipe it.
      await browser.executeScript('window.__e2eSameInbox = true;');

      const posted = await step("a shopper sends the dealer website's form", () =>
        submitWebsiteForm(downtown.id, {
          intent: 'check_availability',
          firstName: shopper.firstName,
          lastName: shopper.lastName,
          email: shopper.email,
          phone: shopper.phone,
          preferredContact: 'email',
          message: question,
        }),
      );

      // The portal polls the lead counts every 15 s and refreshes the open inbox when they move.
      await step('the lead shows up in the inbox without a reload', () =>
        inbox.waitForRowWith(shopper.lastName),
      );
      const row = inbox.rowWith(shopper.lastName);
      expect({
        sameDocument: await browser.executeScript<boolean>('return window.__e2eSameInbox === true;'),
      }).toEqual({
        sameDocument: true,
      });
      expect(await textOf(inbox.freshLeads)).toMatch(/^\d+ new leads? just arrived$/);
      expect(await row.getAttribute('data-lead-id')).toBe(posted.leadId);
      const inRow = await inbox.rowFacts(row);
      expect({ origin: inRow.origin, status: inRow.status }).toEqual({
        origin: 'Website · check availability',
        status: 'new',
      });

      await step('open it', async () => {
        await inbox.open(row);
        await lead.waitUntilShown();
      });
      expect(await lead.id()).toBe(posted.leadId);
      expect({
        name: await textOf(lead.name),
        origin: await textOf(lead.origin),
        shopperName: await textOf(lead.shopperName),
        email: await textOf(lead.shopperEmail),
        phone: await textOf(lead.shopperPhone),
        message: await textOf(lead.message),
        status: await lead.status(),
      }).toEqual({
        name: shopper.name,
        origin: 'Website · check availability',
        shopperName: shopper.name,
        email: shopper.email,
        phone: shopper.phone,
        message: question,
        status: 'new',
      });

      await step('add a note', () => lead.addNote(note));
      expect((await lead.noteTexts())[0]).toContain(ACCOUNTS.manager.name);

      let from: LeadStatus = 'new';
      for (const to of TO_SOLD) {
        await step(`move it from ${LEAD_STATUS_LABELS[from]} to ${LEAD_STATUS_LABELS[to]}`, async () => {
          expect(await lead.statusActionsOffered()).toContain(to);
          await lead.moveTo(to);
        });
        from = to;
      }
      expect(await textOf(lead.statusChip)).toBe('Sold');
      expect(await lead.statusActionsOffered()).toEqual([]);
      expect(await textOf(lead.movesSection)).toBe('A sold lead is final.');

      const history = await step('the history shows every status change and the note', () =>
        lead.waitForTimeline(
          (entries) =>
            entries.filter((e) => e.type === 'status_changed').length === TO_SOLD.length &&
            entries.some((e) => e.type === 'note_added'),
          `${TO_SOLD.length} status changes and the note`,
        ),
      );
      // Newest first: negotiation → sold at the top, new → contacted last.
      const moves = history.filter((e) => e.type === 'status_changed').map((e) => e.text.toLowerCase());
      const expectedMoves = TO_SOLD.map((to, i) =>
        moveWords((['new', ...TO_SOLD] as const)[i] ?? 'new', to),
      ).reverse();
      expect(moves.length).toBe(expectedMoves.length);
      expectedMoves.forEach((words, i) => expect(moves[i] ?? '').toContain(words));
      expect(history.map((e) => e.type)).toContain('lead_created');

      await step('the shopper got the acknowledgement e-mail (developer inbox only)', async () => {
        let mail: DevMail[] | null = await devInboxMailTo(shopper.email);
        if (mail === null) {
          console.log(
            `[e2e] no developer inbox at ${browser.baseUrl}/dev/mail.json (a deployed environment): ` +
              'not checking the acknowledgement e-mail',
          );
          return;
        }
        await until(async () => {
          mail = await devInboxMailTo(shopper.email);
          return (mail?.length ?? 0) > 0;
        }, `an e-mail to ${shopper.email} in the developer inbox`);
        // The dealership's template (Lead settings) words it; every template greets the shopper by name.
        const [ack] = mail ?? [];
        expect(ack?.to).toEqual([shopper.email]);
        expect(ack?.subject ?? '').not.toBe('');
        expect(ack?.text ?? '').toContain(shopper.firstName);
      });

      const signIn = await step('sign out', () => shell.signOut());
      expect(await signIn.isShown()).toBe(true);
    },
    LEAD_STORY_TIMEOUT_MS,
  );
});
