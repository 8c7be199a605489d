import { Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import type { CreditApplicationSummary } from '@showroom/contracts';
import { ExactTimePipe } from '../../leads/shared/time-pipes';
import { DealPartChip } from '../shared/deal-chips';
import { CreditApplicationDialog, type CreditApplicationDialogData } from './credit-application-dialog';

/**
 * What anyone working the deal sees of the credit application (no personal data), and, for
 * credit:read, "Open application": the decrypted application in a dialog, each opening recorded.
 */
@Component({
  selector: 'sr-credit-panel',
  imports: [DealPartChip, ExactTimePipe, MatButtonModule, MatIconModule],
  template: `
    @if (summary(); as summary) {
      <div class="head">
        <sr-deal-part-chip [value]="{ part: 'credit', status: summary.status }" />
      </div>
      <dl class="facts" data-testid="credit-summary">
        <dt>Applicants</dt>
        <dd>{{ summary.applicants }}</dd>
        <dt>Submitted</dt>
        <dd>{{ summary.submittedAt | exactTime }}</dd>
        @if (summary.deleteAfter) {
          <dt>Kept until</dt>
          <dd data-testid="credit-delete-after">{{ summary.deleteAfter | exactTime }}</dd>
        }
      </dl>
      @if (summary.status === 'received') {
        @if (canOpen()) {
          <button
            type="button"
            matButton="tonal"
            data-testid="open-credit-application"
            (click)="openApplication()"
          >
            <mat-icon svgIcon="lock" />
            Open application
          </button>
          <p class="muted">Opening it is recorded on the deal and the lead.</p>
        } @else {
          <p class="muted" data-testid="credit-finance-only">
            Only finance managers and owners open applications.
          </p>
        }
      } @else {
        <p class="muted">Deleted after the dealership's retention period.</p>
      }
    } @else {
      <p class="muted" data-testid="credit-none">No credit application.</p>
    }
  `,
  styleUrl: './desk-panel.scss',
  styles: `
    button {
      justify-self: start;
    }
  `,
})
export class CreditPanel {
  readonly dealId = input.required<string>();
  readonly shopperName = input.required<string>();
  readonly summary = input.required<CreditApplicationSummary | null>();
  /** credit:read (finance managers and owners). */
  readonly canOpen = input(false);
  /** Emitted when the dialog closes: the view is on the activity now. */
  readonly viewed = output<void>();

  private readonly dialog = inject(MatDialog);

  protected openApplication(): void {
    this.dialog
      .open<CreditApplicationDialog, CreditApplicationDialogData>(CreditApplicationDialog, {
        data: { dealId: this.dealId(), shopperName: this.shopperName() },
        maxWidth: '640px',
        width: '100%',
        autoFocus: 'dialog',
      })
      .afterClosed()
      .subscribe(() => this.viewed.emit());
  }
}
