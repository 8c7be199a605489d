import { Component, computed, DestroyRef, ElementRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { RetailSettings } from '@showroom/contracts';
import { filter, type Observable, switchMap, tap } from 'rxjs';
import { RetailSettingsApi } from '../api/retail-settings-api';
import { ActiveDealership } from '../core/active-dealership';
import { problemOf } from '../core/problem';
import { focusFirstInvalid, formProblem, type FormProblem, revealBanner } from '../shared/form-errors';
import { FormProblemBanner } from '../shared/form-problem-banner';
import { LoadState } from '../shared/load-state';
import { ProblemTextPipe } from '../shared/problem-text.pipe';
import { CREDIT_TIER_LABELS } from '../deals/shared/deal-labels';
import {
  createRetailTermsForm,
  formValueFromSettings,
  moneyFactorAsApr,
  settingsUpdateFrom,
} from './retail-terms-model';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/**
 * Fees, sales tax, credit tiers, lease residuals, the reservation deposit and hold, and how long
 * credit applications are kept: saved together with the version read (If-Match), so a colleague's
 * save in between is never overwritten (412: reload theirs).
 */
@Component({
  selector: 'sr-retail-terms-form',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    FormProblemBanner,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    ProblemTextPipe,
    ReactiveFormsModule,
  ],
  templateUrl: './retail-terms-form.html',
  styleUrl: './retail-settings-forms.scss',
})
export class RetailTermsForm {
  private readonly api = inject(RetailSettingsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  protected readonly form = createRetailTermsForm(inject(NonNullableFormBuilder));
  private readonly loadState = new LoadState('loading', false);
  protected readonly status = this.loadState.status;
  protected readonly loadProblem = this.loadState.problem;
  protected readonly settings = signal<RetailSettings | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<FormProblem | null>(null);
  protected readonly stale = signal(false);
  protected readonly tierLabels = CREDIT_TIER_LABELS;
  protected readonly moneyFactorAsApr = moneyFactorAsApr;

  private readonly changed = toSignal(this.form.events);
  protected readonly value = computed(() => {
    this.changed();
    return this.form.getRawValue();
  });
  protected readonly noTier = computed(() => !this.value().tiers.some((tier) => tier.offered));

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
    this.stale.set(false);
    this.saveProblem.set(null);
    this.load().pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
  }

  protected save(): void {
    const before = this.settings();
    if (!before || this.saving()) return;
    this.saveProblem.set(null);
    if (this.form.invalid || this.noTier()) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host);
      return;
    }
    this.saving.set(true);
    this.api
      .updateSettings(before.version, settingsUpdateFrom(this.form))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (settings) => {
          this.saving.set(false);
          this.show(settings);
          this.snackBar.open('Retail settings saved; new quotes use them at once', undefined, {
            duration: 4000,
          });
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = problemOf(error);
          if (problem.status === 412) this.stale.set(true);
          else this.saveProblem.set(formProblem(problem, problem.invalidParams ?? []));
          revealBanner(this.host);
        },
      });
  }

  private show(settings: RetailSettings): void {
    this.settings.set(settings);
    this.stale.set(false);
    this.form.reset(formValueFromSettings(settings));
  }

  private load(): Observable<RetailSettings> {
    return this.loadState.track(this.api.settings().pipe(tap((settings) => this.show(settings))));
  }
}
