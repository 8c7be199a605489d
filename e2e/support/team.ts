import type { Role } from '@showroom/contracts';
import { $, $$, browser, element, by, type ElementFinder } from 'protractor';
import { testId } from './locators';
import { click, shown, textOf, typeInto, until } from './waits';

/** What an owner or manager types to invite someone. */
export interface NewInvitation {
  email: string;
  name: string;
  role: Role;
}

/** `/team` (owners and managers): the members, the invitations and the "Invite" dialog. */
export class TeamPage {
  readonly inviteButton = $(testId('invite-member'));
  readonly loadError = $(testId('members-error'));

  async waitUntilLoaded(): Promise<void> {
    await until(async () => {
      if (await this.loadError.isPresent()) {
        throw new Error(`the team page shows an error: ${await textOf(this.loadError)}`);
      }
      return (await this.inviteButton.isPresent()) && this.inviteButton.isDisplayed();
    }, 'the team page (Invite)');
  }

  /** Sends an invitation from the dialog and waits for its row. */
  async invite(invitation: NewInvitation): Promise<void> {
    await click(this.inviteButton, 'Invite');
    await typeInto($(testId('invite-email')), invitation.email);
    await typeInto($(testId('invite-name')), invitation.name);
    await click($(`${testId('invite-role')} .mat-mdc-select-trigger`), 'the role');
    await click($(`mat-option${testId(`invite-role-${invitation.role}`)}`), `the role ${invitation.role}`);
    // The dialog keeps its own backdrop: wait for the select's panel alone to go.
    await until(async () => (await $$('mat-option').count()) === 0, 'the role list to close');
    await click($(testId('send-invitation')), 'Send invitation');
    await until(async () => {
      const problem = $(testId('invite-error'));
      if (await problem.isPresent()) throw new Error(`the invitation was refused: ${await textOf(problem)}`);
      return this.invitationRow(invitation.email).isPresent();
    }, `the invitation to ${invitation.email} in the list`);
  }

  invitationRow(email: string): ElementFinder {
    return $(`${testId('invitation-row')}[data-email="${email}"]`);
  }

  memberRow(email: string): ElementFinder {
    return $(`${testId('member-row')}[data-email="${email}"]`);
  }

  async invitationStatus(email: string): Promise<string> {
    return (await this.invitationRow(email).getAttribute('data-status')) ?? '';
  }

  /** Opens a member's page from their row. */
  async openMember(email: string): Promise<MemberPage> {
    await click(this.memberRow(email).$(testId('member-link')), `the member ${email}`);
    const page = new MemberPage();
    await page.waitUntilLoaded();
    return page;
  }
}

/** `/team/:userId`: a member's role, access, history and sign-ins. */
export class MemberPage {
  readonly status = $(testId('member-status'));
  readonly deactivateButton = $(testId('deactivate-member'));
  readonly problem = $(testId('member-problem'));

  async waitUntilLoaded(): Promise<void> {
    await shown($(testId('member-name')), 'the member page');
  }

  async statusShown(): Promise<string> {
    return (await this.status.getAttribute('data-status')) ?? '';
  }

  async role(): Promise<string> {
    const select = $(testId('member-role-select'));
    const shownRole = (await select.isPresent()) ? select : $(testId('member-role-readonly'));
    return textOf(shownRole);
  }

  async deactivate(): Promise<void> {
    await click(this.deactivateButton, 'Deactivate');
    await click($(testId('confirm')), 'Deactivate (confirm)');
    await until(async () => {
      if (await this.problem.isPresent())
        throw new Error(`deactivation refused: ${await textOf(this.problem)}`);
      return (await this.statusShown()) === 'deactivated';
    }, 'the member to show as deactivated');
  }

  /** Who did what, newest first, as the history lists it. */
  async history(): Promise<string[]> {
    return element.all(by.css(testId('history-entry'))).map((entry) => entry?.getText() as Promise<string>);
  }
}

/** `/invitations/:token`: the public page an invitation e-mail links to. */
export class InvitationPage {
  readonly headline = $(testId('invitation-headline'));
  readonly acceptButton = $(testId('accept-invitation'));

  async waitUntilShown(): Promise<void> {
    await shown(this.acceptButton, 'the invitation page (Accept invitation)');
  }

  /**
   * Accepts. Someone new is sent on to the identity provider's password page, which is not an
   * Angular page: Protractor stops waiting for Angular before the click.
   */
  async accept(): Promise<void> {
    await browser.waitForAngularEnabled(false);
    await click(this.acceptButton, 'Accept invitation');
  }
}
