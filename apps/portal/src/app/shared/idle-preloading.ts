import { ApplicationRef, inject, Injectable, NgZone } from '@angular/core';
import type { PreloadingStrategy, Route } from '@angular/router';
import { defer, Observable, of, shareReplay, switchMap } from 'rxjs';

/** Route data naming a screen worth loading ahead: one the dealer likely opens next. */
export const PRELOAD = 'preload';

/** How long the browser may put off the idle callback while it stays busy. */
const IDLE_TIMEOUT_MS = 3_000;

/**
 * Loads the code of the screens marked `data: { preload: true }` (the inventory, the leads and their
 * record pages) once the first screen is done: after Angular has settled (its data in and shown)
 * and the browser is idle, so it never competes with what the dealer is waiting for. Then a tap on
 * the nav or a row opens the next screen without waiting for its code. Nothing is loaded ahead when
 * the browser asks to save data (Data Saver, a 2G connection).
 */
@Injectable({ providedIn: 'root' })
export class IdlePreloading implements PreloadingStrategy {
  private readonly appRef = inject(ApplicationRef);
  private readonly zone = inject(NgZone);

  /** Emits once, when the first screen has settled and the browser is idle. */
  private readonly firstScreenDone = defer(() => this.appRef.whenStable()).pipe(
    switchMap(() => whenIdle(this.zone)),
    shareReplay(1),
  );

  preload(route: Route, load: () => Observable<unknown>): Observable<unknown> {
    if (route.data?.[PRELOAD] !== true || savingData()) return of(null);
    return this.firstScreenDone.pipe(switchMap(() => load()));
  }
}

/**
 * The next idle moment, waited for outside Angular's zone: a pending wait inside it would keep the app
 * "unstable", and QA's Protractor suite waits for stability before every step.
 */
function whenIdle(zone: NgZone): Observable<void> {
  return new Observable<void>((subscriber) => {
    const done = () =>
      zone.run(() => {
        subscriber.next();
        subscriber.complete();
      });
    return zone.runOutsideAngular(() => {
      if (typeof requestIdleCallback === 'function') {
        const handle = requestIdleCallback(done, { timeout: IDLE_TIMEOUT_MS });
        return () => cancelIdleCallback(handle);
      }
      const handle = setTimeout(done, 0);
      return () => clearTimeout(handle);
    });
  });
}

interface NetworkInformation {
  saveData?: boolean;
  effectiveType?: string;
}

function savingData(): boolean {
  const connection = (globalThis.navigator as { connection?: NetworkInformation } | undefined)?.connection;
  return connection?.saveData === true || /(^|-)2g$/.test(connection?.effectiveType ?? '');
}
