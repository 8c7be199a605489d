import { Clipboard } from '@angular/cdk/clipboard';
import { COMMA, ENTER } from '@angular/cdk/keycodes';
import { Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { IngestKey, LeadSettings } from '@showroom/contracts';
import { filter, switchMap, tap } from 'rxjs';
import { LeadsApi } from '../../api/leads-api';
import { ActiveDealership } from '../../core/active-dealership';
import { Permissions } from '../../core/permissions';
import { problemOf } from '../../core/problem';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/confirm-dialog';
import { addChip, removeChip } from '../../shared/chip-list';
import { fieldErrors, type FormProblem } from '../../shared/form-errors';
import { FormProblemBanner, saveProblem } from '../../shared/form-problem-banner';
import { LoadState } from '../../shared/load-state';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { exactTime } from '../shared/lead-time';
import {
  ACK_PLACEHOLDERS,
  applyServerErrors,
  createLeadSettingsForm,
  errorMessage,
  formValueFromSettings,
  settingsUpdateFromForm,
  tidyOrigin,
} from './lead-settings-model';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/**
 * `/leads/settings`: where website leads may come from, the acknowledgement e-mail shoppers get,
 * CRM forwarding, and (owners) the key marketplaces post ADF leads with.
 */
@Component({
  selector: 'sr-lead-settings-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSlideToggleModule,
    FormProblemBanner,
    ProblemTextPipe,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './lead-settings-page.html',
  styleUrl: './lead-settings-page.scss',
})
export class LeadSettingsPage {
  private readonly leadsApi = inject(LeadsApi);
  private readonly permissions = inject(Permissions);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly clipboard = inject(Clipboard);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly form = createLeadSettingsForm(inject(NonNullableFormBuilder));
  /** Settings always exist for a dealership: any failure to read them is `failed`. */
  private readonly loadState = new LoadState('loading', false);
  protected readonly status = this.loadState.status;
  protected readonly loadProblem = this.loadState.problem;
  protected readonly settings = signal<LeadSettings | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<FormProblem | null>(null);

  protected readonly canRotate = computed(() => this.permissions.can('leads:rotate-key'));
  protected readonly rotating = signal(false);
  /** The new key: shown once, kept only while this page is open. */
  protected readonly newKey = signal<IngestKey | null>(null);
  protected readonly adfEndpoint = `${globalThis.location?.origin ?? ''}/api/leads/adf`;
  protected readonly keyRotatedAt = computed(() => exactTime(this.settings()?.ingestKeyRotatedAt));

  protected readonly placeholders = ACK_PLACEHOLDERS.map((field) => `{{${field}}}`);
  protected readonly separatorKeys = [ENTER, COMMA] as const;

  private readonly formChanged = toSignal(this.form.events);
  protected readonly errors = fieldErrors(this.form, errorMessage, this.formChanged);
  protected readonly origins = computed(() => {
    this.formChanged();
    return this.form.controls.siteOrigins.value;
  });

  constructor() {
    // Settings belong to a dealership: switching reads the other one's.
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

  protected addOrigin(event: MatChipInputEvent): void {
    addChip(this.form.controls.siteOrigins, event, tidyOrigin);
  }

  protected removeOrigin(origin: string): void {
    removeChip(this.form.controls.siteOrigins, origin);
  }

  /** Puts `{{firstName}}` where the cursor is in the message (or at its end). */
  protected insertPlaceholder(placeholder: string, textarea: HTMLTextAreaElement): void {
    const control = this.form.controls.ackBody;
    const value = control.value;
    const start = textarea.selectionStart ?? value.length;
    const end = textarea.selectionEnd ?? value.length;
    control.setValue(value.slice(0, start) + placeholder + value.slice(end));
    control.markAsDirty();
    textarea.focus();
    const caret = start + placeholder.length;
    textarea.setSelectionRange(caret, caret);
  }

  protected save(): void {
    const before = this.settings();
    if (!before || this.saving()) return;
    this.saveProblem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const update = settingsUpdateFromForm(this.form, before);
    if (Object.keys(update).length === 0) {
      this.snackBar.open('Nothing changed', undefined, { duration: 3000 });
      return;
    }
    this.saving.set(true);
    this.leadsApi
      .updateSettings(update)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (settings) => {
          this.saving.set(false);
          this.show(settings);
          this.snackBar.open('Lead settings saved', undefined, { duration: 3000 });
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

  protected confirmRotate(): void {
    const data: ConfirmDialogData = {
      title: 'Rotate the ingest key?',
      message:
        'A new key is made and the current one stops working at once: marketplaces posting ADF leads ' +
        'with it are refused until you give them the new key. The new key is shown only once.',
      confirmLabel: 'Rotate key',
      destructive: true,
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '460px' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        tap(() => this.rotating.set(true)),
        switchMap(() => this.leadsApi.rotateIngestKey()),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (key) => {
          this.rotating.set(false);
          this.newKey.set(key);
          const settings = this.settings();
          if (settings) {
            this.settings.set({
              ...settings,
              ingestKeyHint: key.ingestKey.slice(-4),
              ingestKeyRotatedAt: key.rotatedAt,
            });
          }
        },
        error: (error: unknown) => {
          this.rotating.set(false);
          const problem = problemOf(error);
          this.snackBar.open(`The key could not be rotated: ${problem.detail ?? problem.title}`, 'OK', {
            duration: 8000,
          });
        },
      });
  }

  protected copyKey(): void {
    const key = this.newKey();
    if (!key) return;
    const copied = this.clipboard.copy(key.ingestKey);
    this.snackBar.open(copied ? 'Key copied' : 'Copy failed: select the key and copy it by hand', undefined, {
      duration: 3000,
    });
  }

  private show(settings: LeadSettings): void {
    this.settings.set(settings);
    this.form.reset(formValueFromSettings(settings));
  }

  private load() {
    this.newKey.set(null);
    return this.loadState.track(this.leadsApi.settings().pipe(tap((settings) => this.show(settings))));
  }
}
