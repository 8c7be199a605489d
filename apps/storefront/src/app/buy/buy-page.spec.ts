import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { StartDealInput } from '@showroom/contracts';
import { appRoutes } from '../app.routes';
import { SITE } from '../site/site';
import { VEHICLE_ID, site, vehicle } from '../shared/testing/fixtures';
import { ACCESS_TOKEN, DEAL_ID, retailTerms, shopperDeal } from '../shared/testing/retail-fixtures';

const API = `http://localhost:4200/api`;
const DEALERSHIP = site().dealershipId;
const VEHICLE_URL = `${API}/inventory/public/dealerships/${DEALERSHIP}/vehicles/${VEHICLE_ID}`;
const TERMS_URL = `${API}/retail/public/dealerships/${DEALERSHIP}/terms`;
const DEALS_URL = `${API}/retail/public/dealerships/${DEALERSHIP}/deals`;
const BUY_PATH = `/cars/${VEHICLE_ID}/2021-toyota-camry-se/buy`;

async function openBuyPage(query = '') {
  TestBed.configureTestingModule({
    providers: [
      provideRouter(appRoutes),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: SITE, useValue: site() },
    ],
  });
  const harness = await RouterTestingHarness.create();
  const navigation = harness.navigateByUrl(`${BUY_PATH}${query}`);
  const http = TestBed.inject(HttpTestingController);
  (await vi.waitFor(() => http.expectOne(VEHICLE_URL))).flush(vehicle());
  http.expectOne(TERMS_URL).flush(retailTerms());
  await navigation;
  await harness.fixture.whenStable();
  const page = harness.routeNativeElement as HTMLElement;
  const type = async (id: string, value: string) => {
    const field = page.querySelector<HTMLInputElement>(`#${id}`);
    if (!field) throw new Error(`no #${id}`);
    field.value = value;
    field.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
  };
  const submit = async () => {
    page.querySelector<HTMLButtonElement>('[data-testid="start-deal"]')?.click();
    await harness.fixture.whenStable();
  };
  return { harness, http, page, type, submit };
}

describe('BuyPage', () => {
  beforeEach(() => sessionStorage.clear());

  it('starts from the structure the vehicle page’s link carries, with the payment and the disclosure', async () => {
    const { page } = await openBuyPage('?kind=lease&down=300000&term=24&tier=fair');
    expect(page.querySelector('h1')?.textContent).toBe('Buy the 2021 Toyota Camry SE online');
    expect(page.querySelector<HTMLInputElement>('input[type="radio"][value="lease"]')?.checked).toBe(true);
    expect(page.querySelector<HTMLInputElement>('input[name="downPayment"]')?.value).toBe('3000');
    expect(page.querySelector<HTMLSelectElement>('select[name="termMonths"]')?.value).toBe('24');
    expect(page.querySelector<HTMLSelectElement>('select[name="creditTier"]')?.value).toBe('fair');
    expect(page.querySelector('[data-testid="monthly-payment"]')?.textContent).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(page.querySelector('[data-testid="payment-disclosure"]')?.textContent).toContain(
      'not an offer of credit',
    );
    expect(document.head.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
  });

  it('when the shopper sends it empty, then each missing field says so, the count is announced and the first takes the focus', async () => {
    const { page, submit, http } = await openBuyPage();
    await submit();
    for (const id of ['buy-firstName', 'buy-lastName', 'buy-email']) {
      const field = page.querySelector(`#${id}`);
      expect(field?.getAttribute('aria-invalid'), id).toBe('true');
      expect(
        page.querySelector(`#${field?.getAttribute('aria-describedby')?.split(' ')[0]}`)?.textContent,
      ).toBeTruthy();
    }
    expect(page.querySelector('#buy-status')?.textContent).toContain('3 fields need your attention.');
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('buy-firstName'));
    http.expectNone(DEALS_URL);
  });

  it('starts the deal, keeps its access token in this tab only, and opens the deal page', async () => {
    const { type, submit, http, harness } = await openBuyPage('?kind=cash&down=2499900');
    await type('buy-firstName', ' Dana ');
    await type('buy-lastName', 'Shopper');
    await type('buy-email', 'dana@example.test');
    await submit();

    const request = http.expectOne(DEALS_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    const body = request.request.body as StartDealInput;
    expect(body).toEqual({
      vehicleId: VEHICLE_ID,
      shopper: { firstName: 'Dana', lastName: 'Shopper', email: 'dana@example.test' },
      structure: {
        kind: 'cash',
        downPaymentCents: 2_499_900,
        termMonths: 60,
        creditTier: 'good',
        products: [],
      },
    });
    request.flush({ deal: shopperDeal(), accessToken: ACCESS_TOKEN }, { status: 201, statusText: 'Created' });
    await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe(`/deals/${DEAL_ID}`));
    expect(sessionStorage.getItem(`sf-deal-access:${DEAL_ID}`)).toBe(ACCESS_TOKEN);
    await harness.fixture.whenStable();
    const open = await vi.waitFor(() => http.expectOne(`${DEALS_URL}/${DEAL_ID}`));
    expect(open.request.headers.get('x-deal-access')).toBe(ACCESS_TOKEN);
  });

  it('when the API refuses the e-mail, the reason shows at the e-mail field', async () => {
    const { type, submit, http, page } = await openBuyPage();
    await type('buy-firstName', 'Dana');
    await type('buy-lastName', 'Shopper');
    await type('buy-email', 'dana@example.test');
    await submit();
    http.expectOne(DEALS_URL).flush(
      {
        type: 'https://showroom.dev/problems/validation',
        title: 'Invalid request',
        status: 400,
        invalidParams: [{ name: 'body.shopper.email', reason: 'invalid email address' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await vi.waitFor(() =>
      expect(page.querySelector('#buy-email-error')?.textContent).toBe('Invalid email address.'),
    );
    expect(sessionStorage.length).toBe(0);
  });

  it('a link with an old slug goes to the buy page’s one URL', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SITE, useValue: site() },
      ],
    });
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(`/cars/${VEHICLE_ID}/2020-toyota-corolla/buy`);
    const http = TestBed.inject(HttpTestingController);
    (await vi.waitFor(() => http.expectOne(VEHICLE_URL))).flush(vehicle());
    http.match(TERMS_URL).forEach((request) => request.cancelled || request.flush(retailTerms()));
    (await vi.waitFor(() => http.expectOne(VEHICLE_URL))).flush(vehicle());
    http.match(TERMS_URL).forEach((request) => request.cancelled || request.flush(retailTerms()));
    await navigation;
    expect(TestBed.inject(Router).url).toBe(BUY_PATH);
  });
});
