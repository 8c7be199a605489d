import { Component, input } from '@angular/core';
import { CentsPipe } from '../shared/cents.pipe';
import { formatBps } from '../shared/deal-labels';
import type { QuoteDifference } from './desk-model';

/** The figures the desk changed against the shopper's offer: theirs, the desk's, and by how much. */
@Component({
  selector: 'sr-quote-differences',
  template: `
    @if (differences().length === 0) {
      <p class="same" data-testid="quote-same">Same figures as the shopper's offer.</p>
    } @else {
      <table class="differences" data-testid="quote-differences">
        <caption>
          Compared with the shopper's offer
        </caption>
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col">Shopper</th>
            <th scope="col">Desk</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          @for (row of differences(); track row.label) {
            <tr data-testid="quote-difference" [attr.data-figure]="row.label">
              <th scope="row">{{ row.label }}</th>
              <td>{{ show(row.unit, row.before) }}</td>
              <td>{{ show(row.unit, row.after) }}</td>
              <td class="change">{{ row.change === null ? '—' : signed(row.unit, row.change) }}</td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `
    .same {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .differences {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    caption {
      text-align: left;
      font: var(--mat-sys-title-small);
      padding-bottom: 4px;
    }
    th,
    td {
      padding: 4px 8px;
      text-align: right;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    th[scope='row'] {
      text-align: left;
      font-weight: normal;
      color: var(--mat-sys-on-surface-variant);
    }
    /* No colour for up or down: a higher trade value is good for the shopper, a higher price is not. */
    .change {
      font-weight: 500;
    }
  `,
})
export class QuoteDifferences {
  readonly differences = input.required<QuoteDifference[]>();
  private readonly cents = new CentsPipe();

  protected show(unit: QuoteDifference['unit'], value: number | null): string {
    if (value === null) return '—';
    if (unit === 'money') return this.cents.transform(value);
    if (unit === 'rate') return formatBps(value);
    return `${value} mo`;
  }

  /** "+$12.34", "−0.50%", "+12 mo". */
  protected signed(unit: QuoteDifference['unit'], change: number): string {
    const sign = change > 0 ? '+' : change < 0 ? '−' : '';
    return sign + this.show(unit, Math.abs(change));
  }
}
