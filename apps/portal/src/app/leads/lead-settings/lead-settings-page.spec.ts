import { Clipboard } from '@angular/cdk/clipboard';
import { HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role } from '@showroom/contracts';
import { leadSettings } from '../../../testing/fixtures';
import { closePage, elementIn, openPage, settle as settlePage } from '../../../testing/page';
import { LeadSettingsPage } from './lead-settings-page';

describe('LeadSettingsPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let copied: string[];

  async function open(role: Role = 'owner') {
    copied = [];
    ({ http, harness } = await openPage({
      routes: [{ path: 'leads/settings', component: LeadSettingsPage }],
      url: '/leads/settings',
      role,
      providers: [{ provide: Clipboard, useValue: { copy: (text: string) => copied.push(text) > 0 } }],
    }));
    http.expectOne('/api/leads/settings').flush(leadSettings());
    await settle();
  }

  const settle = () => settlePage(harness);

  const element = <T extends Element = HTMLElement>(selector: string) => elementIn<T>(harness, selector);

  function type(testId: string, value: string) {
    const input = element<HTMLInputElement>(`[data-testid="${testId}"]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  afterEach(() => closePage(http));

  it('shows the settings, and the placeholders an acknowledgement may use', async () => {
    await open('manager');
    expect(element<HTMLInputElement>('[data-testid="ack-subject"]')?.value).toBe('Thanks, {{firstName}}');
    expect(element('[data-testid="site-origin"]')?.textContent).toContain(
      'https://www.northside-honda.example',
    );
    const placeholders = element('[data-testid="ack-placeholders"]')?.textContent ?? '';
    for (const field of ['{{firstName}}', '{{dealershipName}}', '{{vehicle}}', '{{assigneeName}}']) {
      expect(placeholders).toContain(field);
    }
    expect(element('[data-testid="ingest-key-hint"]')?.textContent).toContain('…a1b2');
  });

  it('saves only what changed: a new origin (tidied) and the CRM address', async () => {
    await open('manager');
    const origin = element<HTMLInputElement>('[data-testid="site-origin-input"]') as HTMLInputElement;
    origin.value = 'HTTPS://Shop.Northside-Honda.example/';
    origin.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13 } as KeyboardEventInit));
    type('crm-forward-email', 'leads@crm.example');
    await settle();
    element<HTMLButtonElement>('[data-testid="save-lead-settings"]')?.click();
    const patch = http.expectOne('/api/leads/settings');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({
      siteOrigins: ['https://www.northside-honda.example', 'https://shop.northside-honda.example'],
      crmForwardEmail: 'leads@crm.example',
    });
    patch.flush(leadSettings({ crmForwardEmail: 'leads@crm.example' }));
  });

  it('when the service refuses a field, then the reason shows on it', async () => {
    await open('manager');
    type('from-name', 'Northside Honda of Springfield');
    await settle();
    element<HTMLButtonElement>('[data-testid="save-lead-settings"]')?.click();
    http.expectOne('/api/leads/settings').flush(
      {
        type: 'https://showroom.dev/problems/validation',
        title: 'Invalid request',
        status: 400,
        invalidParams: [{ name: 'body.fromName', reason: 'must not look like an e-mail address' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(
      element('[data-testid="from-name"]')
        ?.closest('mat-form-field')
        ?.querySelector('mat-error')
        ?.textContent?.trim(),
    ).toBe('must not look like an e-mail address');
  });

  it('a manager configures leads but cannot rotate the ingest key', async () => {
    await open('manager');
    expect(element('[data-testid="rotate-ingest-key"]')).toBeNull();
  });

  it('an owner rotates the key after confirming, and sees it once with the ADF endpoint and a copy button', async () => {
    await open('owner');
    element<HTMLButtonElement>('[data-testid="rotate-ingest-key"]')?.click();
    await settle();
    http.expectNone('/api/leads/settings/ingest-key');
    document.querySelector<HTMLButtonElement>('[data-testid="confirm"]')?.click();
    await settle();
    http
      .expectOne('/api/leads/settings/ingest-key')
      .flush(
        { ingestKey: 'srk_9f8e7d6c5b4a', rotatedAt: '2026-11-21T08:00:00.000Z' },
        { status: 201, statusText: 'Created' },
      );
    await settle();

    expect(element('[data-testid="ingest-key"]')?.textContent).toBe('srk_9f8e7d6c5b4a');
    expect(element('[data-testid="adf-endpoint"]')?.textContent).toBe(
      `POST ${location.origin}/api/leads/adf`,
    );
    expect(element('[data-testid="adf-header"]')?.textContent).toBe('Authorization: Bearer srk_9f8e7d6c5b4a');
    expect(element('[data-testid="ingest-key-hint"]')?.textContent).toContain('…5b4a');
    element<HTMLButtonElement>('[data-testid="copy-ingest-key"]')?.click();
    expect(copied).toEqual(['srk_9f8e7d6c5b4a']);
  });
});
