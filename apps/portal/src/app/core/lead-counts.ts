import { DestroyRef, inject, Injectable, NgZone, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { LeadCounts } from '@showroom/contracts';
import { catchError, EMPTY, type Observable, Subject, switchMap } from 'rxjs';
import { LeadsApi } from '../api/leads-api';

/** How often the badges ask for counts while the tab is visible. */
export const LEAD_COUNTS_POLL_MS = 15_000;

/**
 * The nav badges (new and overdue leads) and the dealership's `changeToken`: when the token moves,
 * open lead screens reload, so a new lead shows up without a reload. Polls while the tab is visible,
 * and right after any change this portal makes to a lead.
 *
 * The timer runs outside Angular's zone: a repeating timer inside it would keep the app "unstable"
 * forever, and QA's Protractor suite waits for stability before every step.
 */
@Injectable({ providedIn: 'root' })
export class LeadCountsStore {
  private readonly leadsApi = inject(LeadsApi);
  private readonly zone = inject(NgZone);
  private readonly destroyRef = inject(DestroyRef);
  private readonly refresh$ = new Subject<void>();
  private readonly moved$ = new Subject<void>();
  private stopPolling: (() => void) | null = null;

  private readonly latest = signal<LeadCounts | null>(null);
  readonly counts = this.latest.asReadonly();
  /** Null until the first answer; changes whenever a lead the dealer may see arrives or changes. */
  readonly changeToken = signal<string | null>(null);
  /** Emits when the token moves from one known value to another: something changed, reload. */
  readonly leadsChanged: Observable<void> = this.moved$.asObservable();

  constructor() {
    this.refresh$
      .pipe(
        // A slow answer is dropped when a newer question was asked (dealership switched meanwhile).
        switchMap(() => this.leadsApi.counts().pipe(catchError(() => EMPTY))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((counts) => {
        const before = this.changeToken();
        this.latest.set(counts);
        this.changeToken.set(counts.changeToken);
        if (before !== null && before !== counts.changeToken) this.moved$.next();
      });
    this.leadsApi.changed.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.refresh());
    this.destroyRef.onDestroy(() => this.stop());
  }

  /** Counts now and then every 15 s while the tab is visible. Starting again restarts the clock. */
  start(): void {
    this.stop();
    this.refresh();
    this.zone.runOutsideAngular(() => {
      const tick = () => {
        if (isVisible()) this.zone.run(() => this.refresh());
      };
      const timer = setInterval(tick, LEAD_COUNTS_POLL_MS);
      // Back on the tab after a while: count at once rather than up to 15 s later.
      const onVisibility = () => {
        if (isVisible()) this.zone.run(() => this.refresh());
      };
      document.addEventListener('visibilitychange', onVisibility);
      this.stopPolling = () => {
        clearInterval(timer);
        document.removeEventListener('visibilitychange', onVisibility);
      };
    });
  }

  stop(): void {
    this.stopPolling?.();
    this.stopPolling = null;
  }

  /** Another dealership: its counts are not these. */
  reset(): void {
    this.latest.set(null);
    this.changeToken.set(null);
  }

  refresh(): void {
    this.refresh$.next();
  }
}

function isVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}
