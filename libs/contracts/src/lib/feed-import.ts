import { z } from 'zod';
import { photoUrlProblem } from './photo-options';

/** The Showroom fields a feed column can fill, in the order the portal lists them. */
export const IMPORT_FIELDS = [
  'vin',
  'stockNumber',
  'condition',
  'year',
  'make',
  'model',
  'trim',
  'bodyStyle',
  'drivetrain',
  'transmission',
  'fuelType',
  'engine',
  'exteriorColor',
  'interiorColor',
  'mileage',
  'price',
  'msrp',
  'description',
  'photos',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Columns a mapping must name: without them no row can become a vehicle. */
export const REQUIRED_IMPORT_FIELDS = [
  'vin',
  'year',
  'make',
  'model',
] as const satisfies readonly ImportField[];

/** Fields a dealer may lock: an import never overwrites them on a vehicle already on the lot. The price always updates. */
export const LOCKABLE_IMPORT_FIELDS = IMPORT_FIELDS.filter(
  (field): field is Exclude<ImportField, 'vin' | 'price'> => field !== 'vin' && field !== 'price',
);
export type LockableImportField = (typeof LOCKABLE_IMPORT_FIELDS)[number];

/** What a full feed does to the vehicles on the lot it no longer lists. */
export const MISSING_VEHICLE_ACTIONS = ['mark_sold', 'archive', 'delete', 'keep'] as const;
export type MissingVehicleAction = (typeof MISSING_VEHICLE_ACTIONS)[number];

/** Largest CSV an upload or a feed URL may bring. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const IMPORT_PREVIEW_ROWS = 5;

const headerName = z.string().trim().min(1).max(200);

/** Feed column (header text, compared case-insensitively) per Showroom field; null or absent: not imported. */
export const ColumnMappingSchema = z
  .partialRecord(z.enum(IMPORT_FIELDS), headerName.nullable())
  .superRefine((mapping, ctx) => {
    for (const field of REQUIRED_IMPORT_FIELDS) {
      if (!mapping[field])
        ctx.addIssue({ code: 'custom', path: [field], message: 'map a column to this field' });
    }
  });
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

export const ImportRulesSchema = z.strictObject({
  locked: z.array(z.enum(LOCKABLE_IMPORT_FIELDS)).max(LOCKABLE_IMPORT_FIELDS.length).default([]),
  /** `full`: the file is the whole lot, so vehicles it does not list are handled by `missing`. */
  mode: z.enum(['full', 'partial']).default('partial'),
  /** `delete` needs inventory:delete (403 otherwise): on start, on saving the settings and the feed source. */
  missing: z.enum(MISSING_VEHICLE_ACTIONS).default('keep'),
  /**
   * The dealer confirms this import may remove more than 30% of the lot (more than 5 cars); without
   * it such an import removes nothing and says why. Never saved with the dealership's rules.
   */
  allowLargeRemoval: z.boolean().optional(),
});
export type ImportRules = z.infer<typeof ImportRulesSchema>;
export type ImportRulesInput = z.input<typeof ImportRulesSchema>;

export const ImportPresetSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  mapping: ColumnMappingSchema,
});
export type ImportPreset = z.infer<typeof ImportPresetSchema>;

/** A dealership's saved mapping and rules (null mapping: never saved). */
export const ImportSettingsSchema = z.object({
  presetId: z.string().nullable(),
  mapping: ColumnMappingSchema.nullable(),
  rules: ImportRulesSchema,
  updatedAt: z.iso.datetime().nullable(),
});
export type ImportSettings = z.infer<typeof ImportSettingsSchema>;

export const ImportSettingsInputSchema = z.strictObject({
  presetId: z.string().max(40).nullable().default(null),
  mapping: ColumnMappingSchema,
  rules: ImportRulesSchema,
});
export type ImportSettingsInput = z.input<typeof ImportSettingsInputSchema>;

export const IMPORT_STATUSES = ['uploaded', 'queued', 'running', 'succeeded', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const ImportCountsSchema = z.object({
  created: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  skipped: z.int(),
  missing: z.int(),
});
export type ImportCounts = z.infer<typeof ImportCountsSchema>;

export const ImportJobSchema = z.object({
  id: z.uuid(),
  source: z.enum(['upload', 'feed_url']),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  /** Data rows in the file (the header and blank lines not counted). */
  rowsTotal: z.int(),
  rowsDone: z.int(),
  counts: ImportCountsSchema,
  /** Issues found in rows so far (see the report). */
  issueCount: z.int(),
  error: z.string().nullable(),
  mapping: ColumnMappingSchema.nullable(),
  rules: ImportRulesSchema.nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

export const ImportJobListSchema = z.object({ items: z.array(ImportJobSchema) });
export type ImportJobList = z.infer<typeof ImportJobListSchema>;

/** What an upload answers: the file as read, and the mapping the import would use. */
export const ImportUploadSchema = z.object({
  job: ImportJobSchema,
  headers: z.array(z.string()),
  preview: z.array(z.array(z.string())),
  /** The preset whose columns the header row has, if any. */
  detectedPresetId: z.string().nullable(),
  /** The saved mapping when its columns are all in the file, else the detected preset's, else a guess by name. */
  suggestedMapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().nullable()),
});
export type ImportUpload = z.infer<typeof ImportUploadSchema>;

export const StartImportSchema = z.strictObject({
  mapping: ColumnMappingSchema,
  rules: ImportRulesSchema,
  /** Keep this mapping and these rules as the dealership's (default true). */
  save: z.boolean().default(true),
  presetId: z.string().max(40).nullable().default(null),
});
export type StartImport = z.input<typeof StartImportSchema>;

/**
 * One finding in a row. `error`: the row was skipped. `warning`: the row was imported without
 * that field's value.
 */
export const ImportIssueSchema = z.object({
  /** The line of the file (the header is line 1). */
  line: z.int(),
  field: z.string().nullable(),
  reason: z.string(),
  severity: z.enum(['error', 'warning']),
  vin: z.string().nullable(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

export const ImportReportQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const ImportReportSchema = z.object({
  job: ImportJobSchema,
  items: z.array(ImportIssueSchema),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const FEED_INTERVAL_HOURS = [1, 2, 4, 6, 12, 24] as const;

/** A feed URL fetched on a schedule; each fetch becomes an import with the saved mapping and rules. */
export const FeedSourceSchema = z.object({
  url: z.string().nullable(),
  intervalHours: z.int(),
  enabled: z.boolean(),
  nextFetchAt: z.iso.datetime().nullable(),
  lastFetchedAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  lastImportId: z.uuid().nullable(),
});
export type FeedSource = z.infer<typeof FeedSourceSchema>;

export const FeedSourceInputSchema = z
  .strictObject({
    // The robot's rule (no user:password@, which it never sends): a URL saved is one it may fetch.
    url: z
      .string()
      .trim()
      .max(2000)
      .superRefine((raw, ctx) => {
        const problem = photoUrlProblem(raw);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .nullable(),
    intervalHours: z.literal(FEED_INTERVAL_HOURS),
    enabled: z.boolean(),
  })
  .refine((source) => !source.enabled || source.url !== null, {
    path: ['url'],
    message: 'a scheduled feed needs a URL',
  });
export type FeedSourceInput = z.infer<typeof FeedSourceInputSchema>;
