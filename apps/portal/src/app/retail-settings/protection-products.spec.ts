import { HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { closePage, elementIn, openPage, overlayElement, settle as settlePage } from '../../testing/page';
import { GAP_ID, retailTerms, SERVICE_CONTRACT_ID } from '../deals/deal-fixtures';
import { ProtectionProducts } from './protection-products';

describe('ProtectionProducts', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  const products = retailTerms().products;

  async function open() {
    ({ http, harness } = await openPage({
      routes: [{ path: 'retail-settings', component: ProtectionProducts }],
      url: '/retail-settings',
      role: 'owner',
    }));
    http.expectOne('/api/retail/products').flush({ items: products });
    await settle();
  }

  const settle = () => settlePage(harness);
  const all = (testId: string) =>
    Array.from(
      (harness.fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(
        `[data-testid="${testId}"]`,
      ),
    );
  const product = (id: string) => elementIn(harness, `[data-product-id="${id}"]`) as HTMLElement;
  const inDialog = <T extends HTMLElement = HTMLElement>(testId: string) =>
    overlayElement<T>(`[data-testid="${testId}"]`) as T;

  function typeIn(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  /** The dialog hands its result over once it has closed. */
  async function closed() {
    await vi.waitFor(() => expect(overlayElement('mat-dialog-container')).toBeNull());
    await settle();
  }

  afterEach(() => closePage(http));

  it('lists the menu with each coverage term and price', async () => {
    await open();
    expect(all('product-name').map((name) => name.textContent)).toEqual([
      'GAP protection',
      'Powertrain care',
    ]);
    expect(
      product(SERVICE_CONTRACT_ID).querySelector('[data-testid="product-options"]')?.textContent,
    ).toContain('60 mo · $2,195.00');
  });

  it('adds a product with two coverage options, sent in cents and in term order', async () => {
    await open();
    (elementIn(harness, '[data-testid="add-product"]') as HTMLButtonElement).click();
    await settle();
    typeIn(inDialog<HTMLInputElement>('product-name'), 'Tire & wheel');
    const [term] = Array.from(document.querySelectorAll<HTMLInputElement>('[data-testid="option-term"]'));
    typeIn(term, '48');
    typeIn(document.querySelector<HTMLInputElement>('[data-testid="option-price"]')!, '899');
    inDialog<HTMLButtonElement>('add-option').click();
    await settle();
    const terms = document.querySelectorAll<HTMLInputElement>('[data-testid="option-term"]');
    const prices = document.querySelectorAll<HTMLInputElement>('[data-testid="option-price"]');
    typeIn(terms[1], '24');
    typeIn(prices[1], '499.99');
    await settle();
    inDialog<HTMLButtonElement>('save-product').click();
    await settle();
    await closed();

    const post = http.expectOne('/api/retail/products');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({
      kind: 'service-contract',
      name: 'Tire & wheel',
      description: '',
      active: true,
      options: [
        { termMonths: 24, priceCents: 49_999 },
        { termMonths: 48, priceCents: 89_900 },
      ],
    });
    post.flush({ ...post.request.body, id: '11111111-2222-4333-8444-555555555555' });
    await settle();
    expect(all('product')).toHaveLength(3);
  });

  it('when two options have the same term, then the dialog says so and sends nothing', async () => {
    await open();
    (product(SERVICE_CONTRACT_ID).querySelector('[data-testid="edit-product"]') as HTMLButtonElement).click();
    await settle();
    const terms = document.querySelectorAll<HTMLInputElement>('[data-testid="option-term"]');
    typeIn(terms[1], '36');
    await settle();
    inDialog<HTMLButtonElement>('save-product').click();
    await settle();
    expect(inDialog('option-repeated').textContent).toContain('Each coverage term once');
    http.expectNone(`/api/retail/products/${SERVICE_CONTRACT_ID}`);
  });

  it('deactivates a product (kept, not offered) and deletes another after a confirmation', async () => {
    await open();
    (product(GAP_ID).querySelector('[data-testid="toggle-product"]') as HTMLButtonElement).click();
    await settle();
    const put = http.expectOne(`/api/retail/products/${GAP_ID}`);
    expect(put.request.body).toEqual({
      kind: 'gap',
      name: 'GAP protection',
      description: products[0].description,
      options: products[0].options,
      active: false,
    });
    put.flush({ ...products[0], active: false });
    await settle();
    expect(product(GAP_ID).querySelector('[data-testid="product-inactive"]')?.textContent).toBe(
      'Not offered',
    );
    expect(product(GAP_ID).querySelector('[data-testid="toggle-product"]')?.textContent?.trim()).toBe(
      'Activate',
    );

    (
      product(SERVICE_CONTRACT_ID).querySelector('[data-testid="delete-product"]') as HTMLButtonElement
    ).click();
    await settle();
    inDialog<HTMLButtonElement>('confirm').click();
    await settle();
    await closed();
    const remove = http.expectOne(`/api/retail/products/${SERVICE_CONTRACT_ID}`);
    expect(remove.request.method).toBe('DELETE');
    remove.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(all('product')).toHaveLength(1);
  });
});
