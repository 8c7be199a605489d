import { TestBed } from '@angular/core/testing';
import { DealPartChip, DealStatusChip } from './deal-chips';
import { dealVehicleTitle, formatBps } from './deal-labels';

describe('deal chips and labels', () => {
  it('says a deal’s status in words, with its status for styling and tests', () => {
    const fixture = TestBed.createComponent(DealStatusChip);
    fixture.componentRef.setInput('status', 'countered');
    fixture.detectChanges();
    const chip = (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('.chip');
    expect(chip?.textContent).toBe('Countered');
    expect(chip?.dataset['status']).toBe('countered');
  });

  it('marks a trade waiting for an appraisal as needing attention, and a held car as done', () => {
    const fixture = TestBed.createComponent(DealPartChip);
    fixture.componentRef.setInput('value', { part: 'trade', status: 'awaiting-appraisal' });
    fixture.detectChanges();
    const chip = () => (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('.chip');
    expect(chip()?.textContent).toBe('Trade to appraise');
    expect(chip()?.classList).toContain('chip--warn');
    fixture.componentRef.setInput('value', { part: 'reservation', status: 'held' });
    fixture.detectChanges();
    expect(chip()?.textContent).toBe('Reserved');
    expect(chip()?.classList).toContain('chip--success');
  });

  it('names a vehicle and a rate as dealers read them', () => {
    expect(dealVehicleTitle({ year: 2022, make: 'Honda', model: 'Accord', trim: null })).toBe(
      '2022 Honda Accord',
    );
    expect(formatBps(549)).toBe('5.49%');
  });
});
