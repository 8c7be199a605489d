import { Component, computed, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import type { Problem } from '@showroom/contracts';
import { NgxEchartsDirective } from 'ngx-echarts';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { downloadCsv, tableToCsv } from '../shared/csv';
import { displayCell, formatRate } from '../shared/report-table';
import { changeOf, type ReportDefinition, type ReportView } from './report-views';

export type CardMode = 'chart' | 'table';

/**
 * One report on the dashboard: its figure against the previous period, a chart or the same figures
 * as a table, and a CSV of the table. Shows what the page loaded; the page owns loading and retries.
 */
@Component({
  selector: 'sr-report-card',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    NgxEchartsDirective,
    ProblemTextPipe,
  ],
  templateUrl: './report-card.html',
  styleUrl: './report-card.scss',
  host: { '[attr.data-report]': 'definition().name', 'data-testid': 'report-card' },
})
export class ReportCard {
  readonly definition = input.required<ReportDefinition>();
  readonly view = input.required<ReportView | null>();
  readonly loading = input(false);
  readonly problem = input<Problem | null>(null);
  /** The previous period's figure is asked for (the compare toggle). */
  readonly compared = input(true);
  readonly fileName = input.required<string>();
  readonly retry = output<void>();

  private readonly chosenMode = signal<CardMode>('chart');
  /** A list report has no chart: always its table. */
  protected readonly mode = computed<CardMode>(() =>
    this.view() && !this.view()?.chart ? 'table' : this.chosenMode(),
  );
  protected readonly hasChart = computed(() => this.view()?.chart != null);
  protected readonly headingId = computed(() => `report-${this.definition().name}`);

  protected readonly figure = computed(() => {
    const headline = this.view()?.headline;
    return headline ? displayCell(headline.kind, headline.current) : '';
  });
  protected readonly previousFigure = computed(() => {
    const headline = this.view()?.headline;
    return headline && headline.previous !== null ? displayCell(headline.kind, headline.previous) : null;
  });
  /** "+12.5%" and whether that is good news for the dealer. */
  protected readonly change = computed(() => {
    const headline = this.view()?.headline;
    if (!headline) return null;
    const change = changeOf(headline);
    if (change === null || change === 0) return null;
    const up = change > 0;
    return {
      text: `${up ? '+' : '−'}${formatRate(Math.abs(change))}`,
      good: up !== headline.lowerIsBetter,
      up,
    };
  });
  protected readonly displayCell = displayCell;

  protected showAs(mode: CardMode): void {
    this.chosenMode.set(mode);
  }

  protected download(): void {
    const view = this.view();
    if (!view) return;
    downloadCsv(this.fileName(), tableToCsv(view.table));
  }
}
