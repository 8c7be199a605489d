import policies from 'auth0-password-policies';
import { PasswordPolicy } from 'password-sheriff';
import { describe, expect, it } from 'vitest';
import { unguessablePassword } from './auth0-identity';

describe('the password an invited person’s account is created with', () => {
  it('passes Auth0’s "excellent" policy every time, and is never the same twice', () => {
    const excellent = new PasswordPolicy(policies.excellent);
    const samples = Array.from({ length: 5000 }, unguessablePassword);
    expect(samples.filter((password) => !excellent.check(password))).toEqual([]);
    expect(samples.filter((password) => /(.)\1\1/.test(password))).toEqual([]);
    expect(new Set(samples).size).toBe(samples.length);
  });
});
