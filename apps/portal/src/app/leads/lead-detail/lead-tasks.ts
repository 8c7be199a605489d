import { Component, computed, DestroyRef, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxChange, MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TASK_KINDS, type Task, type TaskKind } from '@showroom/contracts';
import { LeadsApi } from '../../api/leads-api';
import { problemOf } from '../../core/problem';
import { TASK_KIND_LABELS } from '../shared/lead-labels';
import { TaskDue } from '../shared/task-due';
import { ExactTimePipe } from '../shared/time-pipes';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/** `datetime-local` wants `YYYY-MM-DDTHH:mm` in local time. */
export function localDateTimeValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The next whole hour from now: a sensible default for "call back". */
function nextHour(now = new Date()): Date {
  const next = new Date(now);
  next.setMinutes(0, 0, 0);
  next.setHours(next.getHours() + 1);
  return next;
}

/** The follow-ups of a lead: add one (kind, what, when), tick it done. Open ones first, by due time. */
@Component({
  selector: 'sr-lead-tasks',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ExactTimePipe,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    TaskDue,
  ],
  template: `
    <ul class="tasks">
      @for (task of sorted(); track task.id) {
        <li
          class="task"
          data-testid="task"
          [class.task--done]="task.completedAt"
          [class.task--overdue]="task.overdue && !task.completedAt"
          [attr.data-task-id]="task.id"
        >
          <mat-checkbox
            data-testid="task-done"
            [checked]="task.completedAt !== null"
            [disabled]="!canWork() || updating().has(task.id)"
            (change)="setDone(task, $event)"
            ><span class="task__title">{{ task.title }}</span></mat-checkbox
          >
          <div class="task__meta">
            <span>{{ kindLabels[task.kind] }}</span>
            @if (task.completedAt) {
              <span
                >Done <time [attr.datetime]="task.completedAt">{{ task.completedAt | exactTime }}</time></span
              >
            } @else {
              <sr-task-due [dueAt]="task.dueAt" [overdue]="task.overdue" prefix="due " />
            }
          </div>
        </li>
      } @empty {
        <li class="empty">No tasks. Plan the next call or appointment below.</li>
      }
    </ul>

    @if (canWork()) {
      <form class="add" [formGroup]="form" (ngSubmit)="add()" data-testid="task-form">
        <mat-form-field>
          <mat-label>Kind</mat-label>
          <mat-select formControlName="kind" name="kind" data-testid="task-kind">
            @for (kind of kinds; track kind) {
              <mat-option [value]="kind">{{ kindLabels[kind] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field class="add__title">
          <mat-label>Task</mat-label>
          <input
            matInput
            formControlName="title"
            name="title"
            maxlength="200"
            placeholder="Call back about the trade-in"
            data-testid="task-title"
          />
          <mat-error>Say what to do</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Due</mat-label>
          <input matInput type="datetime-local" formControlName="due" name="due" data-testid="task-due" />
          <mat-error>Pick a date and time</mat-error>
        </mat-form-field>
        @if (error(); as message) {
          <p class="error" role="alert" data-testid="task-error">{{ message }}</p>
        }
        <button type="submit" matButton="tonal" data-testid="task-submit" [disabled]="saving()">
          {{ saving() ? 'Adding…' : 'Add task' }}
        </button>
      </form>
    }
  `,
  styles: `
    .tasks {
      list-style: none;
      margin: 0 0 12px;
      padding: 0;
      display: grid;
      gap: 4px;
    }
    .task {
      padding: 4px 8px 8px 0;
      border-radius: 8px;
    }
    .task--overdue {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      padding-left: 8px;
    }
    .task--done {
      color: var(--mat-sys-on-surface-variant);
    }
    .task--done .task__title {
      text-decoration: line-through;
    }
    .task__meta {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      padding-left: 40px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .empty {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .add {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 4px;
    }
    .add button {
      justify-self: end;
    }
    .error {
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class LeadTasks {
  readonly leadId = input.required<string>();
  readonly tasks = input.required<readonly Task[]>();
  readonly canWork = input(false);
  /** A task was added or ticked: the lead's next due time and overdue flag change with it. */
  readonly changed = output<Task>();

  private readonly leadsApi = inject(LeadsApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly kinds = TASK_KINDS;
  protected readonly kindLabels = TASK_KIND_LABELS;
  protected readonly saving = signal(false);
  protected readonly updating = signal<ReadonlySet<string>>(new Set());
  protected readonly error = signal<string | null>(null);

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    kind: this.fb.control<TaskKind>('call', Validators.required),
    title: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
    due: this.fb.control(localDateTimeValue(nextHour()), Validators.required),
  });

  protected readonly sorted = computed(() =>
    [...this.tasks()].sort(
      (a, b) =>
        Number(a.completedAt !== null) - Number(b.completedAt !== null) || a.dueAt.localeCompare(b.dueAt),
    ),
  );

  protected add(): void {
    if (this.saving()) return;
    const { kind, title, due } = this.form.getRawValue();
    const dueAt = new Date(due);
    if (this.form.invalid || !title.trim() || Number.isNaN(dueAt.getTime())) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.leadsApi
      .addTask(this.leadId(), { kind, title: title.trim(), dueAt: dueAt.toISOString() })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (task) => {
          this.saving.set(false);
          this.form.reset({ kind: 'call', title: '', due: localDateTimeValue(nextHour()) });
          this.changed.emit(task);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = problemOf(error);
          const reasons = (problem.invalidParams ?? []).map((p) => `${p.name}: ${p.reason}`).join('; ');
          this.error.set(reasons || problem.detail || problem.title);
        },
      });
  }

  protected setDone(task: Task, change: MatCheckboxChange): void {
    const done = change.checked;
    this.setUpdating(task.id, true);
    this.error.set(null);
    this.leadsApi
      .setTaskDone(this.leadId(), task.id, done)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.setUpdating(task.id, false);
          this.changed.emit(updated);
        },
        error: (error: unknown) => {
          this.setUpdating(task.id, false);
          const problem = problemOf(error);
          this.error.set(`“${task.title}” could not be updated: ${problem.detail ?? problem.title}`);
          // The checkbox already shows the click: put it back.
          change.source.checked = !done;
        },
      });
  }

  private setUpdating(taskId: string, on: boolean): void {
    const next = new Set(this.updating());
    if (on) next.add(taskId);
    else next.delete(taskId);
    this.updating.set(next);
  }
}
