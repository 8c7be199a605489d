import { OpeningHoursSchema } from '@showroom/contracts';
import { dayProblem, daysOf, hoursOf, sameHours } from './opening-hours';

describe('opening hours', () => {
  const week = [
    { day: 'sat' as const, opens: '13:00', closes: '17:00' },
    { day: 'mon' as const, opens: '09:00', closes: '19:00' },
    { day: 'sat' as const, opens: '09:00', closes: '12:00' },
  ];

  it('shows the week Monday first, a day without periods closed, periods by opening time', () => {
    const days = daysOf(week);
    expect(days.map((day) => day.day)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(days[1]).toEqual({ day: 'tue', open: false, periods: [{ opens: '09:00', closes: '18:00' }] });
    expect(days[5].periods).toEqual([
      { opens: '09:00', closes: '12:00' },
      { opens: '13:00', closes: '17:00' },
    ]);
  });

  it('gives back the contract’s shape, which the contract accepts; a closed day keeps nothing', () => {
    const days = daysOf(week);
    days[1] = { ...days[1], open: true, periods: [{ opens: '10:00', closes: '16:00' }] };
    days[5] = { ...days[5], open: false };
    const hours = hoursOf(days);
    expect(hours).toEqual([
      { day: 'mon', opens: '09:00', closes: '19:00' },
      { day: 'tue', opens: '10:00', closes: '16:00' },
    ]);
    expect(OpeningHoursSchema.safeParse(hours).success).toBe(true);
  });

  it('the same hours in another order are no change', () => {
    expect(sameHours(week, [...week].reverse())).toBe(true);
    expect(sameHours(week, week.slice(1))).toBe(false);
  });

  it('a day that closes before it opens, or whose periods overlap, says so; a closed day is never wrong', () => {
    expect(dayProblem({ day: 'mon', open: true, periods: [{ opens: '18:00', closes: '09:00' }] })).toBe(
      'It must close after it opens',
    );
    expect(
      dayProblem({
        day: 'mon',
        open: true,
        periods: [
          { opens: '09:00', closes: '13:00' },
          { opens: '12:00', closes: '17:00' },
        ],
      }),
    ).toBe('The second period starts before the first one ends');
    expect(dayProblem({ day: 'mon', open: true, periods: [{ opens: '', closes: '17:00' }] })).toBe(
      'Enter both times as HH:MM',
    );
    expect(
      dayProblem({ day: 'mon', open: false, periods: [{ opens: '18:00', closes: '09:00' }] }),
    ).toBeNull();
  });
});
