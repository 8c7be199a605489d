import { PLATFORM_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SITE } from '../site/site';
import { DEALERSHIP_ID, site } from '../shared/testing/fixtures';
import { ConsentBanner } from './consent-banner';
import { ShopperAnalytics } from './shopper-analytics';
import { CONSENT_KEY } from './visit';

const RULES_URL = `http://localhost:4200/api/analytics/public/dealerships/${DEALERSHIP_ID}/collection`;

async function bannerUnderOptIn() {
  sessionStorage.clear();
  localStorage.clear();
  Object.defineProperty(window, 'fetch', {
    configurable: true,
    writable: true,
    value: vi.fn(async (url: string) => {
      expect(url).toBe(RULES_URL);
      return { ok: true, json: async () => ({ consent: 'opt_in', sampleRate: 1 }) } as Response;
    }),
  });
  TestBed.configureTestingModule({
    providers: [
      { provide: SITE, useValue: site() },
      { provide: PLATFORM_ID, useValue: 'browser' },
    ],
  });
  const analytics = TestBed.inject(ShopperAnalytics);
  await analytics.begin();
  expect(analytics.consentNeeded()).toBe(true);
  const main = document.body.appendChild(document.createElement('main'));
  main.id = 'main';
  main.tabIndex = -1;
  const fixture = TestBed.createComponent(ConsentBanner);
  await fixture.whenStable();
  const banner = fixture.nativeElement as HTMLElement;
  const button = (name: string) =>
    Array.from(banner.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === name,
    ) as HTMLButtonElement;
  return { analytics, banner, button, main, cleanUp: () => main.remove() };
}

describe('ConsentBanner', () => {
  it('is a region named by its heading, with two real buttons, asking in the dealership’s name', async () => {
    const { banner, button, cleanUp } = await bannerUnderOptIn();
    const region = banner.querySelector('section');
    const heading = banner.querySelector(`#${region?.getAttribute('aria-labelledby')}`);
    expect(heading?.tagName).toBe('H2');
    expect(heading?.textContent).toBe('May we count your visit?');
    expect(banner.textContent).toContain('Demo Motors Downtown');
    expect(button('Allow').type).toBe('button');
    expect(button('No, thanks').type).toBe('button');
    cleanUp();
  });

  it('when the shopper allows, then the visit is counted, the answer kept, and the focus goes to the page', async () => {
    const { analytics, button, main, cleanUp } = await bannerUnderOptIn();
    button('Allow').click();
    expect(analytics.consentNeeded()).toBe(false);
    expect(localStorage.getItem(CONSENT_KEY)).toBe('granted');
    expect(document.activeElement).toBe(main);
    cleanUp();
  });

  it('when the shopper declines, then the answer is kept and the banner is not needed any more', async () => {
    const { analytics, button, cleanUp } = await bannerUnderOptIn();
    button('No, thanks').click();
    expect(analytics.consentNeeded()).toBe(false);
    expect(localStorage.getItem(CONSENT_KEY)).toBe('denied');
    cleanUp();
  });
});
