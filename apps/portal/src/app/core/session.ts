import { inject, Injectable, Injector, signal } from '@angular/core';
import { AuthService } from '@auth0/auth0-angular';
import type { Me, Problem } from '@showroom/contracts';
import { first, firstValueFrom } from 'rxjs';
import { UsersApi } from '../api/users-api';
import { ActiveDealership } from './active-dealership';
import { problemOf } from './problem';

export type SessionStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** The signed-in dealer as the users service knows them (name, memberships and roles). */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly usersApi = inject(UsersApi);
  private readonly activeDealership = inject(ActiveDealership);
  private readonly injector = inject(Injector);
  private pending: Promise<void> | null = null;

  readonly me = signal<Me | null>(null);
  readonly status = signal<SessionStatus>('idle');
  readonly problem = signal<Problem | null>(null);

  /** Loads the dealer once; later calls share the result. A failure can be retried with `reload`. */
  load(): Promise<void> {
    this.pending ??= this.fetch();
    return this.pending;
  }

  reload(): Promise<void> {
    this.pending = this.fetch();
    return this.pending;
  }

  /**
   * After the dealer joined a dealership (a rooftop they added): a fresh token, which carries the new
   * membership the services check, then the memberships again, so the switcher offers it. The screen
   * stays as it is (no loading state); a failure is the caller's to show.
   */
  async refreshMemberships(): Promise<void> {
    // Asked for here, not in the constructor: only this needs the identity provider's client.
    await firstValueFrom(this.injector.get(AuthService).getAccessTokenSilently({ cacheMode: 'off' }));
    const me = await firstValueFrom(this.usersApi.me());
    this.activeDealership.setMemberships(me.memberships);
    this.me.set(me);
  }

  private async fetch(): Promise<void> {
    this.status.set('loading');
    this.problem.set(null);
    try {
      const me = await firstValueFrom(this.usersApi.me());
      this.activeDealership.setMemberships(me.memberships);
      this.me.set(me);
      this.status.set('ready');
    } catch (error) {
      this.problem.set(problemOf(error));
      this.status.set('failed');
    }
  }
}

/**
 * Loads the dealer before any screen under the shell activates (as `canActivateChild`, so it runs
 * after the sign-in guard). Always lets navigation go on: the shell shows a failure with a retry.
 */
export const sessionLoaded = async (): Promise<true> => {
  await inject(Session).load();
  return true;
};

/**
 * Starts loading the dealer at startup, as soon as the identity provider's session is restored from
 * this browser's storage, instead of when the router reaches the shell's guards: `/api/users/me` then
 * travels while the router downloads the first screen's code, and `sessionLoaded` finds it done or on
 * its way. Signed out, it does nothing (the sign-in guard redirects); on the way back from sign-in,
 * it waits until the code has been exchanged for tokens.
 */
export function loadSessionOnceSignedIn(): void {
  const session = inject(Session);
  inject(AuthService)
    .isAuthenticated$.pipe(first())
    .subscribe((signedIn) => {
      if (signedIn) void session.load();
    });
}
