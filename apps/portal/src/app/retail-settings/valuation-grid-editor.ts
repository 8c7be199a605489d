import { Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ValuationGrid } from '@showroom/contracts';
import { filter, type Observable, switchMap, tap } from 'rxjs';
import { RetailSettingsApi } from '../api/retail-settings-api';
import { ActiveDealership } from '../core/active-dealership';
import { problemOf } from '../core/problem';
import { formProblem, type FormProblem } from '../shared/form-errors';
import { FormProblemBanner } from '../shared/form-problem-banner';
import { LoadState } from '../shared/load-state';
import { ProblemTextPipe } from '../shared/problem-text.pipe';
import {
  type GridRowForm,
  gridRowForm,
  gridRowProblem,
  gridRowsFrom,
  MAX_GRID_ROWS,
} from './valuation-grid-model';

/**
 * The dealer's trade valuation grid as an editable table: the most specific row matching a trade
 * gives its range (a row naming the model wins over "any model"). Saved as a whole.
 */
@Component({
  selector: 'sr-valuation-grid-editor',
  imports: [
    FormProblemBanner,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    ProblemTextPipe,
    ReactiveFormsModule,
  ],
  templateUrl: './valuation-grid-editor.html',
  styleUrl: './valuation-grid-editor.scss',
})
export class ValuationGridEditor {
  private readonly api = inject(RetailSettingsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly form = this.fb.group({ rows: this.fb.array<GridRowForm>([]) });
  protected readonly rows = this.form.controls.rows;
  private readonly loadState = new LoadState('loading', false);
  protected readonly status = this.loadState.status;
  protected readonly loadProblem = this.loadState.problem;
  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<FormProblem | null>(null);
  /** Whether the save was pressed: row problems show from then on (or once a row is touched). */
  protected readonly submitted = signal(false);
  protected readonly maxRows = MAX_GRID_ROWS;

  private readonly changed = toSignal(this.rows.events);
  protected readonly problems = computed(() => {
    this.changed();
    this.submitted();
    return this.rows.controls.map((row) => (row.touched || this.submitted() ? gridRowProblem(row) : null));
  });

  constructor() {
    toObservable(inject(ActiveDealership).id)
      .pipe(
        filter((id) => id !== null),
        switchMap(() => this.load()),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  protected reload(): void {
    this.load().pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
  }

  protected addRow(): void {
    if (this.rows.length >= MAX_GRID_ROWS) return;
    this.rows.push(gridRowForm(this.fb));
    this.rows.markAsDirty();
  }

  protected removeRow(index: number): void {
    this.rows.removeAt(index);
    this.rows.markAsDirty();
  }

  protected save(): void {
    if (this.saving()) return;
    this.saveProblem.set(null);
    this.submitted.set(true);
    if (this.rows.invalid) {
      this.rows.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.api
      .saveValuationGrid(gridRowsFrom(this.rows))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (grid) => {
          this.saving.set(false);
          this.show(grid);
          this.snackBar.open('Valuation grid saved; new trade estimates use it', undefined, {
            duration: 4000,
          });
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = problemOf(error);
          this.saveProblem.set(formProblem(problem, problem.invalidParams ?? []));
        },
      });
  }

  private show(grid: ValuationGrid): void {
    this.submitted.set(false);
    this.rows.clear({ emitEvent: false });
    for (const row of grid.rows) this.rows.push(gridRowForm(this.fb, row), { emitEvent: false });
    this.rows.markAsPristine();
    this.rows.updateValueAndValidity();
  }

  private load(): Observable<ValuationGrid> {
    return this.loadState.track(this.api.valuationGrid().pipe(tap((grid) => this.show(grid))));
  }
}
