import { HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthService } from '@auth0/auth0-angular';
import { of } from 'rxjs';
import { closePage, elementIn, openPage, settle as settlePage } from '../../testing/page';
import { BrowserLocation } from '../core/browser-location';
import { invitationPreview } from '../team/team-fixtures';
import { InvitationPage } from './invitation-page';

const PREVIEW_URL = '/api/users/invitation-links/tok-123';

describe('InvitationPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loginWithRedirect: ReturnType<typeof vi.fn>;
  let assign: ReturnType<typeof vi.fn>;

  /** Nobody signed in: the page is outside the shell and its sign-in guard. */
  async function open() {
    loginWithRedirect = vi.fn(() => of(undefined));
    assign = vi.fn();
    ({ http, harness } = await openPage({
      routes: [{ path: 'invitations/:token', component: InvitationPage }],
      url: '/invitations/tok-123',
      role: 'viewer',
      memberships: [],
      providers: [
        { provide: AuthService, useValue: { loginWithRedirect } },
        { provide: BrowserLocation, useValue: { assign } },
      ],
    }));
  }

  const settle = () => settlePage(harness);
  const byTestId = <T extends HTMLElement = HTMLElement>(testId: string) =>
    elementIn<T>(harness, `[data-testid="${testId}"]`);
  const text = (testId: string) => byTestId(testId)?.textContent?.replace(/\s+/g, ' ').trim();

  const gone = (detail: string) => ({
    type: 'https://showroom.dev/problems/gone',
    title: 'Gone',
    status: 410,
    detail,
  });

  async function accept() {
    byTestId<HTMLButtonElement>('accept-invitation')?.click();
    await settle();
    const post = http.expectOne(`${PREVIEW_URL}/accept`);
    expect(post.request.method).toBe('POST');
    return post;
  }

  afterEach(() => closePage(http));

  it('says who invited them where and as what, with their e-mail; accepting sends a new person to set a password', async () => {
    await open();
    http.expectOne(PREVIEW_URL).flush(invitationPreview());
    await settle();
    expect(text('invitation-headline')).toBe(
      'Dana Whitfield invited you to join Northside Honda as a salesperson',
    );
    expect(text('invitation-email')).toBe('riley@example.com');

    const post = await accept();
    expect(byTestId<HTMLButtonElement>('accept-invitation')?.disabled).toBe(true);
    post.flush({
      next: 'set-password',
      passwordUrl: 'http://localhost:4000/u/set-password?ticket=t-1',
      email: 'riley@example.com',
    });
    await settle();
    expect(assign).toHaveBeenCalledWith('http://localhost:4000/u/set-password?ticket=t-1');
    expect(loginWithRedirect).not.toHaveBeenCalled();
  });

  it('when they have an account already, then accepting starts the sign-in with their e-mail filled in', async () => {
    await open();
    http.expectOne(PREVIEW_URL).flush(invitationPreview({ role: 'manager' }));
    await settle();
    expect(text('invitation-headline')).toContain('as a manager');
    (await accept()).flush({ next: 'sign-in', passwordUrl: null, email: 'riley@example.com' });
    await settle();
    expect(loginWithRedirect).toHaveBeenCalledWith({
      appState: { target: '/inventory' },
      authorizationParams: { login_hint: 'riley@example.com' },
    });
    expect(assign).not.toHaveBeenCalled();
  });

  it('when the link was used, revoked or has expired (410), then it says so and to ask for a new invitation', async () => {
    await open();
    http
      .expectOne(PREVIEW_URL)
      .flush(
        gone('This invitation expired on Dec 1, 2026. Ask Dana Whitfield at Northside Honda for a new one.'),
        { status: 410, statusText: 'Gone' },
      );
    await settle();
    expect(text('invitation-gone-detail')).toBe(
      'This invitation expired on Dec 1, 2026. Ask Dana Whitfield at Northside Honda for a new one.',
    );
    expect(text('invitation-gone')).toContain('This invitation can no longer be used');
    expect(byTestId('accept-invitation')).toBeNull();
  });

  it('when a closed link’s answer says nothing more (410 without detail), then the page says to ask for a new invitation', async () => {
    await open();
    http
      .expectOne(PREVIEW_URL)
      .flush(
        { type: 'https://showroom.dev/problems/gone', title: 'Gone', status: 410 },
        { status: 410, statusText: 'Gone' },
      );
    await settle();
    expect(text('invitation-gone')).toContain('Ask the dealership that invited you for a new invitation.');
  });

  it('when the link is unknown (404), then it says the link does not work and whom to ask', async () => {
    await open();
    http
      .expectOne(PREVIEW_URL)
      .flush(
        { type: 'https://showroom.dev/problems/not-found', title: 'Not found', status: 404 },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    expect(text('invitation-invalid')).toContain('This invitation link does not work');
    expect(text('invitation-invalid')).toContain('ask the dealership that invited you for a new invitation');
  });

  it('when the invitation was revoked while the page was open (410 on accept), then it says so', async () => {
    await open();
    http.expectOne(PREVIEW_URL).flush(invitationPreview());
    await settle();
    (await accept()).flush(gone('Northside Honda revoked this invitation.'), {
      status: 410,
      statusText: 'Gone',
    });
    await settle();
    expect(text('invitation-gone')).toContain('Northside Honda revoked this invitation.');
    expect(byTestId('accept-invitation')).toBeNull();
  });

  it('when accepting fails otherwise, then it says why and the button works again', async () => {
    await open();
    http.expectOne(PREVIEW_URL).flush(invitationPreview());
    await settle();
    (await accept()).flush(
      { type: 'about:blank', title: 'Service unavailable', status: 503, detail: 'Try again in a minute.' },
      { status: 503, statusText: 'Service Unavailable' },
    );
    await settle();
    expect(text('accept-error')).toContain('Service unavailable: Try again in a minute.');
    expect(byTestId<HTMLButtonElement>('accept-invitation')?.disabled).toBe(false);
  });
});
