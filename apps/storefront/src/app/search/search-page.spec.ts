import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SITE } from '../site/site';
import { hit, site, vehicleList } from '../shared/testing/fixtures';
import { SearchPage } from './search-page';

const apiPath = `/api/inventory/public/dealerships/${site().dealershipId}/vehicles`;

async function openResults(url: string) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'cars', component: SearchPage }]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: SITE, useValue: site() },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  return { harness, http: TestBed.inject(HttpTestingController) };
}

const links = (root: HTMLElement, selector: string) =>
  Array.from(root.querySelectorAll<HTMLAnchorElement>(selector)).map((a) => a.getAttribute('href'));

describe('SearchPage', () => {
  it('when a shopper opens page 2 of the Toyotas, then it asks the API for that page and links every page with real hrefs', async () => {
    const { harness, http } = await openResults('/cars?make=Toyota&page=2');
    const request = http.expectOne((r) => r.url.endsWith(apiPath));
    expect(request.request.params.get('make')).toBe('Toyota');
    expect(request.request.params.get('page')).toBe('2');
    request.flush(vehicleList({ items: [hit()], page: 2, total: 80 }));
    await harness.fixture.whenStable();
    const page = harness.routeNativeElement as HTMLElement;

    expect(page.querySelector('[role="status"]')?.textContent?.trim()).toBe('80 cars');
    expect(links(page, 'a[rel="prev"]')).toEqual(['/cars?make=Toyota']);
    expect(links(page, 'a[rel="next"]')).toEqual(['/cars?make=Toyota&page=3']);
    expect(page.querySelector('a[aria-current="page"][aria-label="Page 2"]')).not.toBeNull();
    const itemList = JSON.parse(document.head.querySelector('script#results')?.textContent ?? '{}');
    expect(itemList).toMatchObject({ '@type': 'ItemList', numberOfItems: 80 });
    expect(itemList.itemListElement[0]).toMatchObject({
      position: 26,
      url: `http://demo-motors-downtown.localhost:4400/cars/${hit().id}/2021-toyota-camry-se`,
    });
    expect(page.querySelector('[data-testid="results"]')?.getAttribute('aria-busy')).toBeNull();
    expect(links(page, '.paging a:not([rel])')).toEqual([
      '/cars?make=Toyota',
      '/cars?make=Toyota&page=2',
      '/cars?make=Toyota&page=3',
      '/cars?make=Toyota&page=4',
    ]);
  });

  it('links each facet value to the results with it picked (or unpicked), back on page 1', async () => {
    const { harness, http } = await openResults('/cars?make=Toyota&page=2');
    http.expectOne((r) => r.url.endsWith(apiPath)).flush(vehicleList({ total: 80 }));
    await harness.fixture.whenStable();
    const page = harness.routeNativeElement as HTMLElement;

    // Toyota is picked: its link unpicks it; Honda's adds Honda to it.
    expect(links(page, '#facet-make ~ ul a.value')).toEqual(['/cars', '/cars?make=Honda,Toyota']);
    expect(page.querySelector('#facet-make ~ ul a.picked')?.textContent).toContain('Toyota');
    expect(links(page, '#facet-bodyStyle ~ ul a.value')).toEqual(['/cars?bodyStyle=suv&make=Toyota']);
    // The range form is a GET form to /cars that carries the make along.
    const form = page.querySelector<HTMLFormElement>('form.ranges');
    expect(form?.getAttribute('method')).toBe('get');
    expect(form?.getAttribute('action')).toBe('/cars');
    expect(form?.querySelector<HTMLInputElement>('input[type="hidden"][name="make"]')?.value).toBe('Toyota');
  });

  it('when nothing matches, then it says so and offers the way back to every car', async () => {
    const { harness, http } = await openResults('/cars?q=lamborghini');
    http.expectOne((r) => r.url.endsWith(apiPath)).flush(vehicleList({ items: [], total: 0, facets: {} }));
    await harness.fixture.whenStable();
    const page = harness.routeNativeElement as HTMLElement;

    expect(page.querySelector('.empty h2')?.textContent).toBe('No cars match your search');
    expect(links(page, '.empty a')).toContain('/cars');
    expect(page.querySelector('nav.paging')).toBeNull();
    expect(links(page, '.active a')).toEqual(['/cars', '/cars']);
  });
});
