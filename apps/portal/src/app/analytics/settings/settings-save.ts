import { DestroyRef, ElementRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AbstractControl } from '@angular/forms';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { Observable } from 'rxjs';
import { problemOf } from '../../core/problem';
import { focusFirstInvalid, formProblem, type FormProblem, revealBanner } from '../../shared/form-errors';

export interface SettingsSaveRequest<T> {
  /** What is saved: touched and focused when it cannot be sent. */
  form: AbstractControl;
  /** Whether it may be sent (default: the form is not invalid); a form can have rules of its own. */
  sendable?: boolean;
  send: () => Observable<T>;
  /** Shows what the service kept and says what was saved (the snack bar's text). */
  saved: (answer: T) => string;
}

/**
 * How the analytics settings forms save: one save at a time, an invalid form is not sent (its
 * fields say why, the first takes the focus), and a refusal goes to the banner above the form,
 * brought into view, with the fields the service named. Create it in a component's field initialiser.
 */
export class SettingsSave {
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  readonly saving = signal(false);
  /** The last refusal, until the next save (or the caller clears it). */
  readonly problem = signal<FormProblem | null>(null);

  save<T>({ form, sendable = !form.invalid, send, saved }: SettingsSaveRequest<T>): void {
    if (this.saving()) return;
    this.problem.set(null);
    if (!sendable) {
      form.markAllAsTouched();
      focusFirstInvalid(this.host);
      return;
    }
    this.saving.set(true);
    send()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (answer) => {
          this.saving.set(false);
          this.snackBar.open(saved(answer), undefined, { duration: 3000 });
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = problemOf(error);
          this.problem.set(formProblem(problem, problem.invalidParams ?? []));
          revealBanner(this.host);
        },
      });
  }
}
