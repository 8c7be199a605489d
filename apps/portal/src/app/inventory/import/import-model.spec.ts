import type { ImportJob } from '@showroom/contracts';
import { HOMENET_PRESET as homenet, importJob } from '../../../testing/import-fixtures';
import {
  countsSummary,
  fileProblem,
  mappingFromPreset,
  mappingToSend,
  missingRequired,
  percentDone,
} from './import-model';

const job = (overrides: Partial<ImportJob>) =>
  importJob({ status: 'running', rowsTotal: 200, rowsDone: 50, ...overrides });

describe('import model', () => {
  it('applies a preset with the file’s own spelling of each column, leaving out the ones it lacks', () => {
    const mapping = mappingFromPreset(homenet, ['vin', 'YEAR', 'Make', 'Model', ' miles ']);
    expect(mapping).toMatchObject({
      vin: 'vin',
      year: 'YEAR',
      mileage: ' miles ',
      photos: null,
      price: null,
    });
    expect(missingRequired(mapping)).toEqual([]);
    expect(mappingToSend(mapping)).toEqual({
      vin: 'vin',
      year: 'YEAR',
      make: 'Make',
      model: 'Model',
      mileage: ' miles ',
    });
  });

  it('names the required fields still without a column', () => {
    expect(missingRequired({ vin: 'VIN', make: null })).toEqual(['year', 'make', 'model']);
  });

  it('progress is rows read of the file’s rows, and a finished import is complete', () => {
    expect(percentDone(job({ rowsDone: 50 }))).toBe(25);
    expect(percentDone(job({ rowsTotal: 0, rowsDone: 0 }))).toBe(0);
    expect(percentDone(job({ status: 'succeeded', rowsTotal: 0 }))).toBe(100);
  });

  it('summarises the counts that are not zero', () => {
    expect(
      countsSummary(job({ counts: { created: 3, updated: 0, unchanged: 2, skipped: 1, missing: 0 } })),
    ).toBe('3 added · 2 unchanged · 1 skipped');
    expect(countsSummary(job({}))).toBe('No rows');
  });

  it('refuses workbooks, empty and oversize files before sending them', () => {
    expect(fileProblem({ name: 'stock.xlsx', size: 10 })).toMatch(/save it as CSV/);
    expect(fileProblem({ name: 'stock.csv', size: 0 })).toMatch(/empty/);
    expect(fileProblem({ name: 'stock.csv', size: 60 * 1024 * 1024 })).toMatch(/larger than 50 MB/);
    expect(fileProblem({ name: 'stock.csv', size: 1000 })).toBeNull();
  });
});
