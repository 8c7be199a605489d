import QRCode from 'qrcode';
import { newPasswordFields } from './password-fields';
import { escapeHtml, renderPage, type Page } from './html';
import { otpauthUri } from './totp';

export const WRONG_CODE = 'That code is not right, or was already used. Wait for the next one and try again.';

interface StepOptions {
  /** Where the form posts: the step's URL under the interaction (its uid and cookie tie it to the browser). */
  action: string;
  email: string;
  error?: string;
  status?: number;
}

/** Shown only outside production, where the demo accounts' secrets are published. */
export interface DemoHint {
  command: string;
}

function errorBlock(error: string | undefined, id: string): { html: string; invalid: string } {
  if (error === undefined) return { html: '', invalid: '' };
  return {
    html: `<p class="error" id="${id}" role="alert">${escapeHtml(error)}</p>`,
    invalid: ` aria-invalid="true" aria-describedby="${id}"`,
  };
}

/** The code field, named as on Auth0's Universal Login MFA pages (`code`, `error-element-code`). */
function codeField(invalid: string, label: string): string {
  return `<label for="code">${escapeHtml(label)}</label>
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" autocapitalize="none" spellcheck="false" required autofocus${invalid}>`;
}

/** Asks an enrolled account for its authenticator code (or a recovery code). */
export function renderCodePage(options: StepOptions & { demo?: DemoHint }): Page {
  const error = errorBlock(options.error, 'error-element-code');
  const demo = options.demo
    ? `<footer>Demo account? Its code: <code>${escapeHtml(options.demo.command)}</code></footer>`
    : '';
  const body = `
<h1>Verify your identity</h1>
<p class="muted">Enter the 6-digit code your authenticator app shows for ${escapeHtml(options.email)}.</p>
<form method="post" action="${escapeHtml(options.action)}" novalidate>
${error.html}
${codeField(error.invalid, 'Code')}
<p class="muted">Lost your phone? Enter one of your recovery codes instead.</p>
<button type="submit" name="action" value="default">Continue</button>
</form>${demo}`;
  return renderPage({
    title: 'Verify your identity',
    body,
    status: options.status ?? (options.error ? 400 : 200),
  });
}

/**
 * Enrolment of an authenticator app: the QR code (an SVG image in a data: URL, which the pages'
 * CSP allows as `img-src data:`), the same secret as text for typing in, and a code to prove it.
 */
export async function renderEnrolPage(options: StepOptions & { secret: string }): Promise<Page> {
  const svg = await QRCode.toString(otpauthUri(options.secret, options.email), {
    type: 'svg',
    margin: 1,
    errorCorrectionLevel: 'M',
  });
  const qr = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const grouped = options.secret.match(/.{1,4}/g)?.join(' ') ?? options.secret;
  const error = errorBlock(options.error, 'error-element-code');
  const body = `
<h1>Secure your account</h1>
<p class="muted">Your role needs a second step at sign-in. Scan this code with an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password…), then enter the 6-digit code it shows.</p>
<p><img src="${qr}" width="200" height="200" alt="QR code to add ${escapeHtml(options.email)} to an authenticator app"></p>
<p class="muted">Can't scan it? Enter this key: <code id="totp-secret">${escapeHtml(grouped)}</code> (time-based, 6 digits, every 30 seconds).</p>
<form method="post" action="${escapeHtml(options.action)}" novalidate>
${error.html}
${codeField(error.invalid, 'Code from the app')}
<button type="submit" name="action" value="default">Continue</button>
</form>`;
  return renderPage({
    title: 'Secure your account',
    body,
    status: options.status ?? (options.error ? 400 : 200),
  });
}

/** The recovery codes, shown once right after enrolment; a reload only says they were. */
export function renderRecoveryCodesPage(options: { action: string; codes?: readonly string[] }): Page {
  const codes = options.codes
    ? `<p>Each code signs you in once if you lose your phone. Keep them somewhere safe: they are not shown again.</p>
<ol id="recovery-codes">${options.codes.map((code) => `<li><code>${escapeHtml(code)}</code></li>`).join('')}</ol>`
    : '<p>Your recovery codes were shown once, right after you added the app.</p>';
  const body = `
<h1>Save your recovery codes</h1>
${codes}
<form method="post" action="${escapeHtml(options.action)}">
<button type="submit" name="action" value="default">Continue</button>
</form>`;
  return renderPage({ title: 'Save your recovery codes', body });
}

/** The forced change of a password older than the platform's maximum age. */
export function renderNewPasswordPage(
  options: Omit<StepOptions, 'error'> & { maxAgeDays: number; problems?: readonly string[] },
): Page {
  const problems = options.problems ?? [];
  const body = `
<h1>Choose a new password</h1>
<p class="muted">The password of ${escapeHtml(options.email)} is more than ${options.maxAgeDays} days old. Choose a new one to continue.</p>
<form method="post" action="${escapeHtml(options.action)}" novalidate>
${newPasswordFields(options.email, problems)}
<button type="submit" name="action" value="default">Change password and continue</button>
</form>`;
  return renderPage({
    title: 'Choose a new password',
    body,
    status: options.status ?? (problems.length ? 400 : 200),
  });
}
