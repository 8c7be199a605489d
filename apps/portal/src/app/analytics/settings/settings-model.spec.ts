import { FormArray } from '@angular/forms';
import {
  costRowsOf,
  costsInputOf,
  createCostRow,
  createSettingsForm,
  duplicateSources,
  monthLabel,
  settingsFormValue,
  settingsInputOf,
  shiftMonth,
} from './settings-model';

describe('analytics settings forms', () => {
  it('shows the sample rate as a percentage and saves it as a share', () => {
    const form = createSettingsForm();
    form.reset(
      settingsFormValue({
        firstResponseTargetMinutes: 20,
        consent: 'opt_in',
        sampleRate: 0.1,
        updatedAt: null,
      }),
    );
    expect(form.getRawValue()).toEqual({
      firstResponseTargetMinutes: 20,
      consent: 'opt_in',
      samplePercent: 10,
    });
    form.controls.samplePercent.setValue(25);
    expect(settingsInputOf(form)).toEqual({
      firstResponseTargetMinutes: 20,
      consent: 'opt_in',
      sampleRate: 0.25,
    });
  });

  it('refuses a target of no minutes and a share over 100%', () => {
    const form = createSettingsForm();
    form.controls.firstResponseTargetMinutes.setValue(0);
    form.controls.samplePercent.setValue(150);
    expect(form.controls.firstResponseTargetMinutes.invalid).toBe(true);
    expect(form.controls.samplePercent.invalid).toBe(true);
  });

  it('lists the month’s known sources first, then the other sources with costs', () => {
    const rows = costRowsOf({
      month: '2026-11',
      currency: 'USD',
      costs: [
        { source: 'radio', costCents: 120_000 },
        { source: 'cars.com', costCents: 49_950 },
      ],
      knownSources: ['website', 'cars.com'],
    });
    expect(rows.map((row) => row.getRawValue())).toEqual([
      { source: 'website', dollars: null, known: true },
      { source: 'cars.com', dollars: 499.5, known: true },
      { source: 'radio', dollars: 1200, known: false },
    ]);
  });

  it('saves the rows with an amount, in cents, and leaves blank rows out', () => {
    const rows = new FormArray([
      createCostRow('website', null, true),
      createCostRow(' radio ', 1200.1),
      createCostRow('tv', 0),
    ]);
    expect(costsInputOf(rows)).toEqual({
      costs: [
        { source: 'radio', costCents: 120_010 },
        { source: 'tv', costCents: 0 },
      ],
    });
  });

  it('refuses an amount with fractions of a cent and names sources listed twice', () => {
    const typo = createCostRow('radio', 12.345);
    expect(typo.controls.dollars.errors).toEqual({ cents: true });
    const rows = new FormArray([createCostRow('Radio'), createCostRow('radio '), createCostRow('tv')]);
    expect(duplicateSources(rows)).toEqual(['radio']);
  });

  it('moves between months across a year end', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
    expect(monthLabel('2026-12')).toBe('December 2026');
  });
});
