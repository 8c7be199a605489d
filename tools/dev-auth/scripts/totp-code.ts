/**
 * Prints a demo account's current authenticator code, for QA signing in by hand:
 *   npm run dev-auth:totp -- owner@demo.showroom.dev
 * The code alone goes to stdout (scripts can read it); how long it lasts goes to stderr.
 * Demo accounts only: their secrets are published (tools/dev-auth/README.md).
 */
import { ALL_DEMO_USERS } from '@showroom/demo-data';
import { demoTotpCode, TOTP_STEP_MS } from '@showroom/demo-data/mfa';

const email = process.argv[2] ?? '';
const demo = ALL_DEMO_USERS.find((user) => user.email === email.trim().toLowerCase());
if (!demo) {
  console.error(
    `Usage: npm run dev-auth:totp -- <demo e-mail>; one of:\n  ${ALL_DEMO_USERS.map((u) => u.email).join('\n  ')}`,
  );
  process.exit(1);
}
const now = Date.now();
console.log(demoTotpCode(demo.email, now));
const seconds = Math.ceil((TOTP_STEP_MS - (now % TOTP_STEP_MS)) / 1000);
console.error(
  `Code of ${demo.email}: changes in ${seconds} s (accepted 30 s longer). dev-auth takes each code once: for a second sign-in, wait for the next one.`,
);
