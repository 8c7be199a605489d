import { Component, computed, forwardRef, signal } from '@angular/core';
import {
  type ControlValueAccessor,
  NG_VALIDATORS,
  NG_VALUE_ACCESSOR,
  type ValidationErrors,
  type Validator,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { OpeningHours } from '@showroom/contracts';
import {
  DAY_LABELS,
  type DayHours,
  daysOf,
  DEFAULT_PERIOD,
  hoursOf,
  MAX_PERIODS_PER_DAY,
  type Period,
  weekProblems,
} from './opening-hours';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/**
 * The showroom's week: each day closed or open, with one period or two (a lunch break). A form
 * control whose value is the contract's `OpeningHours`; a day that cannot be saved makes it invalid
 * (`{ hours: { <day>: reason } }`) and says why beside the day.
 */
@Component({
  selector: 'sr-hours-editor',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSlideToggleModule],
  providers: [
    FORM_FIELD_DEFAULTS,
    { provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => HoursEditor), multi: true },
    { provide: NG_VALIDATORS, useExisting: forwardRef(() => HoursEditor), multi: true },
  ],
  template: `
    <ol class="week" aria-label="Opening hours by day">
      @for (day of days(); track day.day; let d = $index) {
        <li class="day" data-testid="hours-day" [attr.data-day]="day.day">
          <mat-slide-toggle
            class="day__toggle"
            [checked]="day.open"
            [disabled]="disabled()"
            [attr.data-testid]="'hours-open-' + day.day"
            (change)="setOpen(d, $event.checked)"
            >{{ labels[day.day] }}</mat-slide-toggle
          >
          @if (day.open) {
            <div class="day__periods">
              @for (period of day.periods; track $index; let p = $index) {
                <div class="period">
                  <mat-form-field class="period__time" subscriptSizing="fixed">
                    <mat-label>{{ p === 0 ? 'Opens' : 'Opens again' }}</mat-label>
                    <input
                      matInput
                      type="time"
                      [value]="period.opens"
                      [disabled]="disabled()"
                      [attr.aria-describedby]="problems()[day.day] ? 'hours-problem-' + day.day : null"
                      [attr.data-testid]="'hours-' + day.day + '-' + p + '-opens'"
                      (input)="setTime(d, p, 'opens', $event)"
                      (blur)="touched()"
                    />
                  </mat-form-field>
                  <mat-form-field class="period__time" subscriptSizing="fixed">
                    <mat-label>Closes</mat-label>
                    <input
                      matInput
                      type="time"
                      [value]="period.closes"
                      [disabled]="disabled()"
                      [attr.aria-describedby]="problems()[day.day] ? 'hours-problem-' + day.day : null"
                      [attr.data-testid]="'hours-' + day.day + '-' + p + '-closes'"
                      (input)="setTime(d, p, 'closes', $event)"
                      (blur)="touched()"
                    />
                  </mat-form-field>
                  @if (p > 0) {
                    <button
                      type="button"
                      matIconButton
                      [disabled]="disabled()"
                      [attr.aria-label]="'Remove the break on ' + labels[day.day]"
                      [attr.data-testid]="'hours-remove-break-' + day.day"
                      (click)="removePeriod(d, p)"
                    >
                      <mat-icon svgIcon="close" />
                    </button>
                  }
                </div>
              }
              @if (day.periods.length < maxPeriods) {
                <button
                  type="button"
                  matButton
                  class="day__break"
                  [disabled]="disabled()"
                  [attr.aria-label]="'Add a break on ' + labels[day.day]"
                  [attr.data-testid]="'hours-add-break-' + day.day"
                  (click)="addBreak(d)"
                >
                  <mat-icon svgIcon="add" />
                  Add a break
                </button>
              }
            </div>
          } @else {
            <span class="day__closed">Closed</span>
          }
          @if (problems()[day.day]; as problem) {
            <p
              class="day__problem"
              role="alert"
              [id]="'hours-problem-' + day.day"
              [attr.data-testid]="'hours-problem-' + day.day"
            >
              {{ problem }}
            </p>
          }
        </li>
      }
    </ol>
  `,
  styles: `
    :host {
      display: block;
    }
    .week {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 4px;
    }
    .day {
      display: grid;
      grid-template-columns: 150px minmax(0, 1fr);
      align-items: start;
      gap: 4px 16px;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .day:last-child {
      border-bottom: 0;
    }
    .day__toggle {
      padding-top: 14px;
    }
    .day__closed {
      padding-top: 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .day__periods {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0 16px;
    }
    .period {
      display: flex;
      align-items: flex-start;
      gap: 8px;
    }
    .period__time {
      width: 132px;
    }
    .day__break {
      margin-top: 10px;
    }
    .day__problem {
      grid-column: 2;
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    @media (max-width: 719.98px) {
      .day {
        grid-template-columns: minmax(0, 1fr);
      }
      .day__closed,
      .day__toggle {
        padding-top: 4px;
      }
      .day__problem {
        grid-column: 1;
      }
      .period__time {
        width: 124px;
      }
    }
  `,
})
export class HoursEditor implements ControlValueAccessor, Validator {
  protected readonly labels = DAY_LABELS;
  protected readonly maxPeriods = MAX_PERIODS_PER_DAY;
  protected readonly days = signal<DayHours[]>(daysOf([]));
  protected readonly disabled = signal(false);
  protected readonly problems = computed(() => weekProblems(this.days()));

  private changed: (hours: OpeningHours) => void = () => undefined;
  private touchedBy: () => void = () => undefined;
  private validatorChanged: () => void = () => undefined;

  writeValue(hours: OpeningHours | null): void {
    this.days.set(daysOf(hours ?? []));
    this.validatorChanged();
  }

  registerOnChange(fn: (hours: OpeningHours) => void): void {
    this.changed = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.touchedBy = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  validate(): ValidationErrors | null {
    const problems = this.problems();
    return Object.keys(problems).length > 0 ? { hours: problems } : null;
  }

  registerOnValidatorChange(fn: () => void): void {
    this.validatorChanged = fn;
  }

  protected setOpen(dayIndex: number, open: boolean): void {
    this.edit(dayIndex, (day) => ({ ...day, open }));
  }

  protected setTime(dayIndex: number, periodIndex: number, end: keyof Period, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.edit(dayIndex, (day) => ({
      ...day,
      periods: day.periods.map((period, i) => (i === periodIndex ? { ...period, [end]: value } : period)),
    }));
  }

  /** Splits the day at lunch: the first period closes at 12:00, the second opens at 13:00. */
  protected addBreak(dayIndex: number): void {
    this.edit(dayIndex, (day) => {
      const [first = DEFAULT_PERIOD] = day.periods;
      const morning = { opens: first.opens, closes: first.opens < '12:00' ? '12:00' : first.closes };
      const afternoon = { opens: '13:00', closes: first.closes > '13:00' ? first.closes : '18:00' };
      return { ...day, periods: [morning, afternoon] };
    });
  }

  protected removePeriod(dayIndex: number, periodIndex: number): void {
    this.edit(dayIndex, (day) => ({ ...day, periods: day.periods.filter((_, i) => i !== periodIndex) }));
  }

  protected touched(): void {
    this.touchedBy();
  }

  private edit(dayIndex: number, change: (day: DayHours) => DayHours): void {
    this.days.update((days) => days.map((day, i) => (i === dayIndex ? change(day) : day)));
    this.changed(hoursOf(this.days()));
    this.touchedBy();
  }
}
