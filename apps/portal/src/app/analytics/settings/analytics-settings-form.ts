import { Component, DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import { ANALYTICS_CONSENT_RULES, type AnalyticsSettings } from '@showroom/contracts';
import { filter, type Observable, switchMap, tap } from 'rxjs';
import { AnalyticsApi } from '../../api/analytics-api';
import { ActiveDealership } from '../../core/active-dealership';
import { FormProblemBanner } from '../../shared/form-problem-banner';
import { LoadState } from '../../shared/load-state';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import {
  CONSENT_EXPLANATIONS,
  createSettingsForm,
  settingsFormValue,
  settingsInputOf,
} from './settings-model';
import { SettingsSave } from './settings-save';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/** The first-response target the dashboard measures against, and how the website counts shoppers. */
@Component({
  selector: 'sr-analytics-settings-form',
  providers: [FORM_FIELD_DEFAULTS],
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
  private readonly destroyRef = inject(DestroyRef);

  protected readonly form = createSettingsForm();
  protected readonly consentRules = ANALYTICS_CONSENT_RULES;
  protected readonly consentExplanations = CONSENT_EXPLANATIONS;
  private readonly loadState = new LoadState('loading', false);
  protected readonly status = this.loadState.status;
  protected readonly loadProblem = this.loadState.problem;
  private readonly saver = new SettingsSave();
  protected readonly saving = this.saver.saving;
  protected readonly saveProblem = this.saver.problem;

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
    this.saver.save({
      form: this.form,
      send: () => this.api.saveSettings(settingsInputOf(this.form)),
      saved: (settings) => {
        this.show(settings);
        return 'Analytics settings saved';
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
