import { Component, computed, DestroyRef, inject, input, linkedSignal, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import {
  MISSING_VEHICLE_ACTIONS,
  type ImportField,
  type ImportJob,
  type ImportPreset,
  type ImportRules,
  type ImportUpload,
  type LockableImportField,
  type MissingVehicleAction,
  type Problem,
} from '@showroom/contracts';
import { Permissions } from '../../core/permissions';
import { problemOf } from '../../core/problem';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { ImportApi } from './import-api';
import {
  FIELD_LABELS,
  fieldLabel,
  FIELDS,
  isLockable,
  isRequired,
  type Mapping,
  mappingFromPreset,
  mappingToSend,
  MISSING_LABELS,
  missingRequired,
} from './import-model';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/**
 * The uploaded file's card: its first rows, a column per Showroom field (a preset fills them), the
 * fields an import must not overwrite, what the file holds and what happens to the cars it does not
 * list; "Start the import" sends it all and keeps it as the dealership's.
 */
@Component({
  selector: 'sr-import-mapping',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatRadioModule,
    MatSelectModule,
    ProblemTextPipe,
  ],
  templateUrl: './import-mapping.html',
  styleUrl: './import-mapping.scss',
})
export class ImportMapping {
  private readonly api = inject(ImportApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly permissions = inject(Permissions);

  readonly upload = input.required<ImportUpload>();
  readonly presets = input<ImportPreset[]>([]);
  /** The rules to start from (the saved ones). */
  readonly rules = input.required<ImportRules>();
  readonly started = output<ImportJob>();

  protected readonly fields = FIELDS;
  protected readonly labels = FIELD_LABELS;
  protected readonly isRequired = isRequired;
  protected readonly isLockable = isLockable;
  protected readonly missingLabels = MISSING_LABELS;
  protected readonly labelOf = fieldLabel;

  /** Deleting the cars a full file does not list deletes cars: only with inventory:delete (the service checks too). */
  protected readonly canDelete = computed(() => this.permissions.can('inventory:delete'));
  protected readonly missingActions = computed(() =>
    MISSING_VEHICLE_ACTIONS.filter((action) => action !== 'delete' || this.canDelete()),
  );

  protected readonly presetId = linkedSignal(() => this.upload().detectedPresetId);
  protected readonly mapping = linkedSignal<Mapping>(() => this.upload().suggestedMapping);
  protected readonly locked = linkedSignal<ReadonlySet<LockableImportField>>(
    () => new Set(this.rules().locked),
  );
  protected readonly mode = linkedSignal(() => this.rules().mode);
  /** Saved by someone who may delete cars: a dealer who may not chooses another action for their import. */
  protected readonly missing = linkedSignal<MissingVehicleAction>(() =>
    this.rules().missing === 'delete' && !this.canDelete() ? 'keep' : this.rules().missing,
  );
  /** For this import only (never saved): a whole-lot file may remove more than 30% of the cars. */
  protected readonly allowLargeRemoval = signal(false);
  protected readonly unmapped = computed(() => missingRequired(this.mapping()));
  protected readonly detectedPreset = computed(
    () => this.presets().find((preset) => preset.id === this.upload().detectedPresetId) ?? null,
  );

  protected readonly starting = signal(false);
  protected readonly startProblem = signal<Problem | null>(null);

  protected choosePreset(id: string | null): void {
    this.presetId.set(id);
    const preset = this.presets().find((p) => p.id === id);
    if (preset) this.mapping.set(mappingFromPreset(preset, this.upload().headers));
  }

  protected mapField(field: ImportField, column: string | null): void {
    this.mapping.update((mapping) => ({ ...mapping, [field]: column }));
  }

  protected toggleLock(field: ImportField, on: boolean): void {
    if (!isLockable(field)) return;
    this.locked.update((locked) => {
      const next = new Set(locked);
      if (on) next.add(field);
      else next.delete(field);
      return next;
    });
  }

  protected start(): void {
    if (this.starting() || this.unmapped().length > 0) return;
    this.starting.set(true);
    this.startProblem.set(null);
    this.api
      .start(this.upload().job.id, {
        mapping: mappingToSend(this.mapping()),
        rules: {
          locked: [...this.locked()],
          mode: this.mode(),
          missing: this.missing(),
          ...(this.mode() === 'full' && this.missing() !== 'keep' && this.allowLargeRemoval()
            ? { allowLargeRemoval: true }
            : {}),
        },
        presetId: this.presetId(),
        save: true,
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (job) => {
          this.starting.set(false);
          this.started.emit(job);
        },
        error: (error: unknown) => {
          this.starting.set(false);
          this.startProblem.set(problemOf(error));
        },
      });
  }
}
