import {
  ACCOUNTS,
  AuthenticatorEnrolment,
  ChoosePasswordPage,
  devInboxMailTo,
  InvitationPage,
  returnToPortal,
  Shell,
  SignInPage,
  signInAs,
  startSignedOut,
  step,
  TeamPage,
  until,
  type DevMail,
} from '../support';

/** The newest e-mail to `address` whose subject matches, from the developer inbox; null without one. */
async function mailTo(address: string, subject: RegExp, what: string): Promise<DevMail | null> {
  let found: DevMail | null = null;
  let inbox = true;
  await until(async () => {
    const mails = await devInboxMailTo(address);
    if (mails === null) {
      inbox = false;
      return true;
    }
    found = mails.find((mail) => subject.test(mail.subject)) ?? null;
    return found !== null;
  }, what);
  return inbox ? found : null;
}

describe('Team administration', () => {
  it('an owner invites a manager, who accepts from the e-mail, chooses a password, enrols MFA and is alerted of the sign-in; once deactivated, they are refused', async () => {
    const run = Date.now().toString(36);
    const invitee = { email: `qa-manager-${run}@example.test`, name: `Quinn Manager ${run}` };
    // Three kinds of character, ten or more, nothing common: the identity provider's policy takes it.
    const password = `Copper-kettle-${1000 + Math.floor(Math.random() * 9000)}`;
    const team = new TeamPage();

    const owner = await step('the owner opens Team and invites a manager', async () => {
      const shell = await signInAs(ACCOUNTS.groupOwner.email);
      await shell.goToTeam();
      await team.waitUntilLoaded();
      await team.invite({ ...invitee, role: 'manager' });
      return shell;
    });
    expect(await team.invitationStatus(invitee.email)).toBe('pending');

    const invitation = await step('the invitation arrives by e-mail', () =>
      mailTo(invitee.email, /invited you to/, `the invitation e-mail to ${invitee.email}`),
    );
    if (invitation === null) {
      pending('no developer inbox here (a deployed environment sends real e-mail)');
      return;
    }
    const link = /https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/.exec(invitation.text ?? '')?.[0];
    expect(link).toBeTruthy();

    await step('the owner signs out', () => owner.signOut());

    await step('the invitee opens the link and accepts', async () => {
      await returnToPortal(new URL(link ?? '').pathname);
      const page = new InvitationPage();
      await page.waitUntilShown();
      expect(await page.headline.getText()).toContain(ACCOUNTS.groupOwner.name);
      await page.accept();
    });

    await step('chooses a password the policy accepts', async () => {
      const choose = new ChoosePasswordPage();
      await choose.waitUntilShown();
      await choose.choose(password);
    });

    const signIn = new SignInPage();
    const enrolled = await step('signs in for the first time and enrols an authenticator app', async () => {
      await signIn.waitUntilShown();
      await signIn.submitCredentials(invitee.email, password);
      const enrolment = new AuthenticatorEnrolment();
      await enrolment.waitUntilShown();
      return enrolment.enrol();
    });
    expect(enrolled.recoveryCodes.length).toBe(10);

    const shell = new Shell();
    await shell.waitUntilLoaded();
    expect((await shell.signedInAs()).email).toBe(invitee.email);
    expect(await shell.roleBadge.getText()).toMatch(/manager/i);

    const alert = await step('a login alert reaches the new manager', () =>
      mailTo(invitee.email, /New sign-in/, `the login alert to ${invitee.email}`),
    );
    expect(alert?.text).toContain("If this wasn't you");

    await step('the new manager signs out; the owner deactivates them', async () => {
      await shell.signOut();
      const ownerAgain = await signInAs(ACCOUNTS.groupOwner.email);
      await ownerAgain.goToTeam();
      await team.waitUntilLoaded();
      const member = await team.openMember(invitee.email);
      expect(await member.role()).toMatch(/manager/i);
      await member.deactivate();
      expect((await member.history())[0]).toContain('deactivated');
      await ownerAgain.signOut();
    });

    await step('the deactivated manager is refused at sign-in', async () => {
      await startSignedOut();
      await signIn.submitCredentials(invitee.email, password);
      expect(await signIn.refusal()).toMatch(/blocked/i);
    });
  });
});
