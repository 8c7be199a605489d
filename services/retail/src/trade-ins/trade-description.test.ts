import { describe, expect, it } from 'vitest';
import { HttpProblem } from '@showroom/server-kit';
import type { TradeInInput } from '@showroom/contracts';
import { describeTrade } from './trade-description';

const HONDA_2003 = '1HGCM82633A004352';
const base: TradeInInput = {
  mileage: 120_000,
  condition: { overall: 'good', accidents: false, mechanicalIssues: false, warningLights: false, keys: 2 },
  payoffCents: 0,
};

function refusal(input: TradeInInput): HttpProblem {
  try {
    describeTrade(input, 2026);
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
  throw new Error('the trade was accepted');
}

describe('describing a trade', () => {
  it('fills the year and make from the VIN', () => {
    expect(describeTrade({ ...base, vin: HONDA_2003, model: 'Accord' }, 2026)).toEqual({
      vin: HONDA_2003,
      year: 2003,
      make: 'Honda',
      model: 'Accord',
      trim: null,
    });
  });

  it('accepts a typed year and make that agree with the VIN (the make in any case)', () => {
    expect(describeTrade({ ...base, vin: HONDA_2003, year: 2003, make: 'HONDA' }, 2026)).toMatchObject({
      year: 2003,
      make: 'HONDA',
    });
  });

  it('refuses a typed make or year the VIN contradicts with 422, naming the field', () => {
    const make = refusal({ ...base, vin: HONDA_2003, make: 'Toyota' });
    expect(make.status).toBe(422);
    expect(make.invalidParams?.map((p) => p.name)).toEqual(['body.make']);
    expect(make.invalidParams?.[0]?.reason).toContain('Honda');
    const year = refusal({ ...base, vin: HONDA_2003, year: 2005 });
    expect(year.status).toBe(422);
    expect(year.invalidParams?.map((p) => p.name)).toEqual(['body.year']);
  });

  it('asks for the year when the VIN does not tell it', () => {
    // Position 10 is Y with a letter in position 7: 2030, after next year.
    const problem = refusal({ ...base, vin: '5YJ3E1EA1YF317000' });
    expect(problem.invalidParams?.map((p) => p.name)).toEqual(['body.year']);
    expect(describeTrade({ ...base, vin: '5YJ3E1EA1YF317000', year: 2020 }, 2026).make).toBe('Tesla');
  });

  it('takes year, make and model as typed without a VIN', () => {
    expect(describeTrade({ ...base, year: 2019, make: 'Honda', model: 'Civic', trim: 'EX' }, 2026)).toEqual({
      vin: null,
      year: 2019,
      make: 'Honda',
      model: 'Civic',
      trim: 'EX',
    });
  });
});
