import { HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { closePage, elementIn, openPage, settle as settlePage } from '../../testing/page';
import { valuationGrid } from '../deals/deal-fixtures';
import { ValuationGridEditor } from './valuation-grid-editor';

describe('ValuationGridEditor', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(grid = valuationGrid()) {
    ({ http, harness } = await openPage({
      routes: [{ path: 'retail-settings', component: ValuationGridEditor }],
      url: '/retail-settings',
      role: 'manager',
    }));
    http.expectOne('/api/retail/valuation-grid').flush(grid);
    await settle();
  }

  const settle = () => settlePage(harness);
  const rows = () =>
    Array.from(
      (harness.fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(
        '[data-testid="grid-row"]',
      ),
    );
  const cell = (row: HTMLElement, testId: string) =>
    row.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)!;
  const button = (testId: string) => elementIn<HTMLButtonElement>(harness, `[data-testid="${testId}"]`)!;

  function type(input: HTMLInputElement, value: string) {
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  afterEach(() => closePage(http));

  it('shows each row, "any" model left empty, values in dollars', async () => {
    await open();
    expect(rows()).toHaveLength(2);
    expect(cell(rows()[0], 'grid-model').value).toBe('Corolla');
    expect(cell(rows()[1], 'grid-model').value).toBe('');
    expect(cell(rows()[1], 'grid-low').value).toBe('9000');
  });

  it('adds a row, removes another, and saves the grid whole in cents', async () => {
    await open();
    button('grid-add-row').click();
    await settle();
    const added = rows()[2];
    type(cell(added, 'grid-make'), 'Ford');
    type(cell(added, 'grid-model'), 'F-150');
    type(cell(added, 'grid-year-from'), '2018');
    type(cell(added, 'grid-year-to'), '2022');
    type(cell(added, 'grid-max-miles'), '90000');
    type(cell(added, 'grid-low'), '18000');
    type(cell(added, 'grid-high'), '24500.5');
    (rows()[0].querySelector('[data-testid="grid-remove"]') as HTMLButtonElement).click();
    await settle();
    button('save-grid').click();
    await settle();

    const put = http.expectOne('/api/retail/valuation-grid');
    expect(put.request.body).toEqual({
      rows: [
        valuationGrid().rows[1],
        {
          make: 'Ford',
          model: 'F-150',
          yearFrom: 2018,
          yearTo: 2022,
          maxMileage: 90_000,
          lowCents: 1_800_000,
          highCents: 2_450_050,
        },
      ],
    });
    put.flush(put.request.body);
    await settle();
    expect(rows()).toHaveLength(2);
  });

  it('when a row is upside down, then the row says why and nothing is sent', async () => {
    await open();
    type(cell(rows()[0], 'grid-low'), '9500');
    type(cell(rows()[0], 'grid-year-from'), '2019');
    await settle();
    expect(elementIn(harness, '[data-testid="grid-row-problem"]')?.textContent).toContain(
      'the first year must not be after the last; the high value must not be below the low',
    );
    button('save-grid').click();
    await settle();
    http.expectNone('/api/retail/valuation-grid');
  });

  it('an empty grid says every trade is appraised by hand', async () => {
    await open({ rows: [] });
    expect(elementIn(harness, '[data-testid="grid-empty"]')?.textContent).toContain('appraised by hand');
  });
});
