import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_DEMO_USERS, DEMO_TOTP_SECRETS } from '@showroom/demo-data';
import { describe, expect, it } from 'vitest';

const README = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

describe('The README', () => {
  it('publishes every demo account’s TOTP secret, as seeded', () => {
    const rows = [...README.matchAll(/^\| `([^`]+@[^`]+)` +\| `([A-Z2-7]{32})` +\|$/gm)].map(
      ([, email, secret]) => ({
        email,
        secret,
      }),
    );
    const seeded = ALL_DEMO_USERS.map((user) => ({
      email: user.email,
      secret: (DEMO_TOTP_SECRETS as Record<string, string>)[user.id],
    }));
    expect(rows).toEqual(seeded);
  });
});
