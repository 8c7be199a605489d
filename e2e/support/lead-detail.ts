import { $, $$, browser, by, element } from 'protractor';
import type { LeadEventType, LeadStatus } from '@showroom/contracts';
import { portalOrigin } from './env';
import { testId } from './locators';
import { click, noOverlayOpen, shown, STEP_TIMEOUT_MS, textOf, typeInto, until, untilText } from './waits';

/** The status chip's words (apps/portal `LEAD_STATUS_LABELS`). */
export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  appointment_set: 'Appointment set',
  showroom_visit: 'Showroom visit',
  negotiation: 'Negotiation',
  sold: 'Sold',
  lost: 'Lost',
};

/** One entry of the lead's history as the page shows it. */
export interface TimelineEntry {
  type: LeadEventType | string;
  /** Label, time, summary and actor in one line ("Status changed 1 min ago Status: New → Contacted by …"). */
  text: string;
}

/**
 * The history is written after the change, by the leads service's outbox (DynamoDB), and the page
 * reads it when it opens and after each change it makes: an event may land just after that read.
 */
const HISTORY_TIMEOUT_MS = Math.max(30_000, STEP_TIMEOUT_MS * 2);

/** `/leads/:id`: one lead and the work on it, as the dealer's role allows. */
export class LeadDetail {
  readonly name = $(testId('lead-name'));
  /** "Website · check availability", "Marketplace · Cars.com": where the lead came from. */
  readonly origin = $(testId('lead-origin'));
  /** The lead's own chip is the first on the page (earlier leads of the shopper have theirs below). */
  readonly statusChip = $$(testId('status-chip')).first();
  readonly statusActions = $$('[data-testid^="status-action-"]');
  readonly movesSection = $('section[aria-label="Move the lead"]');
  readonly shopperName = $(testId('shopper-name'));
  readonly shopperEmail = $(testId('shopper-email'));
  readonly shopperPhone = $(testId('shopper-phone'));
  readonly message = $(testId('lead-message'));
  readonly noteInput = $(testId('note-input'));
  readonly noteSubmit = $(testId('note-submit'));
  readonly notes = $$(testId('note'));
  readonly assignee = $(testId('lead-assignee'));
  readonly reassignPicker = $(testId('reassign'));
  readonly submissions = $$(testId('submission'));
  readonly submissionsHeading = $('#submissions-heading');
  readonly timelineEvents = $$(testId('timeline-event'));
  readonly timelineError = $(testId('timeline-error'));
  readonly notFound = $(testId('lead-not-found'));

  /** Opens a lead by its address, as a bookmark, a shared link or the assignee's e-mail would. */
  async openById(id: string): Promise<void> {
    await browser.get(`${portalOrigin()}/leads/${encodeURIComponent(id)}`);
  }

  async waitUntilShown(): Promise<void> {
    await shown(this.name, "the lead's page");
  }

  async waitUntilNotFound(): Promise<void> {
    await shown(this.notFound, 'the "Lead not found" state');
  }

  /** The lead's id, from the page's address. */
  async id(): Promise<string> {
    const [, id = ''] = /\/leads\/([^/?#]+)$/.exec(new URL(await browser.getCurrentUrl()).pathname) ?? [];
    return id;
  }

  async status(): Promise<string> {
    return (await this.statusChip.getAttribute('data-status')) ?? '';
  }

  /** The moves the page offers now (`status-action-<status>`), in the page's order. */
  async statusActionsOffered(): Promise<string[]> {
    const offered: string[] = [];
    for (const button of await this.statusActions) {
      offered.push(((await button.getAttribute('data-testid')) ?? '').replace('status-action-', ''));
    }
    return offered;
  }

  /** Presses the status action for `status` and waits for the chip to show it. */
  async moveTo(status: LeadStatus): Promise<void> {
    await click($(testId(`status-action-${status}`)), `the "${LEAD_STATUS_LABELS[status]}" action`);
    await untilText(this.statusChip, LEAD_STATUS_LABELS[status], "the lead's status chip");
  }

  /** Types a note, adds it, and waits until it is listed. */
  async addNote(body: string): Promise<void> {
    await typeInto(this.noteInput, body);
    await click(this.noteSubmit, 'Add note');
    await until(
      async () => (await this.noteTexts()).some((text) => text.startsWith(body)),
      `the note "${body}" to be listed`,
    );
  }

  /** Each note's body with its author and time ("<body> Marcus Manager · Nov 28, …"). */
  async noteTexts(): Promise<string[]> {
    const texts: string[] = [];
    for (const note of await this.notes) texts.push(await textOf(note));
    return texts;
  }

  async assigneeName(): Promise<string> {
    return textOf(this.assignee);
  }

  /** Picks a salesperson in "Reassign to" and waits until the page names them as the assignee. */
  async reassignTo(name: string): Promise<void> {
    await noOverlayOpen();
    await click(this.reassignPicker, 'the "Reassign to" picker');
    // Options read "<name>", or "<name> (away)" for someone not taking new leads.
    await click(element(by.cssContainingText(testId('reassign-option'), name)), `"${name}" in the picker`);
    await noOverlayOpen();
    await untilText(this.assignee, name, "the lead's assignee");
  }

  async submissionCount(): Promise<number> {
    return this.submissions.count();
  }

  /** What each submission shows: where it came from, when, and its message. */
  async submissionTexts(): Promise<string[]> {
    const texts: string[] = [];
    for (const submission of await this.submissions) texts.push(await textOf(submission));
    return texts;
  }

  /**
   * Opens a submission's "Original ADF document" (a closed `<details>`: its text is hidden until
   * then) and returns the document as the page shows it.
   */
  async originalDocument(index = 0): Promise<string> {
    const document = $$(testId('submission-document')).get(index);
    await click(document.$('summary'), 'the original document of the submission');
    const body = document.$('pre');
    await shown(body, 'the original document');
    return body.getText();
  }

  /** The history as shown now, newest first. */
  async timeline(): Promise<TimelineEntry[]> {
    const entries: TimelineEntry[] = [];
    for (const event of await this.timelineEvents) {
      entries.push({ type: (await event.getAttribute('data-type')) ?? '', text: await textOf(event) });
    }
    return entries;
  }

  /**
   * Waits until the history holds what `complete` asks for. The page does not poll it: like a dealer
   * who expects a change to show, each round that finds it incomplete reloads the page. Returns the
   * history that satisfied it.
   */
  async waitForTimeline(
    complete: (entries: TimelineEntry[]) => boolean,
    what: string,
    timeout = HISTORY_TIMEOUT_MS,
  ): Promise<TimelineEntry[]> {
    let entries: TimelineEntry[] = [];
    try {
      await until(
        async () => {
          if (await this.timelineError.isPresent()) {
            throw new Error(`the history shows an error: ${await textOf(this.timelineError)}`);
          }
          entries = await this.timeline();
          if (complete(entries)) return true;
          await browser.refresh();
          await this.waitUntilShown();
          return false;
        },
        `the lead's history to show ${what}`,
        timeout,
      );
    } catch (error) {
      if (error instanceof Error) {
        error.message += ` (it showed: ${entries.map((e) => `[${e.type}] ${e.text}`).join(' | ') || 'nothing'})`;
      }
      throw error;
    }
    return entries;
  }
}
