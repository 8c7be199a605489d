import { HttpTestingController } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthClientConfig } from '@auth0/auth0-angular';
import { TestBed } from '@angular/core/testing';
import { me, membership, NORTH } from '../../testing/fixtures';
import { closePage, elementIn, openPage, settle as settlePage } from '../../testing/page';
import { Session } from '../core/session';
import { Clock } from '../leads/shared/clock';
import { AccountPage } from './account-page';
import { passwordResetUrl } from './password-reset';

const NOW = Date.parse('2026-12-06T12:00:00.000Z');

describe('AccountPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open() {
    ({ http, harness } = await openPage({
      routes: [{ path: 'account', component: AccountPage }],
      url: '/account',
      role: 'sales',
      providers: [
        {
          provide: AuthClientConfig,
          useValue: { get: () => ({ domain: 'http://localhost:4000', clientId: 'showroom-portal' }) },
        },
        { provide: Clock, useValue: { now: signal(NOW).asReadonly() } },
      ],
    }));
  }

  const settle = () => settlePage(harness);
  const byTestId = <T extends HTMLElement = HTMLElement>(testId: string) =>
    elementIn<T>(harness, `[data-testid="${testId}"]`);
  const all = (testId: string) =>
    Array.from(
      (harness.fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(
        `[data-testid="${testId}"]`,
      ),
    );

  afterEach(() => closePage(http));

  it('lists the dealer’s own recent sign-ins, with “Not you? Change your password” at the identity provider', async () => {
    await open();
    http.expectOne('/api/users/me/sign-ins').flush({
      items: [
        { at: '2026-12-06T11:00:00.000Z', ipAddress: '203.0.113.7', userAgent: 'Chrome 156 on Linux' },
        { at: '2026-12-04T08:00:00.000Z', ipAddress: '198.51.100.23', userAgent: 'Safari 19 on iOS' },
      ],
      signInsKnown: true,
    });
    await settle();
    const rows = all('sign-in-row');
    const cells = (row: HTMLElement) => Array.from(row.children).map((cell) => cell.textContent?.trim());
    expect(rows.map(cells)).toEqual([
      ['1 hour ago', 'Chrome 156 on Linux', '203.0.113.7'],
      ['2 days ago', 'Safari 19 on iOS', '198.51.100.23'],
    ]);
    expect(byTestId('not-you')?.textContent).toContain('Not you?');
    expect(byTestId<HTMLAnchorElement>('reset-password-link')?.href).toBe(
      'http://localhost:4000/u/reset-password',
    );
    // Once the dealer is known, the reset page has their address filled in.
    TestBed.inject(Session).me.set(me([membership(NORTH, 'sales')]));
    await settle();
    expect(byTestId<HTMLAnchorElement>('reset-password-link')?.href).toBe(
      'http://localhost:4000/u/reset-password?email=dana%40northside.example',
    );
  });

  it('when the sign-in service did not answer, then it says so instead of “no sign-ins”', async () => {
    await open();
    http.expectOne('/api/users/me/sign-ins').flush({ items: [], signInsKnown: false });
    await settle();
    expect(byTestId('sign-ins-unknown')).not.toBeNull();
    expect(byTestId('sign-ins-empty')).toBeNull();
  });

  it('when the sign-ins cannot be read, then it offers a retry', async () => {
    await open();
    http
      .expectOne('/api/users/me/sign-ins')
      .flush(
        { type: 'about:blank', title: 'Bad gateway', status: 502 },
        { status: 502, statusText: 'Bad Gateway' },
      );
    await settle();
    byTestId('own-sign-ins-error')?.querySelector('button')?.click();
    http.expectOne('/api/users/me/sign-ins').flush({ items: [], signInsKnown: true });
    await settle();
    expect(byTestId('sign-ins-empty')?.textContent).toBe('No sign-ins yet.');
  });
});

describe('passwordResetUrl', () => {
  it('is the reset page at the configured identity provider, https for an Auth0 tenant', () => {
    expect(passwordResetUrl('http://localhost:4000')).toBe('http://localhost:4000/u/reset-password');
    expect(passwordResetUrl('showroom.eu.auth0.com')).toBe('https://showroom.eu.auth0.com/u/reset-password');
    expect(passwordResetUrl('https://login.showroom.dev/')).toBe(
      'https://login.showroom.dev/u/reset-password',
    );
    expect(passwordResetUrl('http://localhost:4000', 'dana+1@northside.example')).toBe(
      'http://localhost:4000/u/reset-password?email=dana%2B1%40northside.example',
    );
  });
});
