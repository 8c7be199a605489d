import { site } from './testing/fixtures';
import { clockAt, dayHoursText, formatClock, openState, openStateText, whenText } from './opening-hours';

const { hours } = site();

describe('opening hours in the dealership’s time zone', () => {
  it('reads the clock in the dealership’s zone, not the server’s: 01:30 UTC Saturday is Friday evening in Austin', () => {
    expect(clockAt('America/Chicago', new Date('2026-12-05T01:30:00Z'))).toEqual({
      day: 'fri',
      time: '19:30',
    });
  });

  it('says a day’s hours in 12-hour time, two periods joined, or Closed', () => {
    expect(formatClock('09:00')).toBe('9:00 AM');
    expect(formatClock('12:30')).toBe('12:30 PM');
    expect(formatClock('00:15')).toBe('12:15 AM');
    expect(dayHoursText(hours, 'sat')).toBe('10:00 AM – 5:00 PM');
    expect(dayHoursText(hours, 'sun')).toBe('Closed');
    expect(
      dayHoursText(
        [
          { day: 'mon', opens: '13:00', closes: '18:00' },
          { day: 'mon', opens: '09:00', closes: '12:00' },
        ],
        'mon',
      ),
    ).toBe('9:00 AM – 12:00 PM, 1:00 PM – 6:00 PM');
  });

  it('is open until closing time during a period', () => {
    expect(openStateText(openState(hours, { day: 'tue', time: '18:59' }))).toBe('Open now · until 7:00 PM');
  });

  it('after Saturday closing, the next opening is Monday (Sunday is closed)', () => {
    const state = openState(hours, { day: 'sat', time: '17:00' });
    expect(state).toEqual({
      open: false,
      next: { day: 'mon', opens: '09:00', today: false, tomorrow: false },
    });
    expect(openStateText(state)).toBe('Closed · opens Monday at 9:00 AM');
  });

  it('before opening it opens today, after closing tomorrow', () => {
    const early = openState(hours, { day: 'wed', time: '07:45' });
    const late = openState(hours, { day: 'wed', time: '21:00' });
    expect(!early.open && early.next && whenText(early.next)).toBe('today at 9:00 AM');
    expect(!late.open && late.next && whenText(late.next)).toBe('tomorrow at 9:00 AM');
  });

  it('has nothing to promise when the dealership published no hours', () => {
    expect(openState([], { day: 'mon', time: '10:00' })).toEqual({ open: false, next: null });
    expect(openStateText({ open: false, next: null })).toBe('');
  });
});
