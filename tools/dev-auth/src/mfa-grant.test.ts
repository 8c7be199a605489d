import { DEMO_USERS } from '@showroom/demo-data';
import { demoTotpCode } from '@showroom/demo-data/mfa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MFA_OTP_GRANT, MFA_RECOVERY_CODE_GRANT, PASSWORD_REALM_GRANT } from './clients';
import { MFA_TOKEN_TTL_MS } from './mfa-tokens';
import { hashRecoveryCodes, newRecoveryCodes } from './recovery-codes';
import { API, PASSWORD, decodeJwt, postForm, startDevAuth, type RunningDevAuth } from './testing/harness';
import { TOTP_STEP_MS } from './totp';

const owner = DEMO_USERS.owner;

const passwordGrant = (username = owner.email, password = PASSWORD) => ({
  grant_type: PASSWORD_REALM_GRANT,
  realm: 'Username-Password-Authentication',
  client_id: 'showroom-e2e',
  username,
  password,
  audience: API,
  scope: 'openid profile email offline_access',
});

/** The claims two tokens for the same sign-in share (not when or which token). */
function lasting(token: unknown): Record<string, unknown> {
  const {
    iat: _iat,
    exp: _exp,
    jti: _jti,
    auth_time: _authTime,
    ...claims
  } = decodeJwt(String(token)).payload;
  return claims;
}

describe('The token endpoint asks an enrolled account for its second factor, as Auth0 does', () => {
  let devAuth: RunningDevAuth;
  const token = (fields: Record<string, string>) => postForm(`${devAuth.url}/oauth/token`, fields);

  async function mfaToken(): Promise<string> {
    const challenged = await token(passwordGrant());
    expect(challenged.status).toBe(403);
    expect(challenged.body).toEqual({
      error: 'mfa_required',
      error_description: 'Multifactor authentication required',
      mfa_token: expect.stringMatching(/^[\w-]{43}$/),
    });
    return String(challenged.body['mfa_token']);
  }
  const otp = (mfa_token: string, code: string) =>
    token({ grant_type: MFA_OTP_GRANT, client_id: 'showroom-e2e', mfa_token, otp: code });

  beforeAll(async () => {
    devAuth = await startDevAuth({ env: { DEV_AUTH_MFA_REQUIRED_ROLES: '' } });
  });
  afterAll(() => devAuth.close());

  it('answers mfa_required with an mfa_token, and mfa-otp gives the token the password grant gives without MFA', async () => {
    devAuth.clock.advance(TOTP_STEP_MS);
    const completed = await otp(await mfaToken(), demoTotpCode(owner.email, devAuth.clock.now()));
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({
      token_type: 'Bearer',
      scope: 'openid profile email offline_access',
    });
    expect(typeof completed.body['refresh_token']).toBe('string');

    // The same account without an app (and no role requiring one) gets its token straight away.
    const enrolment = devAuth.accounts.mfaOf(owner.id);
    await devAuth.accounts.setMfa(owner.id, undefined);
    const direct = await token(passwordGrant());
    await devAuth.accounts.setMfa(owner.id, enrolment);
    expect(direct.status).toBe(200);
    expect(lasting(completed.body['access_token'])).toEqual(lasting(direct.body['access_token']));
    expect(lasting(completed.body['access_token'])).toMatchObject({ sub: owner.id, gty: 'password' });
    expect(lasting(completed.body['id_token'])).toEqual(lasting(direct.body['id_token']));
  });

  it('refuses a wrong code with "Invalid otp_code.", lets the right one through the same mfa_token, and then never again', async () => {
    devAuth.clock.advance(TOTP_STEP_MS);
    const mfa = await mfaToken();
    expect(await otp(mfa, '123456')).toEqual({
      status: 403,
      headers: expect.anything(),
      body: { error: 'invalid_grant', error_description: 'Invalid otp_code.' },
    });
    const code = demoTotpCode(owner.email, devAuth.clock.now());
    expect((await otp(mfa, code)).status).toBe(200);

    devAuth.clock.advance(TOTP_STEP_MS);
    const again = await otp(mfa, demoTotpCode(owner.email, devAuth.clock.now()));
    expect(again.status).toBe(403);
    expect(again.body).toEqual({ error: 'invalid_grant', error_description: 'Malformed mfa_token' });
  });

  it('refuses the code of a step already used, even with a fresh mfa_token', async () => {
    devAuth.clock.advance(TOTP_STEP_MS);
    const code = demoTotpCode(owner.email, devAuth.clock.now());
    expect((await otp(await mfaToken(), code)).status).toBe(200);
    const replayed = await otp(await mfaToken(), code);
    expect(replayed.status).toBe(403);
    expect(replayed.body['error_description']).toBe('Invalid otp_code.');
  });

  it('refuses an mfa_token five minutes old', async () => {
    const mfa = await mfaToken();
    devAuth.clock.advance(MFA_TOKEN_TTL_MS);
    const late = await otp(mfa, demoTotpCode(owner.email, devAuth.clock.now()));
    expect(late.status).toBe(403);
    expect(late.body).toEqual({ error: 'expired_token', error_description: 'mfa_token is expired' });
  });

  it('takes a recovery code instead (mfa-recovery-code), once', async () => {
    const codes = newRecoveryCodes();
    const enrolment = devAuth.accounts.mfaOf(owner.id);
    if (!enrolment) throw new Error('the demo owner is enrolled');
    await devAuth.accounts.setMfa(owner.id, { ...enrolment, recoveryCodes: await hashRecoveryCodes(codes) });
    const recover = async (code: string) =>
      token({
        grant_type: MFA_RECOVERY_CODE_GRANT,
        client_id: 'showroom-e2e',
        mfa_token: await mfaToken(),
        recovery_code: code,
      });
    expect((await recover(codes[0] ?? '')).status).toBe(200);
    expect((await recover(codes[0] ?? '')).body).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid recovery_code.',
    });
  });

  it('lists the MFA grants in discovery, allowed to the e2e client only', async () => {
    const discovery = (await (await fetch(`${devAuth.url}/.well-known/openid-configuration`)).json()) as {
      grant_types_supported: string[];
    };
    expect(discovery.grant_types_supported).toEqual(
      expect.arrayContaining([MFA_OTP_GRANT, MFA_RECOVERY_CODE_GRANT]),
    );
    const portal = await token({
      grant_type: MFA_OTP_GRANT,
      client_id: 'showroom-portal',
      mfa_token: 'x',
      otp: '1',
    });
    expect(portal.status).toBe(400);
  });

  it('tells an owner who has no app yet to enrol on the sign-in page first', async () => {
    const required = await startDevAuth();
    try {
      await required.accounts.setMfa(owner.id, undefined);
      const answer = await postForm(`${required.url}/oauth/token`, passwordGrant());
      expect(answer.status).toBe(403);
      expect(answer.body['error']).toBe('mfa_required');
      expect(answer.body['mfa_token']).toBeUndefined();
    } finally {
      await required.close();
    }
  });
});
