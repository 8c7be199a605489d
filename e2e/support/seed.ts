import { DEMO_USERS } from '@showroom/demo-data';
import { demoPasswordGrant } from '@showroom/demo-data/mfa';
import { password, portalAuthConfig, portalOrigin } from './env';
import type { TestVehicle } from './test-vehicles';

/** A vehicle put into a dealership's inventory before a story starts. */
export interface SeededVehicle {
  id: string;
  vin: string;
}

export class PasswordGrantUnavailable extends Error {}

/**
 * A user access token from the identity provider's password-realm grant, for client
 * `showroom-e2e`. Only dev-auth offers it (never in production; see tools/dev-auth/README.md).
 * The demo accounts are enrolled in MFA: the grant answers `mfa_required`, and Auth0's MFA OTP
 * grant completes it with the account's current code (`@showroom/demo-data/mfa`).
 */
export async function passwordRealmToken(email: string): Promise<string> {
  const { origin, audience } = await portalAuthConfig();
  const answer = await demoPasswordGrant(`${origin}/oauth/token`, {
    grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
    realm: 'Username-Password-Authentication',
    client_id: process.env['E2E_CLIENT_ID'] || 'showroom-e2e',
    username: email,
    password: password(),
    audience,
    scope: 'openid profile email',
  }).catch((error: unknown) => {
    throw new PasswordGrantUnavailable(`${origin}/oauth/token did not answer: ${(error as Error).message}`);
  });
  const token = answer.body['access_token'];
  if (answer.status !== 200 || typeof token !== 'string') {
    throw new PasswordGrantUnavailable(
      `${origin}/oauth/token refused the password-realm grant: HTTP ${answer.status} ${String(answer.body['error'] ?? '')} ${String(answer.body['error_description'] ?? '')}`,
    );
  }
  return token;
}

/** Adds a vehicle to the sales user's dealership through the inventory API (as the portal does). */
export async function addVehicleThroughApi(vehicle: TestVehicle): Promise<SeededVehicle> {
  const { email, memberships } = DEMO_USERS.sales;
  const token = await passwordRealmToken(email);
  const response = await fetch(`${portalOrigin()}/api/inventory/vehicles`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'x-dealership-id': memberships[0].dealershipId,
    },
    body: JSON.stringify({
      vin: vehicle.vin,
      stockNumber: vehicle.stockNumber,
      condition: 'used',
      year: vehicle.year,
      make: vehicle.make,
      model: vehicle.model,
      mileage: vehicle.mileage,
      priceCents: vehicle.priceDollars * 100,
    }),
  });
  const text = await response.text();
  if (response.status !== 201) {
    throw new Error(`POST /api/inventory/vehicles answered HTTP ${response.status}: ${text}`);
  }
  const created = JSON.parse(text) as { id: string; vin: string };
  return { id: created.id, vin: created.vin };
}
