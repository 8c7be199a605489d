import {
  IMPORT_FIELDS,
  LOCKABLE_IMPORT_FIELDS,
  MAX_IMPORT_BYTES,
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
  type ImportJob,
  type ImportPreset,
  type LockableImportField,
  type MissingVehicleAction,
} from '@showroom/contracts';
import { nonZeroCounts, percentOf } from '../../shared/counts-text';
import { VEHICLE_FIELD_LABELS } from '../vehicle-form/vehicle-form-model';

/** Feed column per Showroom field, as the mapping table edits it (null: not imported). */
export type Mapping = Partial<Record<ImportField, string | null>>;

/** The vehicle form's words for the fields, and the photo column the form does not have. */
export const FIELD_LABELS = {
  ...Object.fromEntries(
    IMPORT_FIELDS.flatMap((field) => (field === 'photos' ? [] : [[field, VEHICLE_FIELD_LABELS[field]]])),
  ),
  photos: 'Photo links',
} as Record<ImportField, string>;

/** A field's words, or the name as sent when it is not one of ours. */
export const fieldLabel = (field: string): string => FIELD_LABELS[field as ImportField] ?? field;

export const MISSING_LABELS: Record<MissingVehicleAction, string> = {
  mark_sold: 'Mark them sold',
  archive: 'Archive them',
  delete: 'Delete them',
  keep: 'Keep them as they are',
};

export const FIELDS = IMPORT_FIELDS;
const REQUIRED = new Set<ImportField>(REQUIRED_IMPORT_FIELDS);
const LOCKABLE = new Set<ImportField>(LOCKABLE_IMPORT_FIELDS);

export const isRequired = (field: ImportField): boolean => REQUIRED.has(field);
export const isLockable = (field: ImportField): field is LockableImportField => LOCKABLE.has(field);

const key = (header: string) => header.trim().replace(/\s+/g, ' ').toLowerCase();

/** A preset applied to a file: each field gets the preset's column when the file has it. */
export function mappingFromPreset(preset: ImportPreset, headers: readonly string[]): Mapping {
  const byKey = new Map(headers.map((header) => [key(header), header]));
  const mapping: Mapping = {};
  for (const field of IMPORT_FIELDS) {
    const column = preset.mapping[field];
    mapping[field] = column ? (byKey.get(key(column)) ?? null) : null;
  }
  return mapping;
}

/** Required fields without a column: the import cannot start until each has one. */
export const missingRequired = (mapping: Mapping): ImportField[] =>
  REQUIRED_IMPORT_FIELDS.filter((field) => !mapping[field]);

/** The mapping as the service takes it: only the fields with a column. */
export function mappingToSend(mapping: Mapping): Record<string, string> {
  return Object.fromEntries(
    Object.entries(mapping).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

export const isActive = (job: ImportJob): boolean => job.status === 'queued' || job.status === 'running';

/** Rows read of the file's rows (0–100); a finished import is complete. */
export const percentDone = (job: ImportJob): number =>
  job.status === 'succeeded' ? 100 : percentOf(job.rowsDone, job.rowsTotal);

/** "3 added · 1 updated · 2 skipped …": the counts that are not zero. */
export function countsSummary(job: ImportJob): string {
  const { created, updated, unchanged, skipped, missing } = job.counts;
  const summary = nonZeroCounts([
    [created, 'added'],
    [updated, 'updated'],
    [unchanged, 'unchanged'],
    [skipped, 'skipped'],
    [missing, 'no longer in the feed'],
  ]);
  return summary || 'No rows';
}

/** Why a picked file is not sent (checked again by the service, which also reads its bytes). */
export function fileProblem(file: { name: string; size: number }): string | null {
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_IMPORT_BYTES) return `${file.name} is larger than 50 MB; split it or use a feed URL.`;
  if (/\.(xlsx?|numbers|ods)$/i.test(file.name)) {
    return `${file.name} is a spreadsheet; save it as CSV (in Excel: File › Save As › CSV UTF-8).`;
  }
  return null;
}
