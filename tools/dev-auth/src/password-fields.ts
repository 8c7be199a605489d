import { escapeHtml } from './html';

/**
 * The fields of a form where someone chooses a new password — the policy's objections above them,
 * the hidden user name password managers file it under, the password twice — as every such page
 * (a password-change ticket, the forced change at sign-in) shows them.
 */
export function newPasswordFields(email: string, problems: readonly string[]): string {
  const errors = problems.length
    ? `<div class="error" id="password-errors" role="alert"><ul>${problems
        .map((problem) => `<li>${escapeHtml(problem)}</li>`)
        .join('')}</ul></div>`
    : '';
  const invalid = problems.length ? ' aria-invalid="true" aria-describedby="password-errors"' : '';
  return `${errors}
<input type="email" name="username" autocomplete="username" value="${escapeHtml(email)}" hidden>
<label for="password">New password</label>
<input id="password" name="password" type="password" autocomplete="new-password" required autofocus${invalid}>
<label for="confirmation">New password again</label>
<input id="confirmation" name="confirmation" type="password" autocomplete="new-password" required>`;
}
