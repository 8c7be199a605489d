import { Component, computed, effect, inject, input, output, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { AppraisalInput, DealTradeIn } from '@showroom/contracts';
import { dollarsToCents } from '../../core/money';
import { CentsPipe } from '../shared/cents.pipe';
import { DealPartChip } from '../shared/deal-chips';
import { TRADE_CONDITION_LABELS } from '../shared/deal-labels';
import { ExactTimePipe } from '../../leads/shared/time-pipes';
import { TradeInPhoto } from './trade-in-photo';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/** The shopper's trade-in: the car, their answers, photos, the grid's estimate, and the appraisal (deals:work). */
@Component({
  selector: 'sr-trade-in-panel',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    CentsPipe,
    DealPartChip,
    ExactTimePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    TradeInPhoto,
  ],
  template: `
    @let trade = tradeIn();
    <div class="head">
      <strong data-testid="trade-in-car">{{ car() }}</strong>
      <sr-deal-part-chip [value]="{ part: 'trade', status: trade.status }" />
    </div>
    <dl class="facts">
      @if (trade.vin) {
        <dt>VIN</dt>
        <dd class="mono">{{ trade.vin }}</dd>
      }
      <dt>Mileage</dt>
      <dd>{{ trade.mileage.toLocaleString('en-US') }} mi</dd>
      <dt>Condition</dt>
      <dd data-testid="trade-in-condition">{{ conditionLabels[trade.condition.overall] }}</dd>
      <dt>Accidents</dt>
      <dd>{{ trade.condition.accidents ? 'Yes' : 'No' }}</dd>
      <dt>Mechanical issues</dt>
      <dd>{{ trade.condition.mechanicalIssues ? 'Yes' : 'No' }}</dd>
      <dt>Warning lights</dt>
      <dd>{{ trade.condition.warningLights ? 'Yes' : 'No' }}</dd>
      <dt>Keys</dt>
      <dd>{{ trade.condition.keys }}</dd>
      <dt>Payoff</dt>
      <dd>{{ trade.payoffCents | cents }}{{ trade.lender ? ' · ' + trade.lender : '' }}</dd>
      <dt>Estimate</dt>
      <dd data-testid="trade-in-estimate">
        @if (trade.estimate; as estimate) {
          {{ estimate.lowCents | cents }} – {{ estimate.highCents | cents }}
        } @else {
          No grid row matches: appraise by hand
        }
      </dd>
      @if (trade.appraisal; as appraisal) {
        <dt>Appraisal</dt>
        <dd data-testid="trade-in-appraisal">
          {{ appraisal.valueCents | cents }} by {{ appraisal.appraisedBy }},
          {{ appraisal.appraisedAt | exactTime }}
          @if (appraisal.note) {
            <div class="note">{{ appraisal.note }}</div>
          }
        </dd>
      }
    </dl>

    @if (trade.photos.length > 0) {
      <div class="photos" data-testid="trade-in-photos">
        @for (photo of trade.photos; track photo.id; let index = $index) {
          <sr-trade-in-photo
            [dealId]="dealId()"
            [photoId]="photo.id"
            [label]="'Trade-in photo ' + (index + 1)"
          />
        }
      </div>
    } @else {
      <p class="muted">No photos.</p>
    }

    @if (canWork()) {
      <form class="appraise" [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="appraisal-form">
        <mat-form-field>
          <mat-label>Appraised value</mat-label>
          <span matTextPrefix>$&nbsp;</span>
          <input
            matInput
            type="number"
            min="0"
            step="25"
            formControlName="value"
            name="appraisalValue"
            data-testid="appraisal-value"
          />
          @if (form.controls.value.invalid && form.controls.value.touched) {
            <mat-error>Enter the value, from $0</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Note for the shopper</mat-label>
          <input
            matInput
            formControlName="note"
            name="appraisalNote"
            maxlength="1000"
            data-testid="appraisal-note"
          />
        </mat-form-field>
        <button type="submit" matButton="tonal" data-testid="save-appraisal" [disabled]="appraising()">
          {{ appraising() ? 'Saving…' : trade.appraisal ? 'Appraise again' : 'Save appraisal' }}
        </button>
        <p class="muted">The shopper gets the appraisal by e-mail.</p>
      </form>
    }
  `,
  styleUrl: './desk-panel.scss',
  styles: `
    :host {
      --desk-panel-gap: 12px;
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      flex-wrap: wrap;
    }
    .mono {
      font-family: monospace;
    }
    .note {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      margin: 0;
    }
    .photos {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(88px, 1fr));
      gap: 6px;
    }
    .appraise {
      display: grid;
      gap: 4px;
    }
    .appraise button {
      justify-self: start;
    }
  `,
})
export class TradeInPanel {
  readonly dealId = input.required<string>();
  readonly tradeIn = input.required<DealTradeIn>();
  readonly canWork = input(false);
  readonly appraising = input(false);
  readonly appraise = output<AppraisalInput>();

  protected readonly conditionLabels = TRADE_CONDITION_LABELS;
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    value: this.fb.control<number | null>(null, [Validators.required, Validators.min(0)]),
    note: this.fb.control(''),
  });
  protected readonly car = computed(() => {
    const trade = this.tradeIn();
    return [trade.year, trade.make, trade.model, trade.trim].filter(Boolean).join(' ');
  });

  constructor() {
    // A saved appraisal comes back on the trade-in: the form starts empty again for the next one.
    const appraisedAt = computed(() => this.tradeIn().appraisal?.appraisedAt ?? null);
    effect(() => {
      appraisedAt();
      untracked(() => this.form.reset({ value: null, note: '' }));
    });
  }

  protected submit(): void {
    const { value, note } = this.form.getRawValue();
    if (this.form.invalid || value === null || this.appraising()) {
      this.form.markAllAsTouched();
      return;
    }
    const trimmed = note.trim();
    this.appraise.emit({ valueCents: dollarsToCents(value), ...(trimmed ? { note: trimmed } : {}) });
  }
}
