import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_DEMO_DEALERSHIPS, ALL_DEMO_USERS, DEFAULT_DEMO_PASSWORD } from '@showroom/demo-data';
import { WORKSPACE_ROOT } from './processes';

const README = readFileSync(join(WORKSPACE_ROOT, 'README.md'), 'utf8');

interface AccountRow {
  email: string;
  name: string;
  dealerships: string[];
  role: string;
}

/** The text of the README's "Demo accounts" section, up to the next heading. */
function demoAccountsSection(markdown: string): string {
  const start = markdown.search(/^#{2,3} Demo accounts$/m);
  if (start < 0) throw new Error('README.md has no "Demo accounts" heading');
  const rest = markdown.slice(start).split('\n').slice(1).join('\n');
  const next = rest.search(/^#{1,3} /m);
  return next < 0 ? rest : rest.slice(0, next);
}

/** The rows of the section's table: account | name | dealership(s) | role. Parentheses are comments. */
function accountRows(section: string): AccountRow[] {
  const lines = section.split('\n').filter((line) => line.startsWith('|'));
  const [header, , ...rows] = lines.map((line) =>
    line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim()),
  );
  expect(header).toEqual(['account', 'name', 'dealership(s)', 'role']);
  return rows.map(([account = '', name = '', dealerships = '', role = '']) => ({
    email: account.replace(/^`|`$/g, ''),
    name,
    dealerships: dealerships
      .replace(/\([^)]*\)/g, '')
      .split(',')
      .map((dealership) => dealership.trim())
      .sort(),
    role,
  }));
}

function dealershipName(id: string): string {
  const dealership = ALL_DEMO_DEALERSHIPS.find((d) => d.id === id);
  if (!dealership) throw new Error(`demo membership of an unknown dealership ${id}`);
  return dealership.name;
}

describe("the README's demo accounts", () => {
  const section = demoAccountsSection(README);

  it('lists every demo user, each once, with the dealerships and the role they really have', () => {
    const expected = ALL_DEMO_USERS.map((user) => {
      const roles = [...new Set(user.memberships.map((m) => m.role))];
      // One role per row: a user with different roles at different rooftops needs another table.
      expect(roles, `${user.email} has one role everywhere`).toHaveLength(1);
      return {
        email: user.email,
        name: user.name,
        dealerships: user.memberships.map((m) => dealershipName(m.dealershipId)).sort(),
        role: roles[0],
      };
    });
    const byEmail = (a: { email: string }, b: { email: string }) => a.email.localeCompare(b.email);

    expect(accountRows(section).sort(byEmail)).toEqual(expected.sort(byEmail));
  });

  it('gives the password the demo accounts are seeded with', () => {
    expect(section).toContain(`\`${DEFAULT_DEMO_PASSWORD}\``);
  });
});
