import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import type { SyndicationSettings } from '@showroom/contracts';
import {
  applyServerErrors,
  createSyndicationForm,
  errorMessage,
  formatBytes,
  formValueFromSettings,
  priceSteps,
  settingsFromForm,
} from './syndication-model';

const saved: SyndicationSettings = {
  channels: { google: true, meta: false, marketplace: true },
  webReady: { requirePrice: true, minPhotos: 3, requireDescription: false },
  storeCode: 'MAPLE-01',
  address: { street: '1800 Main St.', city: 'Springfield', region: 'IL', postalCode: null, country: 'US' },
  websiteBaseUrl: null,
};

describe('syndication settings form', () => {
  const form = () => createSyndicationForm(TestBed.inject(NonNullableFormBuilder));

  it('shows saved settings and sends them back whole, empty text as null and the country in capitals', () => {
    const f = form();
    f.setValue(formValueFromSettings(saved));
    expect(f.controls.postalCode.value).toBe('');
    f.controls.country.setValue(' ca ');
    f.controls.street.setValue('   ');

    expect(settingsFromForm(f)).toEqual({
      ...saved,
      address: { street: null, city: 'Springfield', region: 'IL', postalCode: null, country: 'CA' },
    });
  });

  it('refuses what the service would refuse, with a message per field', () => {
    const f = form();
    f.controls.minPhotos.setValue(61);
    f.controls.country.setValue('USA');
    f.controls.websiteBaseUrl.setValue('www.maple.example');
    f.controls.storeCode.setValue('a b');

    expect(f.invalid).toBe(true);
    expect(errorMessage('minPhotos', f.controls.minPhotos.errors)).toBe('Photos needed: 0 to 60');
    expect(errorMessage('country', f.controls.country.errors)).toBe('Two letters, e.g. US');
    expect(errorMessage('websiteBaseUrl', f.controls.websiteBaseUrl.errors)).toBe(
      'An address starting with https://',
    );
    expect(errorMessage('storeCode', f.controls.storeCode.errors)).toContain('Letters, digits');
  });

  it('puts the service’s reasons on the fields they name, and returns the rest', () => {
    const f = form();
    const unmatched = applyServerErrors(f, [
      { name: 'body.address.country', reason: 'a two-letter country code' },
      { name: 'body.webReady.minPhotos', reason: 'too big' },
      { name: 'body.somethingElse', reason: 'odd' },
    ]);

    expect(errorMessage('country', f.controls.country.errors)).toBe('a two-letter country code');
    expect(errorMessage('minPhotos', f.controls.minPhotos.errors)).toBe('too big');
    expect(unmatched).toEqual([{ name: 'body.somethingElse', reason: 'odd' }]);
  });
});

describe('price steps', () => {
  it('lists the newest first, each a first price, a drop, a rise or a removal with its change', () => {
    const steps = priceSteps([
      {
        fromCents: null,
        toCents: 2_000_000,
        currency: 'USD',
        source: 'portal',
        changedAt: '2026-11-01T10:00:00Z',
      },
      {
        fromCents: 2_000_000,
        toCents: 1_850_000,
        currency: 'USD',
        source: 'import',
        changedAt: '2026-11-05T10:00:00Z',
      },
      {
        fromCents: 1_850_000,
        toCents: 1_900_000,
        currency: 'USD',
        source: 'portal',
        changedAt: '2026-11-06T10:00:00Z',
      },
      {
        fromCents: 1_900_000,
        toCents: null,
        currency: 'USD',
        source: 'portal',
        changedAt: '2026-11-07T10:00:00Z',
      },
    ]);

    expect(steps.map((s) => [s.kind, s.changeCents])).toEqual([
      ['removed', null],
      ['rise', 50_000],
      ['drop', -150_000],
      ['first', null],
    ]);
    expect(steps[2].source).toBe('import');
  });
});

describe('formatBytes', () => {
  it('says bytes, kilobytes or megabytes', () => {
    expect([formatBytes(812), formatBytes(1536), formatBytes(2_400_000)]).toEqual([
      '812 B',
      '1.5 kB',
      '2.4 MB',
    ]);
  });
});
