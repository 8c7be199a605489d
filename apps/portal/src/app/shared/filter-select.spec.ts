import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import { FilterSelect, type SelectFilter } from './filter-select';

@Component({
  imports: [FilterSelect, ReactiveFormsModule],
  template: `
    <form [formGroup]="form">
      <sr-filter-select [filter]="status" (chosen)="picked.push(form.controls.status.value)" />
      <sr-filter-select [filter]="make" />
    </form>
  `,
})
class BarStandIn {
  readonly form = new FormGroup({
    status: new FormControl<string[]>([]),
    make: new FormControl<string | null>('Honda'),
  });
  readonly status: SelectFilter = {
    label: 'Status',
    name: 'status',
    testId: 'filter-status',
    multiple: true,
    options: [
      { value: 'available', label: 'Available' },
      { value: 'sold', label: 'Sold' },
    ],
  };
  readonly make: SelectFilter = {
    label: 'Make',
    name: 'make',
    testId: 'filter-make',
    optionTestId: 'facet-make',
    countNoun: 'vehicles',
    anyLabel: 'Any make',
    options: [
      { value: 'Honda', label: 'Honda', count: 12 },
      { value: 'Kia', label: 'Kia', count: null },
    ],
  };
  readonly picked: unknown[] = [];
}

describe('FilterSelect', () => {
  async function open() {
    const fixture = TestBed.createComponent(BarStandIn);
    fixture.detectChanges();
    await fixture.whenStable();
    return { fixture, loader: TestbedHarnessEnvironment.documentRootLoader(fixture) };
  }

  it('keeps the attributes QA matches on the select: formcontrolname, name and data-testid', async () => {
    const { fixture } = await open();
    const select = (fixture.nativeElement as HTMLElement).querySelector('mat-select');
    expect(select?.getAttribute('formcontrolname')).toBe('status');
    expect(select?.getAttribute('name')).toBe('status');
    expect(select?.getAttribute('data-testid')).toBe('filter-status');
  });

  it('when the dealer picks choices, then the bar’s control holds them, each pick is reported and the field names them', async () => {
    const { fixture, loader } = await open();
    const status = await loader.getHarness(
      MatSelectHarness.with({ selector: '[data-testid="filter-status"]' }),
    );
    await status.open();
    await status.clickOptions({ text: 'Sold' });
    await status.clickOptions({ text: 'Available' });

    expect(fixture.componentInstance.form.controls.status.value).toEqual(['available', 'sold']);
    expect(fixture.componentInstance.picked).toEqual([['sold'], ['available', 'sold']]);
    expect(await status.getValueText()).toBe('Available, Sold');
    await status.close();
  });

  it('offers "Any make" first and shows each facet’s count, read out as vehicles', async () => {
    const { loader } = await open();
    const make = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="filter-make"]' }));
    expect(await make.getValueText()).toBe('Honda');
    await make.open();
    const options = await make.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual([
      'Any make',
      'Honda12',
      'Kia',
    ]);
    const count = document.querySelector('[data-testid="facet-make"] .facet__count');
    expect(count?.getAttribute('aria-label')).toBe('12 vehicles');

    await make.clickOptions({ text: 'Any make' });
    expect(await make.getValueText()).toBe('');
  });
});
