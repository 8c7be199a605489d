import { BreakpointObserver } from '@angular/cdk/layout';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AdminMember, Invitation, Role } from '@showroom/contracts';
import { of } from 'rxjs';
import { me, membership, NORTH } from '../../testing/fixtures';
import { closePage, elementIn, openPage, overlayElement, renderDeferred } from '../../testing/page';
import { UsersApi } from '../api/users-api';
import { Clock } from '../leads/shared/clock';
import { exactTime } from '../leads/shared/lead-time';
import { adminMember, invitation, INVITATION_ID, teamOfNorth } from './team-fixtures';
import { teamRoutes } from './team.routes';

@Component({ selector: 'sr-inventory-stub', template: 'inventory' })
class InventoryStub {}

const NOW = Date.parse('2026-12-06T12:00:00.000Z');

/** A phone's screen for `matchesMedia`: every layout query matches. */
const phoneScreen = { observe: () => of({ matches: true, breakpoints: {} }), isMatched: () => true };

describe('TeamPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  /** Signed in as Dana (`me()`) with `role` at Northside Honda, on /team; nothing answered yet. */
  async function open({ role = 'owner' as Role, phone = false } = {}) {
    ({ http, harness } = await openPage({
      routes: [
        { path: 'team', children: teamRoutes },
        { path: 'inventory', component: InventoryStub },
      ],
      url: '/team',
      role,
      providers: [
        { provide: UsersApi, useValue: { me: () => of(me([membership(NORTH, role, 'Northside Honda')])) } },
        { provide: Clock, useValue: { now: signal(NOW).asReadonly() } },
        ...(phone ? [{ provide: BreakpointObserver, useValue: phoneScreen }] : []),
      ],
    }));
  }

  /** Opens the page and answers its two reads. */
  async function openWith(
    members: AdminMember[] = teamOfNorth(),
    invitations: Invitation[] = [invitation()],
    options: { role?: Role; phone?: boolean; signInsKnown?: boolean } = {},
  ) {
    await open(options);
    http
      .expectOne('/api/users/members')
      .flush({ items: members, signInsKnown: options.signInsKnown ?? true });
    http.expectOne('/api/users/invitations').flush({ items: invitations });
    await settle();
  }

  const settle = () => renderDeferred(harness);
  const all = (testId: string, root: ParentNode = harness.fixture.nativeElement) =>
    Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`));
  const byTestId = <T extends HTMLElement = HTMLElement>(testId: string) =>
    elementIn<T>(harness, `[data-testid="${testId}"]`) as T;
  const row = (selector: string) => elementIn(harness, selector) as HTMLElement;
  const within = (root: Element, testId: string) =>
    root.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  const inDialog = <T extends HTMLElement = HTMLElement>(testId: string) =>
    overlayElement<T>(`[data-testid="${testId}"]`) as T;

  function type(testId: string, value: string) {
    const input = inDialog<HTMLInputElement>(testId);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  async function openRoleSelect() {
    overlayElement<HTMLElement>('[data-testid="invite-role"] .mat-mdc-select-trigger')?.click();
    await settle();
    return Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
  }

  async function openInviteDialog() {
    byTestId<HTMLButtonElement>('invite-member').click();
    await settle();
  }

  /** A dialog hands its result over once it has closed. */
  async function closed() {
    await vi.waitFor(() => expect(overlayElement('mat-dialog-container')).toBeNull());
    await settle();
  }

  afterEach(() => closePage(http));

  it('shows an owner the team: name, e-mail, role, status and the last sign-in, exact on hover', async () => {
    await openWith([
      ...teamOfNorth(),
      adminMember({
        id: 'auth0|pat',
        name: 'Pat Former',
        email: 'pat@northside.example',
        status: 'deactivated',
        lastSignInAt: null,
      }),
    ]);
    expect(elementIn(harness, 'table')).not.toBeNull();
    const rows = all('member-row');
    expect(rows.map((r) => r.getAttribute('data-email'))).toEqual([
      'dana@northside.example',
      'alex@northside.example',
      'sam@northside.example',
      'pat@northside.example',
    ]);
    const alex = row('[data-member-id="auth0|alex"]');
    expect(within(alex, 'member-link')?.textContent).toBe('Alex Manager');
    expect(within(alex, 'member-link')?.getAttribute('href')).toBe('/team/auth0%7Calex');
    expect(within(alex, 'member-email')?.textContent).toBe('alex@northside.example');
    expect(within(alex, 'member-role')?.textContent).toBe('Manager');
    expect(within(alex, 'member-status')?.textContent).toBe('Active');
    const lastSignIn = within(alex, 'member-last-sign-in');
    expect(lastSignIn?.textContent).toBe('3 minutes ago');
    expect(lastSignIn?.getAttribute('title')).toBe(exactTime('2026-12-06T11:57:00.000Z'));
    expect(row('[data-member-id="auth0|dana"]').textContent).toContain('(you)');
    const pat = row('[data-member-id="auth0|pat"]');
    expect(within(pat, 'member-status')?.textContent).toBe('Deactivated');
    expect(within(pat, 'member-last-sign-in')?.textContent).toBe('Never');
  });

  it('when the sign-in service did not answer, then last sign-ins are “Unknown”, not “Never”', async () => {
    await openWith([adminMember({ lastSignInAt: null })], [], { signInsKnown: false });
    expect(byTestId('sign-ins-unknown').textContent).toContain('did not answer');
    expect(byTestId('member-last-sign-in').textContent).toBe('Unknown');
    expect(byTestId('invitations-empty').textContent).toContain('No invitations in the last 30 days');
  });

  it('on a phone, shows the team as cards, each a link to the member', async () => {
    await openWith(teamOfNorth(), [], { phone: true });
    expect(elementIn(harness, 'table')).toBeNull();
    const cards = all('member-row');
    expect(cards).toHaveLength(3);
    expect(cards[2].tagName).toBe('LI');
    expect(within(cards[2], 'member-link')?.getAttribute('href')).toBe('/team/auth0%7Csam');
    expect(within(cards[2], 'member-role')?.textContent).toBe('Sales');
  });

  it('lists a pending invitation with its role, who invited and when it expires, and “not delivered” when the e-mail did not go out', async () => {
    await openWith(teamOfNorth(), [
      invitation({ sentAt: null }),
      invitation({
        id: 'accepted-1',
        email: 'jo@example.com',
        status: 'accepted',
        acceptedAt: '2026-12-04T12:00:00.000Z',
      }),
      invitation({
        id: 'expired-1',
        email: 'kim@example.com',
        status: 'expired',
        expiresAt: '2026-12-03T12:00:00.000Z',
      }),
    ]);
    const pending = row(`[data-invitation-id="${INVITATION_ID}"]`);
    expect(within(pending, 'invitation-email')?.textContent).toBe('riley@example.com');
    expect(within(pending, 'invitation-role')?.textContent).toBe('Sales');
    expect(within(pending, 'invitation-invited-by')?.textContent).toBe('Dana Whitfield');
    expect(within(pending, 'invitation-status')?.textContent).toBe('Pending');
    expect(within(pending, 'invitation-when')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Expires in 5 days',
    );
    expect(within(pending, 'invitation-not-delivered')?.textContent).toContain('Not delivered');
    expect(within(pending, 'resend-invitation')).not.toBeNull();

    const accepted = row('[data-invitation-id="accepted-1"]');
    expect(within(accepted, 'invitation-status')?.textContent).toBe('Accepted');
    expect(within(accepted, 'invitation-not-delivered')).toBeNull();
    expect(within(accepted, 'revoke-invitation')).toBeNull();
    expect(within(accepted, 'resend-invitation')).toBeNull();

    // An expired one may be sent again with a new link, but there is nothing left to revoke.
    const expired = row('[data-invitation-id="expired-1"]');
    expect(within(expired, 'invitation-when')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Expired 3 days ago',
    );
    expect(within(expired, 'resend-invitation')).not.toBeNull();
    expect(within(expired, 'revoke-invitation')).toBeNull();
  });

  it('a manager’s Invite offers every role up to manager, never owner; the invitation is sent and listed', async () => {
    await openWith(teamOfNorth(), [], { role: 'manager' });
    await openInviteDialog();
    const options = await openRoleSelect();
    expect(options.map((o) => o.textContent?.trim())).toEqual([
      'Manager',
      'Finance manager',
      'Sales',
      'Viewer',
    ]);
    options.find((o) => o.textContent?.trim() === 'Finance manager')?.click();
    await settle();
    type('invite-email', ' Riley@Example.com ');
    type('invite-name', ' Riley Rookie ');
    await settle();
    inDialog<HTMLButtonElement>('send-invitation').click();
    await settle();

    const post = http.expectOne('/api/users/invitations');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ email: 'riley@example.com', name: 'Riley Rookie', role: 'finance' });
    post.flush(invitation({ role: 'finance', invitedBy: { id: 'auth0|dana', name: 'Dana Whitfield' } }), {
      status: 201,
      statusText: 'Created',
    });
    await closed();
    const listed = row(`[data-invitation-id="${INVITATION_ID}"]`);
    expect(within(listed, 'invitation-role')?.textContent).toBe('Finance manager');
    expect(overlayElement('simple-snack-bar')?.textContent).toContain('Invitation sent to riley@example.com');
  });

  it('an owner may invite another owner', async () => {
    await openWith(teamOfNorth(), []);
    await openInviteDialog();
    const options = await openRoleSelect();
    expect(options.map((o) => o.textContent?.trim())).toEqual([
      'Owner',
      'Manager',
      'Finance manager',
      'Sales',
      'Viewer',
    ]);
    // The usual role is chosen already.
    expect(overlayElement('[data-testid="invite-role"]')?.textContent).toContain('Sales');
  });

  it('when the e-mail is already on the team (409), then the e-mail field says so and the dialog stays open', async () => {
    await openWith(teamOfNorth(), []);
    await openInviteDialog();
    type('invite-email', 'sam@northside.example');
    type('invite-name', 'Sam Again');
    await settle();
    inDialog<HTMLButtonElement>('send-invitation').click();
    await settle();
    http.expectOne('/api/users/invitations').flush(
      {
        type: 'https://showroom.dev/problems/conflict',
        title: 'Conflict',
        status: 409,
        detail: 'sam@northside.example is already a member of Northside Honda.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(inDialog('invite-email-error').textContent?.trim()).toBe(
      'sam@northside.example is already a member of Northside Honda.',
    );
    expect(overlayElement('[data-testid="invite-error"]')).toBeNull();
    expect(overlayElement('mat-dialog-container')).not.toBeNull();
  });

  it('when the service refuses fields (400), then each reason shows on its field, the rest above them', async () => {
    await openWith(teamOfNorth(), []);
    await openInviteDialog();
    type('invite-email', 'riley@example.com');
    type('invite-name', 'Riley');
    await settle();
    inDialog<HTMLButtonElement>('send-invitation').click();
    await settle();
    http.expectOne('/api/users/invitations').flush(
      {
        type: 'https://showroom.dev/problems/validation',
        title: 'Your request is not valid',
        status: 400,
        invalidParams: [
          { name: 'body.email', reason: 'Use an address of your dealership’s domain' },
          { name: 'body.name', reason: 'Give a first and a last name' },
          { name: 'body.team', reason: 'is not a field' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(inDialog('invite-email-error').textContent?.trim()).toBe(
      'Use an address of your dealership’s domain',
    );
    expect(inDialog('invite-name-error').textContent?.trim()).toBe('Give a first and a last name');
    expect(inDialog('invite-error').textContent).toContain('body.team: is not a field');
  });

  it('when a field is missing or the e-mail is not one, then nothing is sent', async () => {
    await openWith(teamOfNorth(), []);
    await openInviteDialog();
    type('invite-email', 'riley-at-example');
    await settle();
    inDialog<HTMLButtonElement>('send-invitation').click();
    await settle();
    http.expectNone('/api/users/invitations');
    expect(inDialog('invite-email-error').textContent).toContain('Not an e-mail address');
    expect(inDialog('invite-name-error').textContent).toContain('Name is required');
  });

  it('revoking asks first; on confirming, the DELETE goes out and the invitation shows revoked', async () => {
    await openWith();
    within(row(`[data-invitation-id="${INVITATION_ID}"]`), 'revoke-invitation')?.click();
    await settle();
    expect(overlayElement('mat-dialog-container')?.textContent).toContain(
      'The link sent to riley@example.com stops working at once',
    );
    http.expectNone(`/api/users/invitations/${INVITATION_ID}`);
    overlayElement<HTMLButtonElement>('[data-testid="confirm"]')?.click();
    await closed();
    const revoke = http.expectOne(`/api/users/invitations/${INVITATION_ID}`);
    expect(revoke.request.method).toBe('DELETE');
    revoke.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    const revoked = row(`[data-invitation-id="${INVITATION_ID}"]`);
    expect(within(revoked, 'invitation-status')?.textContent).toBe('Revoked');
    expect(within(revoked, 'revoke-invitation')).toBeNull();
  });

  it('when revoking is cancelled, then nothing is sent', async () => {
    await openWith();
    within(row(`[data-invitation-id="${INVITATION_ID}"]`), 'revoke-invitation')?.click();
    await settle();
    Array.from(document.querySelectorAll<HTMLButtonElement>('mat-dialog-actions button'))
      .find((button) => button.textContent?.trim() === 'Cancel')
      ?.click();
    await closed();
    http.expectNone(`/api/users/invitations/${INVITATION_ID}`);
  });

  it('resending an undelivered invitation sends it again and clears “not delivered”', async () => {
    await openWith(teamOfNorth(), [invitation({ sentAt: null })]);
    within(row(`[data-invitation-id="${INVITATION_ID}"]`), 'resend-invitation')?.click();
    await settle();
    const resend = http.expectOne(`/api/users/invitations/${INVITATION_ID}/resend`);
    expect(resend.request.method).toBe('POST');
    resend.flush(invitation({ sentAt: '2026-12-06T12:00:00.000Z', sendCount: 2 }));
    await settle();
    expect(within(row(`[data-invitation-id="${INVITATION_ID}"]`), 'invitation-not-delivered')).toBeNull();
    expect(overlayElement('simple-snack-bar')?.textContent).toContain(
      'Invitation sent again to riley@example.com, with a new link',
    );
  });

  it('when the team cannot be read, then it says why and offers a retry', async () => {
    await open();
    http
      .expectOne('/api/users/members')
      .flush(
        { type: 'about:blank', title: 'Service unavailable', status: 503, detail: 'Try again in a minute.' },
        { status: 503, statusText: 'Service Unavailable' },
      );
    http.expectOne('/api/users/invitations').flush({ items: [] });
    await settle();
    expect(byTestId('members-error').textContent).toContain('Service unavailable: Try again in a minute.');
    byTestId('members-error').querySelector('button')?.click();
    http.expectOne('/api/users/members').flush({ items: teamOfNorth(), signInsKnown: true });
    await settle();
    expect(all('member-row')).toHaveLength(3);
  });

  it('offers an owner “Group people”, everyone across the group’s rooftops; a manager does not get the entry', async () => {
    await openWith();
    const link = byTestId<HTMLAnchorElement>('group-people-link');
    expect(link.getAttribute('href')).toBe('/team/group');
    expect(link.textContent?.trim()).toBe('Group people');
    closePage(http);
    TestBed.resetTestingModule();

    await openWith(teamOfNorth(), [], { role: 'manager' });
    expect(elementIn(harness, '[data-testid="group-people-link"]')).toBeNull();
    expect(elementIn(harness, '[data-testid="invite-member"]')).not.toBeNull();
  });

  it('keeps salespeople out: /team sends them to the inventory, and nothing is read', async () => {
    await open({ role: 'sales' });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/inventory');
    http.expectNone('/api/users/members');
  });
});
