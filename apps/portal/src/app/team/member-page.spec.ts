import { HttpTestingController } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthService } from '@auth0/auth0-angular';
import type { MemberDetail, Role } from '@showroom/contracts';
import { of } from 'rxjs';
import { me, membership, NORTH } from '../../testing/fixtures';
import { closePage, elementIn, openPage, overlayElement, renderDeferred } from '../../testing/page';
import { UsersApi } from '../api/users-api';
import { ActiveDealership } from '../core/active-dealership';
import { Clock } from '../leads/shared/clock';
import { exactTime } from '../leads/shared/lead-time';
import { adminMember, memberDetail, memberEvent } from './team-fixtures';
import { teamRoutes } from './team.routes';

const NOW = Date.parse('2026-12-06T12:00:00.000Z');
const SAM_URL = '/api/users/members/auth0%7Csam';

describe('MemberPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  /** Dana's role as the users service answers `/api/users/me` (it changes when she hands ownership over). */
  let danaRole: Role;
  let tokenRequests: unknown[];

  /** Signed in as Dana with `role`, on Sam's page (or `userId`'s), answered with `detail`. */
  async function open(role: Role, detail: MemberDetail | null = memberDetail(), userId = 'auth0|sam') {
    danaRole = role;
    tokenRequests = [];
    ({ http, harness } = await openPage({
      routes: [{ path: 'team', children: teamRoutes }],
      url: `/team/${encodeURIComponent(userId)}`,
      role,
      providers: [
        {
          provide: UsersApi,
          useValue: { me: () => of(me([membership(NORTH, danaRole, 'Northside Honda')])) },
        },
        {
          provide: AuthService,
          useValue: {
            getAccessTokenSilently: (options: unknown) => {
              tokenRequests.push(options);
              return of('a-fresh-token');
            },
          },
        },
        { provide: Clock, useValue: { now: signal(NOW).asReadonly() } },
      ],
    }));
    if (detail) {
      http.expectOne(`/api/users/members/${encodeURIComponent(userId)}`).flush(detail);
      await settle();
    }
  }

  const settle = () => renderDeferred(harness);
  const byTestId = <T extends HTMLElement = HTMLElement>(testId: string) =>
    elementIn<T>(harness, `[data-testid="${testId}"]`);
  const all = (testId: string) =>
    Array.from(
      (harness.fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(
        `[data-testid="${testId}"]`,
      ),
    );
  const text = (testId: string) => byTestId(testId)?.textContent?.replace(/\s+/g, ' ').trim();

  async function openRoleSelect() {
    byTestId('member-role-select')?.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await settle();
    return Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
  }

  async function confirm() {
    overlayElement<HTMLButtonElement>('[data-testid="confirm"]')?.click();
    await vi.waitFor(() => expect(overlayElement('mat-dialog-container')).toBeNull());
    await settle();
  }

  const problem = (status: number, detail: string) => ({
    type:
      status === 409 ? 'https://showroom.dev/problems/conflict' : 'https://showroom.dev/problems/forbidden',
    title: status === 409 ? 'Conflict' : 'Forbidden',
    status,
    detail,
  });

  afterEach(() => closePage(http));

  it('shows the member, who changed what and when, their recent sign-ins and that they use a second factor', async () => {
    await open('owner', memberDetail({ history: [memberEvent(), ...memberDetail().history] }));
    expect(text('member-name')).toBe('Sam Seller');
    expect(text('member-email')).toBe('sam@northside.example');
    expect(text('member-status')).toBe('Active');
    const history = all('history-entry');
    expect(history.map((entry) => entry.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Alex Manager changed the role from sales to manager · 3 minutes ago',
      'Sam Seller joined as sales · last month',
      'Alex Manager invited Sam Seller as sales · last month',
    ]);
    expect(history[0].querySelector('time')?.getAttribute('title')).toBe(
      exactTime('2026-12-06T11:57:00.000Z'),
    );
    const signIns = all('sign-in-row');
    expect(signIns).toHaveLength(2);
    expect(signIns[0].querySelector('time')?.textContent).toBe('3 minutes ago');
    expect(signIns[0].querySelector('[data-testid="sign-in-browser"]')?.textContent).toBe(
      'Chrome 156 on Linux',
    );
    expect(signIns[0].querySelector('[data-testid="sign-in-ip"]')?.textContent).toBe('203.0.113.7');
    expect(text('member-mfa')).toContain('Enrolled');
  });

  it('when the sign-in service did not answer, then sign-ins and the second factor say unknown', async () => {
    await open('owner', memberDetail({ recentSignIns: [], signInsKnown: false, mfaEnrolled: null }));
    expect(text('sign-ins-unknown')).toContain('did not answer');
    expect(byTestId('sign-ins-empty')).toBeNull();
    expect(text('member-mfa')).toContain('Unknown');
  });

  it('a manager’s role select has no “Owner”; choosing Manager saves it and shows the new history', async () => {
    await open('manager');
    const options = await openRoleSelect();
    expect(options.map((o) => o.textContent?.trim())).toEqual([
      'Manager',
      'Finance manager',
      'Sales',
      'Viewer',
    ]);
    options.find((o) => o.textContent?.trim() === 'Manager')?.click();
    await settle();

    const put = http.expectOne(`${SAM_URL}/role`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ role: 'manager' });
    put.flush(adminMember({ role: 'manager' }));
    await settle();
    http.expectOne(SAM_URL).flush(
      memberDetail({
        role: 'manager',
        history: [memberEvent({ at: '2026-12-06T12:00:00.000Z' }), ...memberDetail().history],
      }),
    );
    await settle();
    expect(byTestId('member-role-select')?.textContent).toContain('Manager');
    expect(all('history-entry')[0].textContent).toContain(
      'Alex Manager changed the role from sales to manager',
    );
    expect(overlayElement('simple-snack-bar')?.textContent).toContain('Sam Seller is now a manager');
  });

  it('when the service refuses the role (403), then its reason shows and the select goes back', async () => {
    await open('manager');
    (await openRoleSelect()).find((o) => o.textContent?.trim() === 'Viewer')?.click();
    await settle();
    http.expectOne(`${SAM_URL}/role`).flush(problem(403, 'A manager cannot change the role of Sam Seller.'), {
      status: 403,
      statusText: 'Forbidden',
    });
    await settle();
    expect(text('member-problem')).toContain('The role was not changed.');
    expect(text('member-problem')).toContain('A manager cannot change the role of Sam Seller.');
    expect(byTestId('member-role-select')?.textContent).toContain('Sales');
  });

  it('an owner’s row is read-only for a manager: no role select, no deactivate, and the page says why', async () => {
    await open('manager', memberDetail({ id: 'auth0|zoe', name: 'Zoe Owner', role: 'owner' }), 'auth0|zoe');
    expect(byTestId('member-role-select')).toBeNull();
    expect(text('member-role-readonly')).toBe('Owner');
    expect(text('member-read-only')).toBe('Only an owner changes an owner’s role or access.');
    expect(byTestId('deactivate-member')).toBeNull();
    expect(byTestId('transfer-ownership')).toBeNull();
  });

  it('the dealer’s own page is read-only', async () => {
    await open(
      'owner',
      memberDetail({ id: 'auth0|dana', name: 'Dana Whitfield', role: 'owner' }),
      'auth0|dana',
    );
    expect(byTestId('member-role-select')).toBeNull();
    expect(text('member-read-only')).toContain('This is you');
    expect(byTestId('deactivate-member')).toBeNull();
  });

  it('deactivating asks first, saying they lose access and their open leads go back to round-robin; then it is sent', async () => {
    await open('manager');
    byTestId<HTMLButtonElement>('deactivate-member')?.click();
    await settle();
    const dialog = overlayElement('mat-dialog-container')?.textContent ?? '';
    expect(dialog).toContain('Deactivate Sam Seller?');
    expect(dialog).toContain('loses access to Northside Honda');
    expect(dialog).toContain('Their open leads go back to round-robin');
    http.expectNone(`${SAM_URL}/deactivate`);
    await confirm();

    const post = http.expectOne(`${SAM_URL}/deactivate`);
    expect(post.request.method).toBe('POST');
    post.flush(adminMember({ status: 'deactivated' }));
    await settle();
    http.expectOne(SAM_URL).flush(memberDetail({ status: 'deactivated' }));
    await settle();
    expect(text('member-status')).toBe('Deactivated');
    expect(byTestId('deactivate-member')).toBeNull();
    expect(byTestId('reactivate-member')).not.toBeNull();
  });

  it('when deactivating would leave no active owner (409), then the service’s reason shows', async () => {
    await open('owner', memberDetail({ id: 'auth0|zoe', name: 'Zoe Owner', role: 'owner' }), 'auth0|zoe');
    byTestId<HTMLButtonElement>('deactivate-member')?.click();
    await settle();
    await confirm();
    http
      .expectOne('/api/users/members/auth0%7Czoe/deactivate')
      .flush(problem(409, 'Northside Honda would be left without an active owner.'), {
        status: 409,
        statusText: 'Conflict',
      });
    await settle();
    expect(text('member-problem')).toContain('Zoe Owner was not deactivated.');
    expect(text('member-problem')).toContain('Northside Honda would be left without an active owner.');
    expect(text('member-status')).toBe('Active');
  });

  it('reactivating a deactivated member asks first, then is sent', async () => {
    await open('manager', memberDetail({ status: 'deactivated' }));
    byTestId<HTMLButtonElement>('reactivate-member')?.click();
    await settle();
    expect(overlayElement('mat-dialog-container')?.textContent).toContain(
      'round-robin gives them new leads again',
    );
    await confirm();
    http.expectOne(`${SAM_URL}/reactivate`).flush(adminMember());
    await settle();
    http.expectOne(SAM_URL).flush(memberDetail());
    await settle();
    expect(byTestId('deactivate-member')).not.toBeNull();
  });

  it('a manager is not offered to transfer ownership', async () => {
    await open('manager');
    expect(byTestId('transfer-ownership')).toBeNull();
  });

  it('an owner transfers ownership after a confirmation naming what changes; a fresh token makes them a manager', async () => {
    await open('owner');
    byTestId<HTMLButtonElement>('transfer-ownership')?.click();
    await settle();
    const dialog = overlayElement('mat-dialog-container')?.textContent ?? '';
    expect(dialog).toContain('Sam Seller becomes the owner of Northside Honda and you become a manager');
    expect(dialog).toContain('open credit applications');
    await confirm();

    const post = http.expectOne(`${SAM_URL}/ownership`);
    expect(post.request.method).toBe('POST');
    danaRole = 'manager';
    post.flush(adminMember({ role: 'owner' }));
    await settle();
    http.expectOne(SAM_URL).flush(
      memberDetail({
        role: 'owner',
        history: [
          memberEvent({
            id: 'e-9',
            at: '2026-12-06T12:00:00.000Z',
            action: 'ownership_transferred',
            actor: { id: 'auth0|dana', name: 'Dana Whitfield' },
            fromRole: 'sales',
            toRole: 'owner',
          }),
        ],
      }),
    );
    await settle();
    expect(tokenRequests).toEqual([{ cacheMode: 'off' }]);
    expect(TestBed.inject(ActiveDealership).role()).toBe('manager');
    // Dana is a manager now: the owner's page is read-only for her.
    expect(byTestId('transfer-ownership')).toBeNull();
    expect(byTestId('member-role-select')).toBeNull();
    expect(text('member-role-readonly')).toBe('Owner');
    expect(all('history-entry')[0].textContent).toContain(
      'Dana Whitfield transferred ownership to Sam Seller',
    );
  });

  it('when the member is not in this dealership (404), then it says so', async () => {
    await open('owner', null, 'auth0|gone');
    http
      .expectOne('/api/users/members/auth0%7Cgone')
      .flush(
        { type: 'https://showroom.dev/problems/not-found', title: 'Not found', status: 404 },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    expect(text('member-not-found')).toContain('Member not found');
  });
});
