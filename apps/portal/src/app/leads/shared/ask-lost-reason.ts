import { type Injector, PendingTasks } from '@angular/core';
import { from, type Observable, switchMap } from 'rxjs';
import type { LostReasonChoice } from './lost-reason-dialog';

/**
 * `askLostReason`, with the dialog's code (Material's dialog and the dialog itself) loaded only when a
 * lead is marked lost: most visits to a lead never do, and the lead page is a first screen on phones.
 * The download counts as pending work, so the app is not "stable" (tests, QA's waits) before the
 * dialog is open.
 */
export function askLostReasonLazily(injector: Injector, shopperName: string): Observable<LostReasonChoice> {
  const code = Promise.all([import('@angular/material/dialog'), import('./lost-reason-dialog')]);
  injector.get(PendingTasks).run(() => code);
  return from(code).pipe(
    switchMap(([{ MatDialog }, { askLostReason }]) => askLostReason(injector.get(MatDialog), shopperName)),
  );
}
