import { Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import type { Reservation } from '@showroom/contracts';
import { filter } from 'rxjs';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/confirm-dialog';
import { ExactTimePipe } from '../../leads/shared/time-pipes';
import { CentsPipe } from '../shared/cents.pipe';
import { DealPartChip } from '../shared/deal-chips';

/** The deposit and the hold on the car; a held car can be released by hand (deals:work), after a confirmation. */
@Component({
  selector: 'sr-reservation-panel',
  imports: [CentsPipe, DealPartChip, ExactTimePipe, MatButtonModule],
  template: `
    @if (reservation(); as reservation) {
      <div class="head">
        <sr-deal-part-chip [value]="{ part: 'reservation', status: reservation.status }" />
      </div>
      <dl class="facts" data-testid="reservation-facts">
        <dt>Deposit</dt>
        <dd>{{ reservation.depositCents | cents }}</dd>
        @if (reservation.paidAt) {
          <dt>Paid</dt>
          <dd>{{ reservation.paidAt | exactTime }}</dd>
        }
        @if (reservation.heldUntil && reservation.status === 'held') {
          <dt>Held until</dt>
          <dd data-testid="reservation-held-until">{{ reservation.heldUntil | exactTime }}</dd>
        }
      </dl>
      @if (canWork() && reservation.status === 'held') {
        <button
          type="button"
          matButton="outlined"
          data-testid="release-reservation"
          [disabled]="releasing()"
          (click)="confirmRelease()"
        >
          {{ releasing() ? 'Releasing…' : 'Release' }}
        </button>
      }
    } @else {
      <p class="muted" data-testid="reservation-none">Not reserved.</p>
    }
  `,
  styleUrl: './desk-panel.scss',
  styles: `
    button {
      justify-self: start;
    }
  `,
})
export class ReservationPanel {
  readonly reservation = input.required<Reservation | null>();
  readonly canWork = input(false);
  readonly releasing = input(false);
  readonly release = output<void>();

  private readonly dialog = inject(MatDialog);

  protected confirmRelease(): void {
    const data: ConfirmDialogData = {
      title: 'Release the reservation?',
      message:
        'The car goes back on sale at once and a paid deposit is refunded to the shopper. This cannot be undone.',
      confirmLabel: 'Release',
      destructive: true,
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '440px' })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(() => this.release.emit());
  }
}
