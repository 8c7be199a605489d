import { inject, Injectable, signal } from '@angular/core';
import type { Me, Problem } from '@showroom/contracts';
import { firstValueFrom } from 'rxjs';
import { UsersApi } from '../api/users-api';
import { ActiveDealership } from './active-dealership';
import { problemOf } from './problem';

export type SessionStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** The signed-in dealer as the users service knows them (name, memberships and roles). */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly usersApi = inject(UsersApi);
  private readonly activeDealership = inject(ActiveDealership);
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
