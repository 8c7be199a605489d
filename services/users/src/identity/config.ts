import { devDefaults, notInProduction } from '@showroom/server-kit';
import { z } from 'zod';
import type { Auth0IdentitySettings } from './auth0-identity';

const LOCAL_DOMAIN = /^(localhost|127\.0\.0\.1)(:\d+)?$/;

/** The identity port's variables (Auth0's Management API), spread into the users service's config. */
export const identityConfigShape = {
  /**
   * The Auth0 tenant's domain (`showroom.us.auth0.com`). A local one (`localhost:4000`) is dev-auth,
   * which serves http: the SDK's https requests are sent to `http://<domain>` instead.
   */
  AUTH0_DOMAIN: notInProduction(
    z
      .string()
      .regex(/^[a-z0-9.-]+(:\d+)?$/i, 'a host name such as showroom.us.auth0.com (no scheme)')
      .default('localhost:4000'),
    { why: 'is dev-auth on this machine', isDevValue: (value) => LOCAL_DOMAIN.test(String(value)) },
  ),
  /** The Management API's M2M application (create:users, read:users, update:users, create:user_tickets, read:logs). */
  AUTH0_MANAGEMENT_CLIENT_ID: z.string().min(1).default('showroom-management'),
  AUTH0_MANAGEMENT_CLIENT_SECRET: notInProduction(
    z.string().min(1).default('dev-management-secret'),
    devDefaults.oneOf('dev-management-secret'),
  ),
  /** Where the links in invitations lead (the portal's origin). */
  PORTAL_URL: notInProduction(z.url().default('http://localhost:4200'), devDefaults.localhost),
  /** smtp://host:port or smtps://user:pass@host:port (SES SMTP in production): invitations. */
  SMTP_URL: notInProduction(z.url().default('smtp://127.0.0.1:1025'), devDefaults.localhost),
  MAIL_FROM: z.email().default('team@showroom.dev'),
};

export type IdentityConfig = z.output<z.ZodObject<typeof identityConfigShape>>;

export function auth0IdentitySettings(config: IdentityConfig): Auth0IdentitySettings {
  return {
    domain: config.AUTH0_DOMAIN,
    clientId: config.AUTH0_MANAGEMENT_CLIENT_ID,
    clientSecret: config.AUTH0_MANAGEMENT_CLIENT_SECRET,
    originOverride: LOCAL_DOMAIN.test(config.AUTH0_DOMAIN) ? `http://${config.AUTH0_DOMAIN}` : undefined,
  };
}
