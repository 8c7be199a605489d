/**
 * The identity provider's "reset your password" page, at the Auth0 domain the portal signs in with
 * (config.json `auth.domain`: `tenant.eu.auth0.com`, or dev-auth's `http://localhost:4000`).
 */
export function passwordResetUrl(authDomain: string, email?: string): string {
  const origin = /^https?:\/\//i.test(authDomain) ? authDomain : `https://${authDomain}`;
  const page = `${origin.replace(/\/+$/, '')}/u/reset-password`;
  // The page fills in the address (dev-auth does; Auth0 ignores what it does not know).
  return email ? `${page}?email=${encodeURIComponent(email)}` : page;
}
