import { escapeHtml, renderPage, type Page } from './html';
import { RESET_REQUEST_PATH } from './reset-request-page';

export const WRONG_CREDENTIALS = 'Wrong email or password.';
export const ACCOUNT_BLOCKED =
  'This account is blocked. Ask an owner or manager of your dealership to reactivate it.';

export interface LoginPageOptions {
  /** Where the form posts (the interaction URL; its uid and cookie make the form CSRF-safe). */
  action: string;
  clientName: string;
  email?: string;
  /** Why the last attempt was refused, shown above the form. */
  error?: string;
  /** 400 after a refused attempt unless given (429 for the lock-out and throttling). */
  status?: number;
  /** Emails of the demo accounts, shown as a hint for developers. */
  demoEmails?: readonly string[];
}

/** The sign-in form. Field names follow Auth0's Universal Login (`username`, `password`). */
export function renderLoginPage(options: LoginPageOptions): Page {
  const email = options.email ?? '';
  const failed = options.error !== undefined;
  const focusPassword = failed || email !== '';
  const error = failed
    ? `<p class="error" id="login-error" role="alert">${escapeHtml(options.error ?? '')}</p>`
    : '';
  const invalid = failed ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  const demo = options.demoEmails?.length
    ? `<details><summary>Demo accounts</summary><p>${options.demoEmails
        .map((demoEmail) => `<code>${escapeHtml(demoEmail)}</code>`)
        .join('<br>')}</p><p>Password: the demo password (<code>SHOWROOM_DEMO_PASSWORD</code>).</p></details>`
    : '';
  const body = `
<h1>Sign in</h1>
<p class="muted">to continue to ${escapeHtml(options.clientName)}</p>
<form method="post" action="${escapeHtml(options.action)}" novalidate>
${error}
<label for="username">Email address</label>
<input id="username" name="username" type="email" inputmode="email" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(email)}"${invalid}${focusPassword ? '' : ' autofocus'}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${focusPassword ? ' autofocus' : ''}>
<button type="submit" name="action" value="default">Continue</button>
</form>
<p class="muted"><a href="${escapeHtml(`${RESET_REQUEST_PATH}?email=${encodeURIComponent(email)}`)}">Forgot password?</a></p>
<footer>Local development sign-in (dev-auth), not for production.${demo}</footer>`;
  return renderPage({ title: 'Sign in', body, status: options.status ?? (failed ? 400 : 200) });
}

/** A short message page (expired sign-in, refused logout, provider errors). */
export function renderMessagePage(options: {
  title: string;
  message: string;
  status: number;
  detail?: string;
}): Page {
  const detail = options.detail ? `<p class="muted"><code>${escapeHtml(options.detail)}</code></p>` : '';
  return renderPage({
    title: options.title,
    status: options.status,
    body: `<h1>${escapeHtml(options.title)}</h1><p>${escapeHtml(options.message)}</p>${detail}`,
  });
}
