import { Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { LOST_REASONS, type LostReason } from '@showroom/contracts';
import { filter, type Observable } from 'rxjs';
import { LOST_REASON_LABELS } from './lead-labels';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

export interface LostReasonDialogData {
  shopperName: string;
}

export interface LostReasonChoice {
  lostReason: LostReason;
  note?: string;
}

/** A lead is only lost with a reason: the dealership reports on why. Closes with the choice. */
@Component({
  selector: 'sr-lost-reason-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  template: `
    <h2 mat-dialog-title>Why was {{ data.shopperName }} lost?</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()" data-testid="lost-reason-dialog">
      <mat-dialog-content class="fields">
        <mat-form-field>
          <mat-label>Reason</mat-label>
          <mat-select
            formControlName="lostReason"
            name="lostReason"
            data-testid="lost-reason"
            cdkFocusInitial
          >
            @for (reason of reasons; track reason) {
              <mat-option [value]="reason" [attr.data-testid]="'lost-reason-' + reason">{{
                labels[reason]
              }}</mat-option>
            }
          </mat-select>
          <mat-error>Choose why the lead was lost</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Note (optional)</mat-label>
          <textarea
            matInput
            formControlName="note"
            name="note"
            rows="3"
            maxlength="2000"
            data-testid="lost-note"
          ></textarea>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button type="button" matButton mat-dialog-close>Cancel</button>
        <button type="submit" matButton="filled" data-testid="confirm-lost">Mark lost</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields {
      display: grid;
      gap: 8px;
      min-width: min(360px, 70vw);
    }
  `,
})
export class LostReasonDialog {
  protected readonly data = inject<LostReasonDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<LostReasonDialog, LostReasonChoice>>(MatDialogRef);
  protected readonly reasons = LOST_REASONS;
  protected readonly labels = LOST_REASON_LABELS;
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    lostReason: this.fb.control<LostReason | null>(null, Validators.required),
    note: this.fb.control(''),
  });

  protected confirm(): void {
    const { lostReason, note } = this.form.getRawValue();
    if (!lostReason) {
      this.form.markAllAsTouched();
      return;
    }
    const trimmed = note.trim();
    this.dialogRef.close(trimmed ? { lostReason, note: trimmed } : { lostReason });
  }
}

/** Asks why the shopper was lost; emits the choice, or nothing when the dealer cancels. */
export function askLostReason(dialog: MatDialog, shopperName: string): Observable<LostReasonChoice> {
  return dialog
    .open<LostReasonDialog, LostReasonDialogData, LostReasonChoice>(LostReasonDialog, {
      data: { shopperName },
      maxWidth: '480px',
    })
    .afterClosed()
    .pipe(filter((choice): choice is LostReasonChoice => choice !== undefined));
}
