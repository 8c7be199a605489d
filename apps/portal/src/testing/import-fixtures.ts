import type { ImportIssue, ImportJob, ImportPreset, ImportReport } from '@showroom/contracts';

/** An import as the inventory service answers it: uploaded, three rows, nothing read yet. */
export function importJob(overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id: '5f0c1d2e-0000-4000-8000-000000000001',
    source: 'upload',
    fileName: 'stock.csv',
    status: 'uploaded',
    rowsTotal: 3,
    rowsDone: 0,
    counts: { created: 0, updated: 0, unchanged: 0, skipped: 0, missing: 0 },
    issueCount: 0,
    error: null,
    mapping: null,
    rules: null,
    createdAt: '2026-12-06T10:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

/** The first page of an import's report with these findings. */
export function importReport(job: ImportJob, items: ImportIssue[] = []): ImportReport {
  return { job, items, total: items.length, page: 1, pageSize: 50 };
}

/** HomeNet's layout, with the columns the specs use. */
export const HOMENET_PRESET: ImportPreset = {
  id: 'homenet',
  name: 'HomeNet IOL export',
  description: '',
  mapping: {
    vin: 'VIN',
    year: 'Year',
    make: 'Make',
    model: 'Model',
    mileage: 'Miles',
    price: 'SellingPrice',
  },
};
