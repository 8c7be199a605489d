import { DestroyRef, inject, Injectable, NgZone, signal } from '@angular/core';

/**
 * "Now" for relative times ("5 minutes ago"), moving every 30 s so an open inbox does not go
 * stale. Ticks outside Angular's zone so QA's Protractor still sees a stable app.
 */
@Injectable({ providedIn: 'root' })
export class Clock {
  private readonly current = signal(Date.now());
  readonly now = this.current.asReadonly();

  constructor() {
    const timer = inject(NgZone).runOutsideAngular(() =>
      setInterval(() => this.current.set(Date.now()), 30_000),
    );
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
