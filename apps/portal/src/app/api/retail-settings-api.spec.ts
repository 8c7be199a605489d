import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { GAP_ID, retailSettings, retailTerms, valuationGrid } from '../deals/deal-fixtures';
import { RetailSettingsApi } from './retail-settings-api';

describe('RetailSettingsApi', () => {
  let api: RetailSettingsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(RetailSettingsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('saves the settings with If-Match naming the version they were read at', async () => {
    const { version, updatedAt, ...update } = retailSettings();
    expect(updatedAt).toBeTruthy();
    const saved = firstValueFrom(api.updateSettings(version, update));
    const put = http.expectOne('/api/retail/settings');
    expect(put.request.method).toBe('PUT');
    expect(put.request.headers.get('If-Match')).toBe('"v7"');
    put.flush(retailSettings({ version: 8 }));
    expect((await saved).version).toBe(8);
  });

  it('lists, creates, replaces and deletes protection products', async () => {
    const [gap] = retailTerms().products;
    const { id, ...input } = gap;
    const listed = firstValueFrom(api.products());
    http.expectOne('/api/retail/products').flush({ items: [gap] });
    expect((await listed).map((product) => product.id)).toEqual([id]);

    const created = firstValueFrom(api.createProduct(input));
    const post = http.expectOne('/api/retail/products');
    expect(post.request.method).toBe('POST');
    post.flush(gap);
    await created;

    const replaced = firstValueFrom(api.updateProduct(GAP_ID, { ...input, active: false }));
    const put = http.expectOne(`/api/retail/products/${GAP_ID}`);
    expect(put.request.body.active).toBe(false);
    put.flush({ ...gap, active: false });
    expect((await replaced).active).toBe(false);

    const deleted = firstValueFrom(api.deleteProduct(GAP_ID));
    const remove = http.expectOne(`/api/retail/products/${GAP_ID}`);
    expect(remove.request.method).toBe('DELETE');
    remove.flush(null, { status: 204, statusText: 'No Content' });
    await expect(deleted).resolves.toBeUndefined();
  });

  it('reads and saves the valuation grid whole', async () => {
    const read = firstValueFrom(api.valuationGrid());
    http.expectOne('/api/retail/valuation-grid').flush(valuationGrid());
    const grid = await read;
    const saved = firstValueFrom(api.saveValuationGrid(grid));
    const put = http.expectOne('/api/retail/valuation-grid');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual(grid);
    put.flush(grid);
    expect((await saved).rows).toHaveLength(2);
  });
});
