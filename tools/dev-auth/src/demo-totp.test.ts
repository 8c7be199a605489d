import { DEMO_USERS } from '@showroom/demo-data';
import { demoPasswordGrant, demoTotpCode, nextDemoTotpCode, TOTP_STEP_MS } from '@showroom/demo-data/mfa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, PASSWORD, startDevAuth, type RunningDevAuth } from './testing/harness';

describe('the demo accounts’ codes for QA’s suites and scripts', () => {
  it('uses the next step at once after the current one, and waits only when that one was used too', async () => {
    let clock = 1_000 * TOTP_STEP_MS + 5_000;
    const slept: number[] = [];
    const options = {
      server: 'http://dev-auth.test',
      now: () => clock,
      sleep: async (ms: number) => {
        slept.push(ms);
        clock += ms;
      },
    };
    const email = DEMO_USERS.manager.email;
    expect(await nextDemoTotpCode(email, options)).toBe(demoTotpCode(email, 1_000 * TOTP_STEP_MS));
    expect(await nextDemoTotpCode(email, options)).toBe(demoTotpCode(email, 1_001 * TOTP_STEP_MS));
    expect(slept).toEqual([]);
    expect(await nextDemoTotpCode(email, options)).toBe(demoTotpCode(email, 1_002 * TOTP_STEP_MS));
    expect(slept).toEqual([TOTP_STEP_MS - 5_000 + 50]);
  });

  describe('against dev-auth', () => {
    let devAuth: RunningDevAuth;
    beforeAll(async () => {
      devAuth = await startDevAuth();
    });
    afterAll(() => devAuth.close());

    it('signs an owner in twice in a row through mfa_required without waiting for the next step', async () => {
      const waits: number[] = [];
      const signIn = () =>
        demoPasswordGrant(
          `${devAuth.url}/oauth/token`,
          {
            grant_type: 'password',
            client_id: 'showroom-e2e',
            username: DEMO_USERS.owner.email,
            password: PASSWORD,
            audience: API,
          },
          { sleep: async (ms) => void waits.push(ms) },
        );
      expect((await signIn()).status).toBe(200);
      expect((await signIn()).status).toBe(200);
      expect(waits).toEqual([]);
    });
  });
});
