import { Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ImportJob, ImportReport, Problem } from '@showroom/contracts';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { countsSummary, fieldLabel, percentDone } from './import-model';

/**
 * The import on the page: its progress while it runs (seen, and announced only at its start and
 * end), how it ended, and its report a page at a time. The page reads the job and the report.
 */
@Component({
  selector: 'sr-import-progress',
  imports: [MatButtonModule, MatProgressBarModule, ProblemTextPipe],
  templateUrl: './import-progress.html',
  styleUrl: './import-progress.scss',
})
export class ImportProgress {
  readonly job = input.required<ImportJob>();
  readonly report = input<ImportReport | null>(null);
  readonly reportProblem = input<Problem | null>(null);
  /** "Resume" on a failed import. */
  readonly resumeImport = output<ImportJob>();
  /** Another page of the report. */
  readonly reportPage = output<number>();

  protected readonly percentDone = percentDone;
  protected readonly countsSummary = countsSummary;
  protected readonly labelOf = fieldLabel;

  /** What the status region says: that the import started, and how it ended; not each row read. */
  protected announcement(job: ImportJob): string {
    switch (job.status) {
      case 'queued':
      case 'running':
        return `Importing ${job.fileName}…`;
      case 'succeeded':
        return `Import of ${job.fileName} done: ${countsSummary(job)}`;
      case 'failed':
        return `Import of ${job.fileName} stopped: ${job.error ?? 'an error'}`;
      default:
        return '';
    }
  }

  protected lastReportPage(report: ImportReport): boolean {
    return report.page * report.pageSize >= report.total;
  }
}
