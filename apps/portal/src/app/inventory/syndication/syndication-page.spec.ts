import { Clipboard } from '@angular/cdk/clipboard';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ChannelList, Membership, SyndicationSettingsResponse } from '@showroom/contracts';
import { ActiveDealership } from '../../core/active-dealership';
import { membership, NORTH, SOUTH } from '../../../testing/fixtures';
import { closePage, elementIn, openPage, overlayElement, settle as settlePage } from '../../../testing/page';
import { SyndicationPage } from './syndication-page';

@Component({ template: '' })
class VehicleStub {}

const FEED = 'http://localhost:4200/media/feeds/d1/s3cr3t/google-vehicle-ads.tsv';

function settingsResponse(): SyndicationSettingsResponse {
  return {
    settings: {
      channels: { google: true, meta: false, marketplace: false },
      webReady: { requirePrice: true, minPhotos: 1, requireDescription: false },
      storeCode: 'MAPLE-01',
      address: {
        street: '1800 Main St.',
        city: 'Springfield',
        region: 'IL',
        postalCode: '62701',
        country: 'US',
      },
      websiteBaseUrl: null,
    },
    defaultWebsiteBaseUrl: 'https://d1.sites.showroom.dev',
    dealershipName: 'Maple Motors',
  };
}

function channelList(): ChannelList {
  return {
    pending: false,
    channels: [
      {
        channel: 'google',
        name: 'Google vehicle listings',
        enabled: true,
        files: [{ name: 'google-vehicle-ads.tsv', format: 'tsv', url: FEED }],
        lastGeneratedAt: '2026-12-06T10:00:00.000Z',
        included: 41,
        excluded: 2,
        lastRun: { trigger: 'change', bytes: 20_480, durationMs: 35, finishedAt: '2026-12-06T10:00:00.000Z' },
      },
      {
        channel: 'meta',
        name: 'Meta automotive catalog',
        enabled: false,
        files: [],
        lastGeneratedAt: null,
        included: null,
        excluded: null,
        lastRun: null,
      },
      {
        channel: 'marketplace',
        name: 'Marketplaces (CSV)',
        enabled: false,
        files: [],
        lastGeneratedAt: null,
        included: null,
        excluded: null,
        lastRun: null,
      },
    ],
  };
}

