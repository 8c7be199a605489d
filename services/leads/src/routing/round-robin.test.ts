import { describe, expect, it } from 'vitest';
import type { Role, TeamMember } from '@showroom/contracts';
import { nextInTurn } from './round-robin';

const person = (id: string, role: Role = 'sales', available = true): TeamMember => ({
  id,
  name: id,
  email: `${id}@example.test`,
  role,
  available,
});

describe('nextInTurn', () => {
  const team = [
    person('c'),
    person('a'),
    person('boss', 'manager'),
    person('b', 'sales', false),
    person('v', 'viewer'),
  ];

  it('goes round the available salespeople in a stable order', () => {
    const turns: string[] = [];
    let last: string | null = null;
    for (let i = 0; i < 5; i++) {
      last = nextInTurn(team, last)?.id ?? null;
      turns.push(String(last));
    }
    expect(turns).toEqual(['a', 'c', 'a', 'c', 'a']);
  });

  it('continues after someone who left or became unavailable', () => {
    expect(nextInTurn(team, 'b')?.id).toBe('c');
    expect(nextInTurn(team, 'zz')?.id).toBe('a');
  });

  it('finds nobody when no salesperson is available', () => {
    expect(nextInTurn([person('boss', 'manager'), person('b', 'sales', false)], null)).toBeNull();
  });
});
