import { ALL_DEMO_USERS, DEMO_USERS } from './demo-tenants';

type DemoUserId = (typeof DEMO_USERS)[keyof typeof DEMO_USERS]['id'];

/**
 * The authenticator app every demo account is enrolled with: TOTP, SHA-1, 6 digits, 30-second
 * step. Demo only: the secrets are published (tools/dev-auth/README.md) so QA's suites and
 * scripts can compute codes; `@showroom/demo-data/mfa` does it.
 */
export const DEMO_TOTP_SECRETS: Readonly<Record<DemoUserId, string>> = {
  'auth0|demo-owner': 'LAXT532SFQLKVLOT4HDEWJHASINRNL73',
  'auth0|demo-manager': 'NDI64KPYK6QJRPWDG5IZEIVYVMKZVZRD',
  'auth0|demo-sales': 'UTBPIHR5FLM5X2ZESDJ7UAT55X73LMTK',
  'auth0|demo-viewer': 'V5XJQPPSMFD5DC245BLMOXB6Q7EMIWYN',
  'auth0|rival-owner': 'ZHNMSPS556RIQT474UQ65ID3OBEL6VSP',
  'auth0|demo-sales-2': '7UT5DS3RCRO67MLOG4YTRSA4NO4E2XHE',
  'auth0|demo-northside-sales': 'LIYK3PS6EVHNBL6XTTYIV53KTCVFI6SI',
  'auth0|demo-northside-sales-2': '2QTN64ITDX6UEQM4IPH6IZGGOBWIQATY',
  'auth0|rival-sales': 'DXC4JU3TDPB2TKXZYSJUGRYCTJM6PW5X',
  'auth0|rival-sales-2': 'XZZ5F5PB6L4Y73UAPAGHWZB2XL55AJ4U',
  'auth0|demo-finance': 'QR4P7BANQYWACINDHBUHU6PSGXQCOHXZ',
  'auth0|demo-northside-finance': '3AEPBDII6KFWJXRWPR2LLOQZJSM47CWP',
  'auth0|rival-finance': 'IKTGP2KYMOWNFHJPJG5QWKOLCEMMJWXO',
};

/** The demo account's TOTP secret, by e-mail (any case); undefined for anyone else. */
export function demoTotpSecret(email: string): string | undefined {
  const wanted = email.trim().toLowerCase();
  const user = ALL_DEMO_USERS.find((candidate) => candidate.email === wanted);
  return user && DEMO_TOTP_SECRETS[user.id as DemoUserId];
}
