import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { RouterTestingHarness } from '@angular/router/testing';
import type {
  FeedSource,
  ImportJob,
  ImportPreset,
  ImportReport,
  ImportSettings,
  ImportUpload,
} from '@showroom/contracts';
import { HOMENET_PRESET, importJob as job, importReport } from '../../../testing/import-fixtures';
import { closePage, elementIn, openPage, settle as settlePage } from '../../../testing/page';
import { ImportPage } from './import-page';

@Component({ template: '' })
class InventoryStub {}

const PRESETS: ImportPreset[] = [HOMENET_PRESET];
const SETTINGS: ImportSettings = {
  presetId: null,
  mapping: null,
  rules: { locked: [], mode: 'partial', missing: 'keep' },
  updatedAt: null,
};
const FEED: FeedSource = {
  url: null,
  intervalHours: 24,
  enabled: false,
  nextFetchAt: null,
  lastFetchedAt: null,
  lastError: null,
  lastImportId: null,
};

describe('ImportPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(jobs: ImportJob[] = []) {
    ({ http, harness } = await openPage({
      routes: [
        { path: 'inventory/import', component: ImportPage },
        { path: 'inventory', component: InventoryStub },
      ],
      url: '/inventory/import',
      role: 'manager',
    }));
    http.expectOne('/api/inventory/imports/presets').flush({ items: PRESETS });
    http.expectOne('/api/inventory/imports/settings').flush(SETTINGS);
    http.expectOne('/api/inventory/imports').flush({ items: jobs });
    http.expectOne('/api/inventory/imports/feed-source').flush(FEED);
    await settle();
  }

  const settle = () => settlePage(harness);
  const element = <T extends Element = HTMLElement>(selector: string) => elementIn<T>(harness, selector);
  const text = (testId: string) =>
    element(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim();

  async function pick(file: File) {
    const input = element<HTMLInputElement>('[data-testid="import-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: { length: 1, item: () => file }, configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
  }

  const flushReport = (importId: string, report: ImportReport) =>
    http.expectOne((req) => req.url === `/api/inventory/imports/${importId}/report`).flush(report);

  afterEach(() => closePage(http));

  it('uploads a CSV, shows its columns and the detected layout, and starts it with the mapping and rules', async () => {
    await open();
    await pick(new File(['VIN,Year,Make,Model,Miles\n'], 'stock.csv', { type: 'text/csv' }));

    const upload = http.expectOne({ method: 'POST', url: '/api/inventory/imports' });
    expect((upload.request.body as FormData).get('file')).toBeInstanceOf(File);
    const answer: ImportUpload = {
      job: job(),
      headers: ['VIN', 'Year', 'Make', 'Model', 'Miles'],
      preview: [['1HGCV1F34MA200001', '2021', 'Honda', 'Accord', '45,000']],
      detectedPresetId: 'homenet',
      suggestedMapping: {
        vin: 'VIN',
        year: 'Year',
        make: 'Make',
        model: 'Model',
        mileage: 'Miles',
        price: null,
      },
    };
    upload.flush(answer);
    await settle();

    expect(text('detected')).toContain('HomeNet IOL export');
    expect(element('[data-testid="preview"]')?.textContent).toContain('45,000');
    expect(element('[data-testid="unmapped"]')).toBeNull();

    element('[data-testid="start-import"]')?.click();
    const start = http.expectOne(`/api/inventory/imports/${answer.job.id}/start`);
    expect(start.request.body).toEqual({
      mapping: { vin: 'VIN', year: 'Year', make: 'Make', model: 'Model', mileage: 'Miles' },
      rules: { locked: [], mode: 'partial', missing: 'keep' },
      presetId: 'homenet',
      save: true,
    });
    start.flush(
      job({
        status: 'succeeded',
        rowsDone: 3,
        counts: { created: 2, updated: 0, unchanged: 0, skipped: 1, missing: 0 },
      }),
    );
    await settle();

    flushReport(
      answer.job.id,
      importReport(job({ status: 'succeeded' }), [
        {
          line: 3,
          field: 'vin',
          reason: 'check digit is 4 but position 9 holds 5',
          severity: 'error',
          vin: null,
        },
      ]),
    );
    await settle();

    expect(text('import-status')).toBe('Done: 2 added · 1 skipped');
    expect(text('report-line')).toBe('3');
    expect(text('report-field')).toBe('VIN');
    expect(text('report-reason')).toContain('check digit');
  });

  it('refuses a workbook before sending it', async () => {
    await open();
    await pick(new File(['PK'], 'stock.xlsx'));
    expect(text('file-problem')).toContain('save it as CSV');
  });

  it('shows past imports, and a failed one can be resumed', async () => {
    const failed = job({ status: 'failed', error: 'the import stopped on an error', rowsDone: 2 });
    await open([failed]);
    expect(element('[data-testid="past-imports"]')?.textContent).toContain('failed');
    (element('[data-testid="past-import"] button') as HTMLButtonElement).click();
    await settle();
    flushReport(failed.id, importReport(failed));
    await settle();
    expect(text('import-status')).toContain('Stopped: the import stopped on an error');
    element('[data-testid="resume-import"]')?.click();
    http.expectOne(`/api/inventory/imports/${failed.id}/resume`).flush(job({ status: 'succeeded' }));
    await settle();
    flushReport(failed.id, importReport(failed));
    await settle();
    expect(text('report-empty')).toContain('without a problem');
  });
});
