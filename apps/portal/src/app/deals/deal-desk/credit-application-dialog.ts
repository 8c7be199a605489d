import { Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import type { CreditApplicant, CreditApplicationView, Problem } from '@showroom/contracts';
import { DealsApi } from '../../api/deals-api';
import { problemOf } from '../../core/problem';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { ExactTimePipe } from '../../leads/shared/time-pipes';
import { CentsPipe } from '../shared/cents.pipe';

export interface CreditApplicationDialogData {
  dealId: string;
  shopperName: string;
}

/**
 * A shopper's credit application, decrypted for a finance manager (credit:read). It is read when the
 * dialog opens (each opening is one recorded view) and lives only in this dialog: closing it drops it.
 */
@Component({
  selector: 'sr-credit-application-dialog',
  imports: [
    CentsPipe,
    ExactTimePipe,
    MatButtonModule,
    MatDialogModule,
    MatIconModule,
    MatProgressSpinnerModule,
    ProblemTextPipe,
  ],
  templateUrl: './credit-application-dialog.html',
  styleUrl: './credit-application-dialog.scss',
})
export class CreditApplicationDialog {
  protected readonly data = inject<CreditApplicationDialogData>(MAT_DIALOG_DATA);
  protected readonly application = signal<CreditApplicationView | null>(null);
  protected readonly problem = signal<Problem | null>(null);

  constructor() {
    inject(DealsApi)
      .creditApplication(this.data.dealId)
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (application) => this.application.set(application),
        error: (error: unknown) => this.problem.set(problemOf(error)),
      });
    inject(DestroyRef).onDestroy(() => this.application.set(null));
  }

  protected applicants(view: CreditApplicationView): { title: string; applicant: CreditApplicant }[] {
    return [
      { title: 'Applicant', applicant: view.applicant },
      ...(view.coApplicant ? [{ title: 'Co-applicant', applicant: view.coApplicant }] : []),
    ];
  }

  /** 123456789 → 123-45-6789. */
  protected ssn(value: string): string {
    return /^\d{9}$/.test(value) ? `${value.slice(0, 3)}-${value.slice(3, 5)}-${value.slice(5)}` : value;
  }
}
