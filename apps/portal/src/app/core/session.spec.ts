import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuthService } from '@auth0/auth0-angular';
import { Subject } from 'rxjs';
import { me, membership, NORTH } from '../../testing/fixtures';
import { ActiveDealership } from './active-dealership';
import { loadSessionOnceSignedIn, Session } from './session';

describe('loading the signed-in dealer at startup', () => {
  /** What the Auth0 SDK says once it has restored (or failed to restore) the session. */
  let signedIn: Subject<boolean>;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    signedIn = new Subject<boolean>();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { isAuthenticated$: signedIn.asObservable() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.runInInjectionContext(loadSessionOnceSignedIn);
  });

  afterEach(() => http.verify());

  it('asks for the dealer once the session is restored, and the shell’s guard gets that same answer', async () => {
    http.expectNone('/api/users/me');

    signedIn.next(true);
    const session = TestBed.inject(Session);
    const guardWaits = session.load();
    http.expectOne('/api/users/me').flush(me([membership(NORTH, 'sales')]));
    await guardWaits;

    expect(session.status()).toBe('ready');
    expect(TestBed.inject(ActiveDealership).id()).toBe(NORTH);
  });

  it('signed out (a sign-in redirect is coming), asks for nothing', () => {
    signedIn.next(false);
    signedIn.next(true);

    http.expectNone('/api/users/me');
    expect(TestBed.inject(Session).status()).toBe('idle');
  });
});
