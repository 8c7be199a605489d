import { Component, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { Clock } from './clock';
import { ExactTimePipe, RelativeTimePipe } from './time-pipes';

/**
 * When the next task is due. Overdue is said three ways — colour, an alarm icon and the word —
 * so it does not depend on seeing red.
 */
@Component({
  selector: 'sr-task-due',
  imports: [ExactTimePipe, MatIconModule, RelativeTimePipe],
  template: `
    @if (dueAt(); as due) {
      <time
        class="due"
        data-testid="next-task"
        [class.due--overdue]="overdue()"
        [attr.datetime]="due"
        [attr.title]="due | exactTime"
      >
        @if (overdue()) {
          <mat-icon svgIcon="alarm" class="due__icon" aria-hidden="true" />
          <span class="due__flag" data-testid="overdue">Overdue</span>
          <span class="due__when">· due {{ due | relativeTime: clock.now() }}</span>
        } @else {
          <mat-icon svgIcon="schedule" class="due__icon" aria-hidden="true" />
          <span class="due__when">{{ prefix() }}{{ due | relativeTime: clock.now() }}</span>
        }
      </time>
    } @else {
      <span class="none">{{ emptyText() }}</span>
    }
  `,
  styles: `
    .due {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 4px;
      color: var(--mat-sys-on-surface-variant);
    }
    .due__flag,
    .due__when {
      white-space: nowrap;
    }
    .due__icon {
      width: 16px;
      height: 16px;
      flex: none;
    }
    .due--overdue {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    .due--overdue .due__when {
      font-weight: 400;
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TaskDue {
  readonly dueAt = input<string | null>(null);
  readonly overdue = input(false);
  readonly prefix = input('');
  readonly emptyText = input('—');
  protected readonly clock = inject(Clock);
}