describe('SyndicationPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let copied: string[];

  async function open(memberships?: Membership[]) {
    copied = [];
    ({ http, harness } = await openPage({
      routes: [
        { path: 'inventory/syndication', component: SyndicationPage },
        { path: 'inventory/:id', component: VehicleStub },
      ],
      url: '/inventory/syndication',
      role: 'manager',
      memberships,
      providers: [{ provide: Clipboard, useValue: { copy: (text: string) => copied.push(text) > 0 } }],
    }));
    http.expectOne('/api/inventory/syndication/settings').flush(settingsResponse());
    http.expectOne('/api/inventory/syndication/channels').flush(channelList());
    await settle();
  }

  const settle = () => settlePage(harness);
  const element = <T extends Element = HTMLElement>(selector: string) => elementIn<T>(harness, selector);
  const click = async (testId: string) => {
    element(`[data-testid="${testId}"]`)?.click();
    await settle();
  };

  afterEach(() => closePage(http));

  it('shows each channel with its feed address, counts and last run; the address can be copied', async () => {
    await open();

    const google = element('[data-testid="channel-google"]');
    expect(google?.querySelector('[data-testid="channel-state"]')?.textContent?.trim()).toBe('On');
    expect(google?.querySelector('[data-testid="feed-url"]')?.textContent).toBe(FEED);
    expect(google?.querySelector('[data-testid="channel-included"]')?.textContent).toContain('41');
    expect(google?.querySelector('[data-testid="channel-excluded"]')?.textContent).toContain('2');
    expect(element('[data-testid="channel-meta"] [data-testid="feed-url"]')).toBeNull();

    await click('copy-feed-url');
    expect(copied).toEqual([FEED]);
  });

  it('lists the vehicles a feed left out with their reasons, each linking to the vehicle', async () => {
    await open();

    await click('show-report-google');
    http.expectOne('/api/inventory/syndication/channels/google/report').flush({
      channel: 'google',
      generatedAt: '2026-12-06T10:00:00.000Z',
      included: 41,
      excluded: [
        {
          vehicleId: 'v-1',
          stockNumber: 'U1001',
          vin: '1HGCV1F34MA200001',
          title: '2021 Honda Accord',
          reasons: ['no_price', 'no_photos'],
        },
      ],
    });
    await settle();

    expect(element('#report-heading')?.textContent).toContain('Left out of Google vehicle listings (1)');
    const row = element('[data-testid="excluded-vehicle"]');
    expect(
      [...(row?.querySelectorAll('[data-testid="exclusion-reason"]') ?? [])].map((r) =>
        r.textContent?.trim(),
      ),
    ).toEqual(['No price', 'No photos']);
    expect(row?.querySelector('a')?.getAttribute('href')).toBe('/inventory/v-1');
  });

  it('saves the whole settings, then shows the channels again; a refused field shows the service’s reason', async () => {
    await open();
    const photos = element<HTMLInputElement>('[data-testid="min-photos"]') as HTMLInputElement;
    photos.value = '4';
    photos.dispatchEvent(new Event('input'));
    await settle();

    element<HTMLButtonElement>('[data-testid="save-syndication"]')?.click();
    const put = http.expectOne({ method: 'PUT', url: '/api/inventory/syndication/settings' });
    expect(put.request.body.webReady).toEqual({
      requirePrice: true,
      minPhotos: 4,
      requireDescription: false,
    });
    expect(put.request.body.address.postalCode).toBe('62701');
    put.flush(
      {
        type: 'https://showroom.dev/problems/validation',
        title: 'Invalid request',
        status: 400,
        invalidParams: [
          { name: 'body.address.country', reason: 'a two-letter country code (ISO 3166-1), e.g. US' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(element('mat-error')?.textContent).toContain('two-letter country code');
  });

  it('regenerates on request and shows the new run', async () => {
    await open();

    await click('regenerate');
    const list = channelList();
    list.channels[0].included = 42;
    http.expectOne({ method: 'POST', url: '/api/inventory/syndication/regenerate' }).flush(list);
    await settle();

    expect(element('[data-testid="channel-google"] [data-testid="channel-included"]')?.textContent).toContain(
      '42',
    );
  });

  it('a new feed secret is asked only after the dealer confirms; cancelling sends nothing', async () => {
    await open();
    await click('rotate-secret');
    expect(overlayElement('sr-confirm-dialog')?.textContent).toContain('stop working at once');
    // The first button is Cancel.
    overlayElement<HTMLButtonElement>('sr-confirm-dialog button')?.click();
    await settle();
    http.expectNone('/api/inventory/syndication/rotate-secret');

    await click('rotate-secret');
    overlayElement<HTMLButtonElement>('[data-testid="confirm"]')?.click();
    await settle();
    const list = channelList();
    list.channels[0].files[0].url = FEED.replace('s3cr3t', 'n3w');
    http.expectOne({ method: 'POST', url: '/api/inventory/syndication/rotate-secret' }).flush(list);
    await settle();
    expect(element('[data-testid="channel-google"] [data-testid="feed-url"]')?.textContent).toContain('n3w');
  });

  it('a save answered after a dealership switch does not land in the other dealership’s form', async () => {
    await open([membership(NORTH, 'manager'), membership(SOUTH, 'manager')]);
    element<HTMLButtonElement>('[data-testid="save-syndication"]')?.click();
    const put = http.expectOne({ method: 'PUT', url: '/api/inventory/syndication/settings' });

    TestBed.inject(ActiveDealership).select(SOUTH);
    await settle();
    const south = settingsResponse();
    south.settings.storeCode = 'SOUTH-02';
    http.expectOne('/api/inventory/syndication/settings').flush(south);
    http.expectOne('/api/inventory/syndication/channels').flush(channelList());
    await settle();

    put.flush(settingsResponse());
    await settle();
    http.expectNone('/api/inventory/syndication/channels');
    expect(element<HTMLInputElement>('[data-testid="store-code"]')?.value).toBe('SOUTH-02');
    expect(element<HTMLButtonElement>('[data-testid="save-syndication"]')?.disabled).toBeFalsy();
  });

  it('a report answered after a dealership switch is not shown', async () => {
    await open([membership(NORTH, 'manager'), membership(SOUTH, 'manager')]);
    await click('show-report-google');
    const report = http.expectOne('/api/inventory/syndication/channels/google/report');
    TestBed.inject(ActiveDealership).select(SOUTH);
    await settle();
    http.expectOne('/api/inventory/syndication/settings').flush(settingsResponse());
    http.expectOne('/api/inventory/syndication/channels').flush(channelList());
    await settle();
    report.flush({ channel: 'google', generatedAt: '2026-12-06T10:00:00.000Z', included: 41, excluded: [] });
    await settle();
    expect(element('#report-heading')).toBeNull();
  });
});
