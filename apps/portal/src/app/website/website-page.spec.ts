import { HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role } from '@showroom/contracts';
import { closePage, elementIn, openPage, overlayElement, settle as settlePage } from '../../testing/page';
import { provisioningStatus, websiteSettings } from './website-fixtures';
import { PROVISIONING_POLL_MS } from './provisioning-labels';
import { WebsitePage } from './website-page';

describe('WebsitePage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(website = websiteSettings(), role: Role = 'manager') {
    ({ http, harness } = await openPage({
      routes: [{ path: 'website', component: WebsitePage }],
      url: '/website',
      role,
    }));
    http.expectOne('/api/users/website').flush(website);
    await settle();
  }

  const settle = () => settlePage(harness);
  const element = <T extends Element = HTMLElement>(selector: string) => elementIn<T>(harness, selector);
  const byTestId = <T extends Element = HTMLElement>(testId: string) =>
    element<T>(`[data-testid="${testId}"]`) as T;

  function type(testId: string, value: string) {
    const input = byTestId<HTMLInputElement>(testId);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  async function save() {
    byTestId<HTMLButtonElement>('save-website').click();
    await settle();
  }

  afterEach(() => closePage(http));

  it('shows the website as shoppers get it, with a link to the site', async () => {
    await open();
    expect(byTestId<HTMLInputElement>('tagline').value).toBe('Honest deals since 1987');
    expect(byTestId<HTMLInputElement>('address-city').value).toBe('Springfield');
    expect(byTestId('custom-domain').textContent).toContain('www.northside-honda.example');
    expect(byTestId('platform-host').textContent).toBe('northside-honda.localhost');
    expect(byTestId<HTMLAnchorElement>('view-site').href).toBe('https://www.northside-honda.example/');
    expect(byTestId<HTMLInputElement>('hours-sat-1-opens').value).toBe('13:00');
    expect(byTestId('hours-day').textContent).toContain('Monday');
    expect(byTestId('provisioning-state').textContent).toBe('Live');
  });

  it('when the dealer opens Sunday and adds a break on Monday, then the hours go in the contract’s shape with If-Match', async () => {
    await open();
    byTestId('hours-open-sun').querySelector('button')?.click();
    await settle();
    type('hours-sun-0-opens', '11:00');
    type('hours-sun-0-closes', '16:00');
    byTestId<HTMLButtonElement>('hours-add-break-mon').click();
    await settle();
    await save();

    const patch = http.expectOne('/api/users/website');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.headers.get('If-Match')).toBe('"v3"');
    expect(patch.request.body).toEqual({
      hours: [
        { day: 'mon', opens: '09:00', closes: '12:00' },
        { day: 'mon', opens: '13:00', closes: '19:00' },
        { day: 'sat', opens: '09:00', closes: '12:00' },
        { day: 'sat', opens: '13:00', closes: '17:00' },
        { day: 'sun', opens: '11:00', closes: '16:00' },
      ],
    });
    patch.flush(
      websiteSettings({ version: 4, provisioning: provisioningStatus({ state: 'pending', version: 4 }) }),
    );
    await settle();
    expect(byTestId('provisioning-state').textContent).toBe('Waiting to publish');
  });

  it('when a day closes before it opens, then the day says so and nothing is saved', async () => {
    await open();
    type('hours-mon-0-closes', '08:00');
    await settle();
    expect(byTestId('hours-problem-mon').textContent).toContain('It must close after it opens');
    await save();
    http.expectNone('/api/users/website');
  });

  it('when the brand colour is too light for white text, then the preview warns before saving and the save is refused', async () => {
    await open();
    type('brand-colour', '#ffd54f');
    await settle();
    expect(byTestId('contrast-brand').textContent).toContain('too light, needs 4.5:1');
    expect(byTestId('contrast-brand').textContent).toMatch(/1\.\d:1/);
    expect(byTestId('contrast-accent').textContent).toContain('readable');
    expect(byTestId('theme-preview').querySelector<HTMLElement>('.site__header')?.style.background).toContain(
      'rgb(255, 213, 79)',
    );

    await save();
    http.expectNone('/api/users/website');
    expect(byTestId('brand-colour-error').textContent).toContain('Brand colour is too light');

    // The native picker sets the same colour as typing it does.
    const picker = byTestId<HTMLInputElement>('brand-colour-picker');
    picker.value = '#0d47a1';
    picker.dispatchEvent(new Event('input'));
    await settle();
    expect(byTestId<HTMLInputElement>('brand-colour').value).toBe('#0d47a1');
    await save();
    const patch = http.expectOne('/api/users/website');
    expect(patch.request.body).toEqual({ theme: { brandColour: '#0d47a1', accentColour: '#b3261e' } });
    patch.flush(websiteSettings({ version: 4, theme: { brandColour: '#0d47a1', accentColour: '#b3261e' } }));
  });

  it('when someone else saved first (412), then the dealer is told and reloads their version', async () => {
    await open();
    type('tagline', 'Fair prices, no haggling');
    await settle();
    await save();
    http.expectOne('/api/users/website').flush(
      {
        type: 'https://showroom.dev/problems/precondition-failed',
        title: 'Precondition failed',
        status: 412,
      },
      { status: 412, statusText: 'Precondition Failed' },
    );
    await settle();
    expect(byTestId('stale-banner').textContent).toContain('Someone else changed this website');

    byTestId<HTMLButtonElement>('reload-website').click();
    http
      .expectOne('/api/users/website')
      .flush(websiteSettings({ version: 5, tagline: 'Family owned since 1987' }));
    await settle();
    expect(element('[data-testid="stale-banner"]')).toBeNull();
    expect(byTestId<HTMLInputElement>('tagline').value).toBe('Family owned since 1987');
  });

  it('adds a domain typed as a URL (tidied), refuses one that is not a host name, and shows a domain the service refused', async () => {
    await open();
    const input = byTestId<HTMLInputElement>('custom-domain-input');
    input.value = 'HTTPS://Shop.Northside-Honda.example/cars';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13 } as KeyboardEventInit));
    input.value = 'not a domain';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13 } as KeyboardEventInit));
    await settle();
    await save();
    http.expectNone('/api/users/website');
    expect(byTestId('custom-domains-error').textContent).toContain('Not a host name: not a domain');

    const chips = Array.from(harness.fixture.nativeElement.querySelectorAll('[data-testid="custom-domain"]'));
    (chips[2] as HTMLElement).querySelector<HTMLButtonElement>('button')?.click();
    await settle();
    await save();
    const patch = http.expectOne('/api/users/website');
    expect(patch.request.body).toEqual({
      customDomains: ['www.northside-honda.example', 'shop.northside-honda.example'],
    });
    patch.flush(
      {
        type: 'https://showroom.dev/problems/conflict',
        title: 'Conflict',
        status: 409,
        detail: 'A domain is used by another dealership.',
        invalidParams: [
          {
            name: 'body.customDomains.1',
            reason: 'shop.northside-honda.example is used by another dealership',
          },
        ],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(byTestId('custom-domains-error').textContent?.trim()).toBe(
      'shop.northside-honda.example is used by another dealership',
    );
    expect(element('[data-testid="website-save-error"]')).toBeNull();
  });

  it('when an own domain is not served yet, then the card says the site is live on its platform host and points at the domain step', async () => {
    const live = provisioningStatus({ unservedDomains: ['www.northside-honda.example'] });
    live.steps[2] = {
      ...live.steps[2],
      detail: 'not yet served on www.northside-honda.example: certificate waiting for DNS validation',
    };
    await open(websiteSettings({ provisioning: live }));
    expect(byTestId('provisioning-state').textContent).toBe('Live');
    expect(byTestId('unserved-domains').textContent?.trim()).toBe(
      'Live on northside-honda.localhost; not yet served on www.northside-honda.example — see the “Attach the domains” step.',
    );
    const attach = element('[data-testid="provisioning-step"][data-step="attach-domain"]');
    expect(attach?.querySelector('mat-icon')?.classList).toContain('step__icon--attention');
    expect(attach?.textContent).toContain('certificate waiting for DNS validation');
  });

  it('when every domain serves the site, then no domain warning shows, and the steps show in the order the service sent them', async () => {
    await open();
    expect(element('[data-testid="unserved-domains"]')).toBeNull();
    const steps = [...harness.fixture.nativeElement.querySelectorAll('[data-testid="provisioning-step"]')];
    expect(steps.map((step) => step.getAttribute('data-step'))).toEqual([
      'upload-assets',
      'publish-config',
      'attach-domain',
      'allow-lead-origins',
      'invalidate-cdn',
    ]);
    expect(element('.step__icon--attention')).toBeNull();
  });

  it('when publishing failed, then each step, the error and the next attempt show, and Retry asks for a run now', async () => {
    const failed = provisioningStatus({
      state: 'failed',
      nextAttemptAt: '2026-12-06T13:30:00.000Z',
      liveAt: null,
    });
    failed.steps[3] = {
      step: 'allow-lead-origins',
      status: 'failed',
      attempts: 3,
      lastError: 'the leads service answered 503',
      detail: null,
      finishedAt: null,
    };
    await open(websiteSettings({ provisioning: failed }));
    const steps = harness.fixture.nativeElement.querySelectorAll('[data-testid="provisioning-step"]');
    expect(steps.length).toBe(5);
    expect(byTestId('provisioning-error').textContent).toContain('the leads service answered 503');
    expect(byTestId('provisioning-attempts').textContent).toContain('3 attempts');
    expect(byTestId('provisioning-next-attempt').textContent).toContain('tried again by itself');
    expect(byTestId('provisioning-state').textContent).toBe('Failed, will retry');

    byTestId<HTMLButtonElement>('provisioning-retry').click();
    const retry = http.expectOne('/api/users/website/provisioning/retry');
    expect(retry.request.method).toBe('POST');
    retry.flush(websiteSettings({ provisioning: provisioningStatus({ state: 'pending', liveAt: null }) }), {
      status: 202,
      statusText: 'Accepted',
    });
    await settle();
    expect(byTestId('provisioning-state').textContent).toBe('Waiting to publish');
    expect(element('[data-testid="provisioning-retry"]')).toBeNull();
  });

  it('while publishing is on its way, the page asks again every few seconds until the site is live', async () => {
    vi.useFakeTimers();
    try {
      await open(websiteSettings({ provisioning: provisioningStatus({ state: 'running', liveAt: null }) }));
      http.expectNone('/api/users/website');
      expect(byTestId('provisioning-state').textContent).toBe('Publishing');

      await vi.advanceTimersByTimeAsync(PROVISIONING_POLL_MS);
      http
        .expectOne('/api/users/website')
        .flush(websiteSettings({ provisioning: provisioningStatus({ state: 'running', liveAt: null }) }));
      await vi.advanceTimersByTimeAsync(PROVISIONING_POLL_MS);
      http
        .expectOne('/api/users/website')
        .flush(websiteSettings({ version: 9, provisioning: provisioningStatus() }));
      harness.fixture.detectChanges();
      expect(byTestId('provisioning-state').textContent).toBe('Live');

      await vi.advanceTimersByTimeAsync(PROVISIONING_POLL_MS * 3);
      http.expectNone('/api/users/website');
      // Only the status is taken: a save still names the version the form was read at.
      type('tagline', 'Open late on Thursdays');
      harness.fixture.detectChanges();
      byTestId<HTMLButtonElement>('save-website').click();
      const patch = http.expectOne('/api/users/website');
      expect(patch.request.headers.get('If-Match')).toBe('"v3"');
      patch.flush(websiteSettings({ version: 10 }));
    } finally {
      vi.useRealTimers();
    }
  });

  it('uploads a picked logo in the field "logo", and refuses a file that is no image before sending it', async () => {
    await open();
    const picker = byTestId<HTMLInputElement>('logo-file-input');
    const pick = (file: File) => {
      Object.defineProperty(picker, 'files', { value: [file], configurable: true });
      picker.dispatchEvent(new Event('change'));
    };
    pick(new File(['%PDF'], 'brochure.pdf', { type: 'application/pdf' }));
    await settle();
    expect(byTestId('logo-problem').textContent).toContain('brochure.pdf is not a PNG, JPEG or WebP image');
    http.expectNone('/api/users/website/logo');

    pick(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'northside.png', { type: 'image/png' }));
    await settle();
    const put = http.expectOne('/api/users/website/logo');
    expect(put.request.method).toBe('PUT');
    expect((put.request.body as FormData).get('logo')).toBeInstanceOf(File);
    put.flush(
      websiteSettings({
        version: 4,
        logo: {
          url: 'http://localhost:4200/media/sites/assets/n/logo-abc.png',
          webpUrl: 'http://localhost:4200/media/sites/assets/n/logo-abc.webp',
          width: 600,
          height: 200,
        },
      }),
    );
    await settle();
    expect(element('[data-testid="logo-problem"]')).toBeNull();
    expect(byTestId<HTMLImageElement>('logo-preview').src).toBe(
      'http://localhost:4200/media/sites/assets/n/logo-abc.png',
    );

    // Removing asks first: "Cancel" keeps the logo and sends nothing.
    byTestId<HTMLButtonElement>('remove-logo').click();
    await settle();
    expect(overlayElement('mat-dialog-container')?.textContent).toContain('Remove the logo?');
    overlayElement<HTMLButtonElement>('[mat-dialog-close]:not([data-testid="confirm"])')?.click();
    await settle();
    http.expectNone('/api/users/website/logo');
    expect(byTestId<HTMLImageElement>('logo-preview')).not.toBeNull();

    byTestId<HTMLButtonElement>('remove-logo').click();
    await settle();
    overlayElement<HTMLButtonElement>('[data-testid="confirm"]')?.click();
    await settle();
    const remove = http.expectOne('/api/users/website/logo');
    expect(remove.request.method).toBe('DELETE');
    remove.flush(websiteSettings({ version: 5, logo: null }));
    await settle();
    expect(element('[data-testid="logo-preview"]')).toBeNull();
  });

  it('when the website cannot be read, then it says so and offers a retry', async () => {
    ({ http, harness } = await openPage({
      routes: [{ path: 'website', component: WebsitePage }],
      url: '/website',
      role: 'owner',
    }));
    http.expectOne('/api/users/website').flush(null, { status: 503, statusText: 'Service Unavailable' });
    await settle();
    expect(byTestId('website-error').textContent).toContain('The website could not be loaded');
  });
});
