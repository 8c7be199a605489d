import { inject, Injectable, Injector, PendingTasks } from '@angular/core';

/**
 * Short messages at the bottom of the screen (Material's snack bar). The snack bar's code (and its
 * overlay) loads with the first message: no first screen shows one, so it stays off a phone's first
 * download. Pending work until shown, so tests and QA's waits see the message.
 */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly injector = inject(Injector);
  private readonly pendingTasks = inject(PendingTasks);

  show(message: string, action?: string, durationMs = 3000): void {
    const shown = import('@angular/material/snack-bar').then(({ MatSnackBar }) => {
      this.injector.get(MatSnackBar).open(message, action, { duration: durationMs });
    });
    this.pendingTasks.run(() => shown);
  }
}
