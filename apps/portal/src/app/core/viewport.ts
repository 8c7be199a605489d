import { BreakpointObserver } from '@angular/cdk/layout';
import { inject, Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/** Narrower than this, the sidenav slides over the page behind a menu button. */
export const NARROW_LAYOUT = '(max-width: 959.98px)';
/** Narrower than this (phones), tables become cards. */
export const PHONE_LAYOUT = '(max-width: 719.98px)';

/** A signal that follows a media query; call in an injection context. */
export function matchesMedia(query: string): Signal<boolean> {
  const observer = inject(BreakpointObserver);
  return toSignal(observer.observe(query).pipe(map((state) => state.matches)), {
    initialValue: observer.isMatched(query),
  });
}
