import { DatePipe } from '@angular/common';
import { Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import type { PriceHistory } from '@showroom/contracts';
import { filter, switchMap } from 'rxjs';
import { formatCents } from '../../core/money';
import { LoadState } from '../../shared/load-state';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { SyndicationApi } from './syndication-api';
import { priceSteps } from './syndication-model';

/**
 * The prices a vehicle was given, newest first, drops marked: `<sr-price-history [vehicleId]="id" />`.
 * Read when the dealer opens it: most visits to a vehicle page are not about its past prices.
 */
@Component({
  selector: 'sr-price-history',
  imports: [DatePipe, MatButtonModule, ProblemTextPipe],
  template: `
    <section class="card" aria-labelledby="price-history-heading" data-testid="price-history">
      <h2 id="price-history-heading" class="card__title">
        <button
          type="button"
          matButton
          data-testid="price-history-toggle"
          [attr.aria-expanded]="open()"
          (click)="toggle()"
        >
          Price history
        </button>
      </h2>
      @if (open()) {
        @switch (status()) {
          @case ('loading') {
            <p class="note" role="status">Loading…</p>
          }
          @case ('ready') {
            @if (steps().length === 0) {
              <p class="note">No price was ever set.</p>
            } @else {
              <ol class="steps">
                @for (step of steps(); track $index) {
                  <li class="step" [class]="'step step--' + step.kind" data-testid="price-step">
                    <span class="step__price">{{ money(step.toCents, step.currency) }}</span>
                    @if (step.kind === 'drop' || step.kind === 'rise') {
                      <span class="step__change" data-testid="price-change"
                        >{{ step.kind === 'drop' ? '▼' : '▲' }}
                        {{ money(abs(step.changeCents), step.currency) }}</span
                      >
                    } @else if (step.kind === 'removed') {
                      <span class="step__change">price removed</span>
                    } @else {
                      <span class="step__change">first price</span>
                    }
                    <span class="step__when"
                      >{{ step.at | date: 'medium' }}{{ step.source === 'import' ? ' · import' : '' }}</span
                    >
                  </li>
                }
              </ol>
            }
          }
          @default {
            <p class="note" role="alert">{{ problem() | problemText }}</p>
          }
        }
      }
    </section>
  `,
  styles: `
    .card {
      padding: 16px 20px 20px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .card__title {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
    .steps,
    .note {
      margin-top: 8px;
    }
    .note {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .steps {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 6px;
    }
    .step {
      display: grid;
      grid-template-columns: 7em 9em minmax(0, 1fr);
      gap: 8px;
      align-items: baseline;
    }
    .step__price {
      font-weight: 500;
    }
    .step--drop .step__change {
      color: var(--mat-sys-tertiary);
    }
    .step--rise .step__change {
      color: var(--mat-sys-error);
    }
    .step__when {
      color: var(--mat-sys-on-surface-variant);
      font-size: 12px;
    }
  `,
})
export class PriceHistoryCard {
  private readonly api = inject(SyndicationApi);
  readonly vehicleId = input.required<string>();

  private readonly loadState = new LoadState('loading', false);
  protected readonly status = this.loadState.status;
  protected readonly problem = this.loadState.problem;
  private readonly history = signal<PriceHistory | null>(null);
  protected readonly steps = computed(() => priceSteps(this.history()?.entries ?? []));
  protected readonly money = formatCents;
  protected readonly abs = (cents: number | null) => (cents === null ? null : Math.abs(cents));

  protected readonly open = signal(false);

  constructor() {
    // Read on opening, and again for another vehicle while open.
    toObservable(computed(() => (this.open() ? this.vehicleId() : null)))
      .pipe(
        filter((id) => id !== null),
        switchMap((id) => this.loadState.track(this.api.priceHistory(id))),
        takeUntilDestroyed(),
      )
      .subscribe((history) => this.history.set(history));
  }

  protected toggle(): void {
    this.open.update((open) => !open);
  }
}
