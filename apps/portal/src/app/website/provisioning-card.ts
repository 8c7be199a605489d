import { DatePipe } from '@angular/common';
import { Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import type { ProvisioningStatus } from '@showroom/contracts';
import { isProvisioning, STEP_LABELS, STEP_STATUS_LABELS } from './provisioning-labels';
import { ProvisioningStateChip } from './provisioning-state-chip';

const STEP_ICONS = { pending: 'schedule', done: 'check', failed: 'error' } as const;

/**
 * Where putting the site live stands: its state, each step with what it did or what went wrong,
 * when a failed run is tried again, and a button to try now.
 */
@Component({
  selector: 'sr-provisioning-card',
  imports: [DatePipe, MatButtonModule, MatIconModule, MatProgressSpinnerModule, ProvisioningStateChip],
  template: `
    <div class="head">
      <sr-provisioning-state-chip [status]="status().state" />
      @if (working()) {
        <mat-spinner diameter="18" aria-hidden="true" />
      }
      <span class="version">Settings version {{ status().version }}</span>
    </div>
    <p class="summary" role="status" data-testid="provisioning-summary">
      @switch (status().state) {
        @case ('live') {
          Live since {{ status().liveAt | date: 'medium' }}.
        }
        @case ('failed') {
          A step failed.
          @if (status().nextAttemptAt; as next) {
            <span data-testid="provisioning-next-attempt"
              >It is tried again by itself at {{ next | date: 'medium' }}.</span
            >
          }
        }
        @default {
          Your changes are being published; the site shows them within a minute.
        }
      }
    </p>
    <ol class="steps" aria-label="Publishing steps">
      @for (step of status().steps; track step.step) {
        <li
          class="step"
          data-testid="provisioning-step"
          [attr.data-step]="step.step"
          [attr.data-status]="step.status"
        >
          <mat-icon
            class="step__icon"
            [class.step__icon--done]="step.status === 'done'"
            [class.step__icon--failed]="step.status === 'failed'"
            [svgIcon]="icons[step.status]"
            aria-hidden="true"
          />
          <div class="step__text">
            <div class="step__name">
              {{ stepLabels[step.step] }}
              <span class="step__status">· {{ statusLabels[step.status] }}</span>
              @if (step.attempts > 1) {
                <span class="step__attempts" data-testid="provisioning-attempts"
                  >· {{ step.attempts }} attempts</span
                >
              }
            </div>
            @if (step.detail) {
              <div class="step__detail">{{ step.detail }}</div>
            }
            @if (step.lastError) {
              <div class="step__error" data-testid="provisioning-error">Last error: {{ step.lastError }}</div>
            }
          </div>
        </li>
      }
    </ol>
    @if (status().state === 'failed') {
      <button
        type="button"
        matButton="filled"
        data-testid="provisioning-retry"
        [disabled]="retrying()"
        (click)="retryRequested.emit()"
      >
        <mat-icon svgIcon="refresh" />
        {{ retrying() ? 'Retrying…' : 'Retry now' }}
      </button>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 12px;
    }
    .head {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
    }
    .version,
    .summary {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .summary {
      margin: 0;
    }
    .steps {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .step {
      display: flex;
      gap: 12px;
      align-items: flex-start;
    }
    .step__icon {
      flex: none;
      width: 20px;
      height: 20px;
      color: var(--mat-sys-outline);
    }
    .step__icon--done {
      color: #1b6e34;
    }
    .step__icon--failed {
      color: var(--mat-sys-error);
    }
    .step__text {
      min-width: 0;
    }
    .step__status,
    .step__attempts {
      margin-left: 0.3em;
    }
    .step__status,
    .step__attempts,
    .step__detail {
      color: var(--mat-sys-on-surface-variant);
    }
    .step__detail,
    .step__error {
      font: var(--mat-sys-body-small);
      overflow-wrap: anywhere;
    }
    .step__error {
      color: var(--mat-sys-error);
    }
    button {
      justify-self: start;
    }
  `,
})
export class ProvisioningCard {
  readonly status = input.required<ProvisioningStatus>();
  readonly retrying = input(false);
  readonly retryRequested = output<void>();

  protected readonly icons = STEP_ICONS;
  protected readonly stepLabels = STEP_LABELS;
  protected readonly statusLabels = STEP_STATUS_LABELS;
  protected readonly working = computed(() => isProvisioning(this.status()));
}
