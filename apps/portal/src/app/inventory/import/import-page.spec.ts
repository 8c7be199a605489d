import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type {
  FeedSource,
  ImportJob,
  ImportPreset,
  ImportReport,
  ImportSettings,
  ImportUpload,
  Membership,
  Role,
} from '@showroom/contracts';
import { ActiveDealership } from '../../core/active-dealership';
import { membership, NORTH, SOUTH } from '../../../testing/fixtures';
import { HOMENET_PRESET, importJob as job, importReport } from '../../../testing/import-fixtures';
import { closePage, elementIn, openPage, settle as settlePage } from '../../../testing/page';
import { ImportPage, POLL_INTERVAL_MS } from './import-page';

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

  async function open(
    jobs: ImportJob[] = [],
    {
      role = 'manager' as Role,
      settings = SETTINGS,
      memberships = undefined as Membership[] | undefined,
    } = {},
  ) {
    ({ http, harness } = await openPage({
      routes: [
        { path: 'inventory/import', component: ImportPage },
        { path: 'inventory', component: InventoryStub },
      ],
      url: '/inventory/import',
      role,
      memberships,
    }));
    await answerLoad(jobs, settings);
  }

  async function answerLoad(jobs: ImportJob[], settings = SETTINGS) {
    http.expectOne('/api/inventory/imports/presets').flush({ items: PRESETS });
    http.expectOne('/api/inventory/imports/settings').flush(settings);
    http.expectOne('/api/inventory/imports').flush({ items: jobs });
    http.expectOne('/api/inventory/imports/feed-source').flush(FEED);
    await settle();
  }

  const jobUrl = (id: string) => `/api/inventory/imports/${id}`;
  /** The next read of a followed import, answered. */
  async function poll(answer: ImportJob) {
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    http.expectOne(jobUrl(answer.id)).flush(answer);
    await settle();
  }

  const settle = () => settlePage(harness);
  const element = <T extends Element = HTMLElement>(selector: string) => elementIn<T>(harness, selector);
  const text = (testId: string) =>
    element(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim();

  async function pick(file: File) {
    const input = element<HTMLInputElement>('[data-testid="import-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
  }

  const flushReport = (importId: string, report: ImportReport) =>
    http.expectOne((req) => req.url === `/api/inventory/imports/${importId}/report`).flush(report);

  afterEach(() => {
    closePage(http);
    vi.useRealTimers();
  });

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

  describe('a running import', () => {
    const running = (rowsDone: number) => job({ status: 'running', rowsTotal: 4, rowsDone });
    const done = job({
      status: 'succeeded',
      rowsTotal: 4,
      rowsDone: 4,
      counts: { created: 3, updated: 1, unchanged: 0, skipped: 0, missing: 0 },
    });
    const progress = () => element('[data-testid="progress-bar"]')?.getAttribute('aria-valuenow');
    const announced = () => text('import-announcement');

    it('is read every second until it ends: the bar moves, the status region speaks at the start and the end only, then the report shows and the polling stops', async () => {
      vi.useFakeTimers();
      await open([running(1)]);
      // Followed from the page's load: read at once, then a second after each answer.
      http.expectOne(jobUrl(done.id)).flush(running(1));
      await settle();
      expect(progress()).toBe('25');
      expect(text('import-status')).toBe('1 of 4 rows read…');
      expect(announced()).toBe('Importing stock.csv…');

      await poll(running(3));
      expect(progress()).toBe('75');
      expect(text('import-status')).toBe('3 of 4 rows read…');
      expect(announced()).toBe('Importing stock.csv…');
      // The visible line is no live region: only the announcement is.
      expect(element('[data-testid="import-status"]')?.getAttribute('role')).toBeNull();

      await poll(done);
      expect(progress()).toBe('100');
      expect(announced()).toBe('Import of stock.csv done: 3 added · 1 updated');
      flushReport(done.id, importReport(done));
      await settle();
      expect(text('report-empty')).toContain('without a problem');
      expect(element('[data-testid="past-imports"]')?.textContent).toContain('3 added · 1 updated');

      await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 5);
      http.expectNone(jobUrl(done.id));
    });

    it('a read slower than a second is waited for, not cancelled and asked again', async () => {
      vi.useFakeTimers();
      await open([running(1)]);
      const slow = http.expectOne(jobUrl(done.id));
      await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 4);
      expect(slow.cancelled).toBe(false);
      http.expectNone(jobUrl(done.id));
      slow.flush(running(2));
      await settle();
      expect(progress()).toBe('50');
      await poll(running(3));
    });

    it('a started import is followed from its start answer', async () => {
      vi.useFakeTimers();
      await open();
      await pick(new File(['VIN,Year,Make,Model\n'], 'stock.csv', { type: 'text/csv' }));
      http.expectOne({ method: 'POST', url: '/api/inventory/imports' }).flush({
        job: job(),
        headers: ['VIN', 'Year', 'Make', 'Model'],
        preview: [],
        detectedPresetId: null,
        suggestedMapping: { vin: 'VIN', year: 'Year', make: 'Make', model: 'Model' },
      } satisfies ImportUpload);
      await settle();
      element('[data-testid="start-import"]')?.click();
      http.expectOne(`${jobUrl(done.id)}/start`).flush(job({ status: 'queued', rowsTotal: 4 }));
      await settle();
      expect(text('import-status')).toBe('Waiting to start…');
      http.expectOne(jobUrl(done.id)).flush(running(2));
      await settle();
      expect(progress()).toBe('50');
      await poll(done);
      flushReport(done.id, importReport(done));
      await settle();
      expect(text('import-status')).toBe('Done: 3 added · 1 updated');
    });

    it('stops being read when the service answers 404, and says why', async () => {
      vi.useFakeTimers();
      await open([running(1)]);
      http
        .expectOne(jobUrl(done.id))
        .flush(
          { title: 'Not Found', status: 404, detail: 'Import gone' },
          { status: 404, statusText: 'Not Found' },
        );
      await settle();
      expect(element('[data-testid="import-progress"]')?.textContent).toContain('Import gone');
      await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 5);
      http.expectNone(jobUrl(done.id));
    });

    it('is no longer read once the dealer leaves the page', async () => {
      vi.useFakeTimers();
      await open([running(1)]);
      http.expectOne(jobUrl(done.id)).flush(running(1));
      await settle();
      await harness.navigateByUrl('/inventory');
      await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 5);
      http.expectNone(jobUrl(done.id));
    });

    it('after a dealership switch, the previous dealership’s import is no longer read and the other one’s imports show', async () => {
      vi.useFakeTimers();
      await open([running(1)], { memberships: [membership(NORTH, 'manager'), membership(SOUTH, 'manager')] });
      http.expectOne(jobUrl(done.id)).flush(running(1));
      await settle();
      TestBed.inject(ActiveDealership).select(SOUTH);
      await settle();
      await answerLoad([]);
      expect(TestBed.inject(Router).url).toBe('/inventory/import');
      expect(element('[data-testid="import-progress"]')).toBeNull();
      await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 5);
      http.expectNone(jobUrl(done.id));
    });

    it('the list follows an import the dealer looked away from, and its report does not replace the one shown', async () => {
      vi.useFakeTimers();
      const past = job({
        id: '5f0c1d2e-0000-4000-8000-000000000002',
        fileName: 'old.csv',
        status: 'succeeded',
      });
      await open([running(1), past]);
      http.expectOne(jobUrl(done.id)).flush(running(1));
      await settle();
      (element('[data-testid="past-import"]:nth-child(2) button') as HTMLButtonElement).click();
      await settle();
      flushReport(past.id, importReport(past));
      await settle();

      await poll(done);
      expect(element('[data-testid="past-imports"]')?.textContent).toContain('3 added · 1 updated');
      http.expectNone((req) => req.url === `${jobUrl(done.id)}/report`);
      expect(element('#progress-title')?.textContent).toBe('old.csv');
    });
  });

  it('a report asked for replaces one still on its way: the answer of the import left is dropped', async () => {
    const first = job({ status: 'succeeded', fileName: 'first.csv' });
    const second = job({
      id: '5f0c1d2e-0000-4000-8000-000000000002',
      status: 'succeeded',
      fileName: 'second.csv',
    });
    await open([first, second]);
    const buttons = () =>
      Array.from(
        harness.fixture.nativeElement.querySelectorAll('[data-testid="past-import"] button'),
      ) as HTMLButtonElement[];
    buttons()[0].click();
    await settle();
    const firstReport = http.expectOne((req) => req.url === `${jobUrl(first.id)}/report`);
    buttons()[1].click();
    await settle();
    expect(firstReport.cancelled).toBe(true);
    flushReport(
      second.id,
      importReport(second, [{ line: 2, field: 'vin', reason: 'second file', severity: 'error', vin: null }]),
    );
    await settle();
    expect(text('report-reason')).toBe('second file');
  });

  it('names each mapping control for screen readers', async () => {
    await open();
    await pick(new File(['VIN,Year,Make,Model\n'], 'stock.csv', { type: 'text/csv' }));
    http.expectOne({ method: 'POST', url: '/api/inventory/imports' }).flush({
      job: job(),
      headers: ['VIN', 'Year', 'Make', 'Model'],
      preview: [],
      detectedPresetId: null,
      suggestedMapping: { vin: 'VIN', year: 'Year', make: 'Make', model: 'Model' },
    } satisfies ImportUpload);
    await settle();
    expect(element('[data-testid="map-vin"] mat-select')?.getAttribute('aria-label')).toBe('Column for VIN');
    expect(element('[data-testid="map-mileage"] input[type="checkbox"]')?.getAttribute('aria-label')).toBe(
      'Never overwrite Mileage of cars already on the lot',
    );
  });

  describe('cars a whole-lot file does not list', () => {
    async function uploadWholeLot() {
      await pick(new File(['VIN,Year,Make,Model\n'], 'stock.csv', { type: 'text/csv' }));
      http.expectOne({ method: 'POST', url: '/api/inventory/imports' }).flush({
        job: job(),
        headers: ['VIN', 'Year', 'Make', 'Model'],
        preview: [],
        detectedPresetId: null,
        suggestedMapping: { vin: 'VIN', year: 'Year', make: 'Make', model: 'Model' },
      } satisfies ImportUpload);
      await settle();
      element('[data-testid="mode-full"] input')?.click();
      await settle();
      element('[data-testid="missing"] .mat-mdc-select-trigger')?.click();
      await settle();
      return Array.from(document.querySelectorAll('mat-option')).map((option) => option.textContent?.trim());
    }

    it('a manager (inventory:delete) may have them deleted, and may let this import remove much of the lot', async () => {
      await open();
      expect(await uploadWholeLot()).toContain('Delete them');
      (document.querySelectorAll('mat-option')[0] as HTMLElement).click();
      await settle();
      element('[data-testid="allow-large-removal"] input')?.click();
      await settle();
      element('[data-testid="start-import"]')?.click();
      const start = http.expectOne(`${jobUrl(job().id)}/start`);
      expect((start.request.body as { rules: object }).rules).toEqual({
        locked: [],
        mode: 'full',
        missing: 'mark_sold',
        allowLargeRemoval: true,
      });
      start.flush(job({ status: 'succeeded' }));
      await settle();
      flushReport(job().id, importReport(job({ status: 'succeeded' })));
    });

    it('a salesperson is not offered "Delete them"; a saved delete rule becomes "keep" for their import', async () => {
      await open([], {
        role: 'sales',
        settings: { ...SETTINGS, rules: { locked: [], mode: 'full', missing: 'delete' } },
      });
      const options = await uploadWholeLot();
      expect(options).not.toContain('Delete them');
      expect(options).toContain('Mark them sold');
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
      element('[data-testid="start-import"]')?.click();
      const start = http.expectOne(`${jobUrl(job().id)}/start`);
      expect((start.request.body as { rules: { missing: string } }).rules.missing).toBe('keep');
      start.flush(job({ status: 'succeeded' }));
      await settle();
      flushReport(job().id, importReport(job({ status: 'succeeded' })));
    });
  });

  it('saves the feed URL and schedule; a refusal (the saved rules delete cars) shows the service’s reason', async () => {
    await open([], { role: 'sales' });
    const url = element<HTMLInputElement>('[data-testid="feed-url"]') as HTMLInputElement;
    url.value = ' https://dms.example.com/stock.csv ';
    url.dispatchEvent(new Event('input'));
    element('[data-testid="feed-enabled"] button')?.click();
    await settle();
    element('[data-testid="save-feed"]')?.click();
    const put = http.expectOne({ method: 'PUT', url: '/api/inventory/imports/feed-source' });
    expect(put.request.body).toEqual({
      url: 'https://dms.example.com/stock.csv',
      intervalHours: 24,
      enabled: true,
    });
    put.flush(
      {
        type: 'https://showroom.dev/problems/forbidden',
        title: 'Forbidden',
        status: 403,
        detail: 'Deleting the cars a full feed no longer lists needs the inventory:delete permission',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await settle();
    expect(text('feed-problem')).toContain('inventory:delete');

    element('[data-testid="save-feed"]')?.click();
    http.expectOne({ method: 'PUT', url: '/api/inventory/imports/feed-source' }).flush({
      ...FEED,
      url: 'https://dms.example.com/stock.csv',
      enabled: true,
      nextFetchAt: '2026-12-06T11:00:00.000Z',
    });
    await settle();
    expect(element('[data-testid="feed-problem"]')).toBeNull();
    expect(element('[data-testid="feed-next"]')).not.toBeNull();
  });

  it('an upload answered after a dealership switch is not shown in the other dealership', async () => {
    await open([], { memberships: [membership(NORTH, 'manager'), membership(SOUTH, 'manager')] });
    await pick(new File(['VIN,Year,Make,Model\n'], 'stock.csv', { type: 'text/csv' }));
    const upload = http.expectOne({ method: 'POST', url: '/api/inventory/imports' });
    TestBed.inject(ActiveDealership).select(SOUTH);
    await settle();
    await answerLoad([]);
    expect(upload.cancelled).toBe(true);
    expect(element('[data-testid="mapping"]')).toBeNull();
    expect(element<HTMLButtonElement>('[data-testid="drop-zone"] button')?.disabled).toBe(false);
  });
});
