import {
  afterNextRender,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { leadSourceLabel, type SourceCosts } from '@showroom/contracts';
import { combineLatest, filter, type Observable, switchMap, tap } from 'rxjs';
import { AnalyticsApi } from '../../api/analytics-api';
import { ActiveDealership } from '../../core/active-dealership';
import { FormProblemBanner } from '../../shared/form-problem-banner';
import { LoadState } from '../../shared/load-state';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { todayIn } from '../shared/report-range';
import {
  costRowsOf,
  costsInputOf,
  type CostRow,
  createCostRow,
  duplicateSources,
  monthLabel,
  shiftMonth,
} from './settings-model';
import { SettingsSave } from './settings-save';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/**
 * What each lead source cost in one month (a marketplace's subscription, an ad budget): the dashboard
 * spreads it over the days of a period for cost per lead and per sale. The month's known sources
 * (those that sent leads) are listed; others can be added. Saving replaces the month's costs.
 */
@Component({
  selector: 'sr-source-costs-editor',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    FormProblemBanner,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    ProblemTextPipe,
    ReactiveFormsModule,
  ],
  templateUrl: './source-costs-editor.html',
  styleUrl: './analytics-settings.scss',
})
export class SourceCostsEditor {
  private readonly api = inject(AnalyticsApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly activeDealership = inject(ActiveDealership);
  private readonly injector = inject(Injector);

  /** This month in the dealership's time zone: costs can be entered up to one month ahead. */
  private readonly thisMonth = computed(() =>
    todayIn(this.activeDealership.membership()?.dealership.timeZone ?? 'UTC').slice(0, 7),
  );
  protected readonly month = signal(this.thisMonth());
  protected readonly monthText = computed(() => monthLabel(this.month()));
  protected readonly latestMonth = computed(() => this.month() >= shiftMonth(this.thisMonth(), 1));

  protected readonly rows = new FormArray<CostRow>([]);
  /** The form element's group (it submits with Enter); the rows are all it holds. */
  protected readonly form = new FormGroup({ costs: this.rows });
  private readonly rowsChanged = toSignal(this.rows.events);
  protected readonly duplicates = computed(() => {
    this.rowsChanged();
    return duplicateSources(this.rows);
  });
  private readonly loadState = new LoadState('loading', false);
  protected readonly status = this.loadState.status;
  protected readonly loadProblem = this.loadState.problem;
  /** Known sources as the leads screens name them; what is saved is the source itself. */
  protected readonly sourceName = leadSourceLabel;
  private readonly saver = new SettingsSave();
  protected readonly saving = this.saver.saving;
  protected readonly saveProblem = this.saver.problem;

  constructor() {
    combineLatest([toObservable(this.activeDealership.id), toObservable(this.month)])
      .pipe(
        filter(([id]) => id !== null),
        switchMap(() => this.load()),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  protected showMonth(by: number): void {
    this.saveProblem.set(null);
    this.month.set(shiftMonth(this.month(), by));
  }

  protected addSource(): void {
    this.rows.push(createCostRow());
    // The new row's name field: where the dealer types next.
    afterNextRender(
      () => {
        const names = this.host.querySelectorAll<HTMLInputElement>('[data-testid="cost-source"]');
        names[names.length - 1]?.focus();
      },
      { injector: this.injector },
    );
  }

  protected removeRow(index: number): void {
    this.rows.removeAt(index);
    this.rows.markAsDirty();
  }

  protected reload(): void {
    this.load().pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
  }

  protected save(): void {
    const month = this.month();
    this.saver.save({
      form: this.rows,
      sendable: !this.rows.invalid && this.duplicates().length === 0,
      send: () => this.api.saveSourceCosts(month, costsInputOf(this.rows)),
      saved: (costs) => {
        this.show(costs);
        return `Costs for ${monthLabel(month)} saved`;
      },
    });
  }

  private show(costs: SourceCosts): void {
    this.rows.clear({ emitEvent: false });
    for (const row of costRowsOf(costs)) this.rows.push(row, { emitEvent: false });
    this.rows.markAsPristine();
    this.rows.updateValueAndValidity();
  }

  private load(): Observable<SourceCosts> {
    return this.loadState.track(this.api.sourceCosts(this.month()).pipe(tap((costs) => this.show(costs))));
  }
}
