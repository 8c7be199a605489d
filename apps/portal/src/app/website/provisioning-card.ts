import { DatePipe } from '@angular/common';
import { Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import type { ProvisioningStatus, ProvisioningStep } from '@showroom/contracts';
import {
  isProvisioning,
  STEP_LABELS,
  STEP_STATUS_LABELS,
  unservedDomainsWarning,
} from './provisioning-labels';
import { ProvisioningStateChip } from './provisioning-state-chip';

const STEP_ICONS = { pending: 'schedule', done: 'check', failed: 'error' } as const;

/**
 * Where putting the site live stands: its state (and the own domains that do not serve the site yet),
 * each step in the order the service ran them with what it did or what went wrong, when a failed run
 * is tried again, and a button to try now.
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
    @if (unservedWarning(); as warning) {
      <p class="unserved" data-testid="unserved-domains">
        <mat-icon svgIcon="warning" aria-hidden="true" />
        <span>{{ warning }}</span>
      </p>
    }
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
            [class.step__icon--attention]="needsAttention(step)"
            [svgIcon]="needsAttention(step) ? 'warning' : icons[step.status]"
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
    @use 'page';
    @use 'tokens';

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
    .step__icon--attention {
      color: tokens.$on-warn-container;
    }
    .unserved {
      @include page.banner($padding: 8px 12px);
      @include page.warn-tone;
      margin: 0;
      overflow-wrap: anywhere;
    }
    .unserved mat-icon {
      flex: none;
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
  /** The platform sub-domain, which serves the site while an own domain does not yet. */
  readonly platformHost = input.required<string>();
  readonly retrying = input(false);
  readonly retryRequested = output<void>();

  protected readonly icons = STEP_ICONS;
  protected readonly stepLabels = STEP_LABELS;
  protected readonly statusLabels = STEP_STATUS_LABELS;
  protected readonly working = computed(() => isProvisioning(this.status()));
  protected readonly unservedWarning = computed(() =>
    unservedDomainsWarning(this.status(), this.platformHost()),
  );

  /** Attaching the domains is done, but some of them do not serve the site yet: its detail says why. */
  protected needsAttention(step: ProvisioningStep): boolean {
    return step.step === 'attach-domain' && step.status === 'done' && this.unservedWarning() !== null;
  }
}
