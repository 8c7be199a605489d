import { Component, DestroyRef, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Note } from '@showroom/contracts';
import { LeadsApi } from '../../api/leads-api';
import { problemOf } from '../../core/problem';
import { ExactTimePipe } from '../shared/time-pipes';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/** Notes on a lead: what was said on the phone, what the shopper wants. Newest first. */
@Component({
  selector: 'sr-lead-notes',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [ExactTimePipe, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    @if (canWork()) {
      <form class="add" [formGroup]="form" (ngSubmit)="add()" data-testid="note-form">
        <mat-form-field class="full">
          <mat-label>Add a note</mat-label>
          <textarea
            matInput
            formControlName="body"
            name="body"
            rows="3"
            maxlength="4000"
            data-testid="note-input"
          ></textarea>
          @if (error(); as message) {
            <mat-hint class="error" data-testid="note-error">{{ message }}</mat-hint>
          }
        </mat-form-field>
        <button
          type="submit"
          matButton="tonal"
          data-testid="note-submit"
          [disabled]="saving() || !form.controls.body.value.trim()"
        >
          {{ saving() ? 'Saving…' : 'Add note' }}
        </button>
      </form>
    }
    <ul class="notes">
      @for (note of notes(); track note.id) {
        <li class="note" data-testid="note">
          <p class="note__body">{{ note.body }}</p>
          <div class="note__meta">
            {{ note.author.name }} ·
            <time [attr.datetime]="note.createdAt">{{ note.createdAt | exactTime }}</time>
          </div>
        </li>
      } @empty {
        <li class="empty">No notes yet.</li>
      }
    </ul>
  `,
  styles: `
    .add {
      display: grid;
      justify-items: end;
      gap: 4px;
      margin-bottom: 8px;
    }
    .full {
      width: 100%;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .notes {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .note {
      border-left: 3px solid var(--mat-sys-outline-variant);
      padding-left: 12px;
    }
    .note__body {
      margin: 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .note__meta,
    .empty {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class LeadNotes {
  readonly leadId = input.required<string>();
  readonly notes = input.required<readonly Note[]>();
  readonly canWork = input(false);
  readonly added = output<Note>();

  private readonly leadsApi = inject(LeadsApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    body: ['', [Validators.required, Validators.maxLength(4000)]],
  });

  protected add(): void {
    const body = this.form.controls.body.value.trim();
    if (!body || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.leadsApi
      .addNote(this.leadId(), body)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (note) => {
          this.saving.set(false);
          this.form.reset();
          this.added.emit(note);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = problemOf(error);
          this.error.set(
            problem.invalidParams?.find((p) => p.name === 'body')?.reason ?? problem.detail ?? problem.title,
          );
        },
      });
  }
}
