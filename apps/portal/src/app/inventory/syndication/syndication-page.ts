import { Clipboard } from '@angular/cdk/clipboard';
import { DatePipe } from '@angular/common';
import { Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type {
  ChannelList,
  ChannelReport,
  SyndicationChannel,
  SyndicationSettingsResponse,
} from '@showroom/contracts';
import {
  catchError,
  EMPTY,
  filter,
  forkJoin,
  type MonoTypeOperatorFunction,
  of,
  switchMap,
  tap,
  throwError,
} from 'rxjs';
import { ActiveDealership } from '../../core/active-dealership';
import { problemOf } from '../../core/problem';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/confirm-dialog';
import { fieldErrors, type FormProblem } from '../../shared/form-errors';
import { FormProblemBanner, saveProblem } from '../../shared/form-problem-banner';
import { dealershipLoad } from '../../shared/dealership-load';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { SyndicationApi } from './syndication-api';
import {
  applyServerErrors,
  CHANNEL_HELP,
  CHANNEL_NAMES,
  CHANNELS,
  createSyndicationForm,
  errorMessage,
  formatBytes,
  formValueFromSettings,
  REASON_TEXT,
  settingsFromForm,
} from './syndication-model';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/**
 * `/inventory/syndication` (owners and managers): the feeds that send the lot to Google, Meta and
 * marketplaces, their secret addresses, the web-ready rule, and which cars each feed left out.
 */
@Component({
  selector: 'sr-syndication-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    DatePipe,
    FormProblemBanner,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSlideToggleModule,
    ProblemTextPipe,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './syndication-page.html',
  styleUrl: './syndication-page.scss',
})
export class SyndicationPage {
  private readonly api = inject(SyndicationApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly clipboard = inject(Clipboard);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly channelIds = CHANNELS;
  protected readonly channelHelp = CHANNEL_HELP;
  protected readonly channelNames = CHANNEL_NAMES;
  protected readonly reasonText = REASON_TEXT;
  protected readonly formatBytes = formatBytes;

  protected readonly form = createSyndicationForm(inject(NonNullableFormBuilder));
  private readonly dealershipId = inject(ActiveDealership).id;
  /** Settings and channels of the active dealership; a switch reloads them and drops older answers. */
  protected readonly page = dealershipLoad({
    query: of(null),
    load: () => {
      // What was on its way for the previous dealership is dropped (see forThisDealership).
      this.report.set(null);
      this.saving.set(false);
      this.working.set(false);
      this.saveProblem.set(null);
      return forkJoin({ settings: this.api.settings(), channels: this.api.channels() });
    },
    loaded: ({ settings, channels }) => {
      this.showSettings(settings);
      this.channels.set(channels);
    },
  });
  protected readonly settings = signal<SyndicationSettingsResponse | null>(null);
  protected readonly channels = signal<ChannelList | null>(null);
  protected readonly report = signal<ChannelReport | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<FormProblem | null>(null);
  /** Regenerating or rotating: the channel buttons wait. */
  protected readonly working = signal(false);

  private readonly formChanged = toSignal(this.form.events);
  protected readonly errors = fieldErrors(this.form, errorMessage, this.formChanged);

  /**
   * Drops an answer (or a failure) that arrives after the dealer switched dealership: it belongs to
   * the dealership the request was made for, and would otherwise land in the other one's form.
   */
  private forThisDealership<T>(): MonoTypeOperatorFunction<T> {
    const askedFor = this.dealershipId();
    const still = () => this.dealershipId() === askedFor;
    return (source) =>
      source.pipe(
        catchError((error: unknown) => (still() ? throwError(() => error) : EMPTY)),
        filter(still),
      );
  }

  private showSettings(settings: SyndicationSettingsResponse): void {
    this.settings.set(settings);
    this.form.reset(formValueFromSettings(settings.settings));
  }

  protected save(): void {
    if (this.saving()) return;
    this.saveProblem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.api
      .saveSettings(settingsFromForm(this.form))
      .pipe(
        this.forThisDealership(),
        tap((settings) => this.showSettings(settings)),
        switchMap(() => this.api.channels().pipe(this.forThisDealership())),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (channels) => {
          this.saving.set(false);
          this.channels.set(channels);
          this.refreshReport();
          this.snackBar.open('Saved; the feeds are regenerated', undefined, { duration: 3000 });
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = problemOf(error);
          this.saveProblem.set(
            saveProblem(problem, applyServerErrors(this.form, problem.invalidParams ?? [])),
          );
        },
      });
  }

  protected regenerate(): void {
    this.working.set(true);
    this.api
      .regenerate()
      .pipe(this.forThisDealership(), takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (channels) => {
          this.working.set(false);
          this.channels.set(channels);
          this.refreshReport();
          this.snackBar.open('Feeds regenerated', undefined, { duration: 3000 });
        },
        error: (error: unknown) => this.failed(error),
      });
  }

  protected confirmRotate(): void {
    const data: ConfirmDialogData = {
      title: 'Give the feeds new addresses?',
      message:
        'The current feed addresses stop working at once: Google, Meta and every marketplace must be ' +
        'given the new ones, or they stop receiving your inventory.',
      confirmLabel: 'New addresses',
      destructive: true,
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '460px' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        tap(() => this.working.set(true)),
        switchMap(() => this.api.rotateSecret().pipe(this.forThisDealership())),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (channels) => {
          this.working.set(false);
          this.channels.set(channels);
          this.snackBar.open('The feeds have new addresses', undefined, { duration: 4000 });
        },
        error: (error: unknown) => this.failed(error),
      });
  }

  protected copy(url: string): void {
    this.clipboard.copy(url);
    this.snackBar.open('Feed address copied', undefined, { duration: 2000 });
  }

  protected showReport(channel: SyndicationChannel): void {
    this.api
      .report(channel)
      .pipe(this.forThisDealership(), takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (report) => this.report.set(report),
        error: (error: unknown) => this.failed(error),
      });
  }

  private refreshReport(): void {
    const shown = this.report();
    if (shown) this.showReport(shown.channel);
  }

  private failed(error: unknown): void {
    this.working.set(false);
    this.snackBar.open(problemOf(error).title, 'Dismiss', { duration: 6000 });
  }
}
