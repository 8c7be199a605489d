import { Component, DestroyRef, ElementRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ANALYTICS_CONSENT_RULES, type AnalyticsSettings } from '@showroom/contracts';
import { filter, type Observable, switchMap, tap } from 'rxjs';
import { AnalyticsApi } from '../../api/analytics-api';
import { ActiveDealership } from '../../core/active-dealership';
import { problemOf } from '../../core/problem';
import { focusFirstInvalid, formProblem, type FormProblem, revealBanner } from '../../shared/form-errors';
import { FormProblemBanner } from '../../shared/form-problem-banner';
import { LoadState } from '../../shared/load-state';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import {
  CONSENT_EXPLANATIONS,
  createSettingsForm,
  settingsFormValue,
  settingsInputOf,
} from './settings-model';

/** The first-response target the dashboard measures against, and how the website counts shoppers. */
@Component({
  selector: 'sr-analytics-settings-form',
  imports: [
    FormProblemBanner,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatRadioModule,
    ProblemTextPipe,
    ReactiveFormsModule,
  ],
  templateUrl: './analytics-settings-form.html',
  styleUrl: './analytics-settings.scss',
})
export class AnalyticsSettingsForm {
  private readonly api = inject(AnalyticsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  protected readonly form = createSettingsForm();
  protected readonly consentRules = ANALYTICS_CONSENT_RULES;
  protected readonly consentExplanations = CONSENT_EXPLANATIONS;
  private readonly loadState = new LoadState('loading', false);
  protected readonly status = this.loadState.status;
  protected readonly loadProblem = this.loadState.problem;
  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<FormProblem | null>(null);

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

  protected save(): void {
    if (this.saving()) return;
    this.saveProblem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host);
      return;
    }
    this.saving.set(true);
    this.api
      .saveSettings(settingsInputOf(this.form))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (settings) => {
          this.saving.set(false);
          this.show(settings);
          this.snackBar.open('Analytics settings saved', undefined, { duration: 3000 });
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = problemOf(error);
          this.saveProblem.set(formProblem(problem, problem.invalidParams ?? []));
          revealBanner(this.host);
        },
      });
  }

  private show(settings: AnalyticsSettings): void {
    this.form.reset(settingsFormValue(settings));
  }

  private load(): Observable<AnalyticsSettings> {
    return this.loadState.track(this.api.settings().pipe(tap((settings) => this.show(settings))));
  }
}
