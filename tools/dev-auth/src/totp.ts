import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as authenticator apps (and Auth0 Guardian's OTP factor) expect it. */
const SETTINGS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
export const TOTP_STEP_MS = SETTINGS.period * 1000;
/** One step either side of now: a phone's clock may be up to 30 s off, and typing takes time. */
const WINDOW = 1;
const ISSUER = 'Showroom';

function totp(secret: string, label?: string): TOTP {
  return new TOTP({ ...SETTINGS, issuer: ISSUER, label, secret: Secret.fromBase32(secret) });
}

/** A new random secret (160 bits, as RFC 4226 recommends), base32 as apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://totp/…` URI an authenticator app reads from the QR code. */
export function otpauthUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The 30-second step `code` belongs to, if it is the code of a step within the window around `nowMs`. */
export function totpStepOf(secret: string, code: string, nowMs: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totp(secret).validate({ token: code, timestamp: nowMs, window: WINDOW });
  return delta === null ? undefined : Math.floor(nowMs / TOTP_STEP_MS) + delta;
}
