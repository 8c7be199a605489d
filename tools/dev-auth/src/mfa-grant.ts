import type Provider from 'oidc-provider';
import { errors, type GrantTypeHandler } from 'oidc-provider';
import { MFA_OTP_GRANT, MFA_RECOVERY_CODE_GRANT } from './clients';
import type { MfaTokens } from './mfa-tokens';
import { clientAddress } from './sign-in-attempts';
import { completeTokenSignIn, oauthError, refusalError, type TokenSignInDeps } from './token-sign-in';

export interface MfaGrantDeps extends TokenSignInDeps {
  mfaTokens: MfaTokens;
}

/**
 * Auth0's MFA grants, which complete a password grant that answered `mfa_required`: `mfa-otp`
 * (`mfa_token` + `otp`) and `mfa-recovery-code` (`mfa_token` + `recovery_code`). They end with
 * the same token response the password grant gives an account without MFA.
 */
export function registerMfaGrants(provider: Provider, deps: MfaGrantDeps): void {
  const { accounts, security, mfaTokens } = deps;

  const handlerFor =
    (field: 'otp' | 'recovery_code', wrong: string): GrantTypeHandler =>
    async (ctx) => {
      const { client, params = {} } = ctx.oidc;
      if (!client) throw new errors.InvalidRequest('client is required');
      const mfaToken = typeof params['mfa_token'] === 'string' ? params['mfa_token'] : '';
      const code = typeof params[field] === 'string' ? params[field] : '';
      if (!mfaToken || !code)
        throw new errors.InvalidRequest(`missing required parameters: mfa_token and ${field}`);

      const found = mfaTokens.find(mfaToken, client.clientId);
      if (!found) throw oauthError('invalid_grant', 'Malformed mfa_token', 403);
      if (found.state === 'expired') throw oauthError('expired_token', 'mfa_token is expired', 403);
      const { subject } = found;
      const account = accounts.findAccount(subject.accountId);
      if (!account || account.blocked) throw oauthError('unauthorized', 'user is blocked', 401);

      const ip = clientAddress(ctx.ip);
      const refused = security.refusal(ip, account.email);
      if (refused) throw refusalError(refused);
      const accepted =
        field === 'otp'
          ? await security.useTotpCode(account.sub, code)
          : await security.useRecoveryCode(account.sub, code);
      if (!accepted) {
        const refusal = security.failed(ip, account.email);
        throw refusal ? refusalError(refusal) : oauthError('invalid_grant', wrong, 403);
      }
      // Two requests with codes of neighbouring steps can both be right: only one gets tokens.
      if (!mfaTokens.consume(mfaToken)) throw oauthError('invalid_grant', 'Malformed mfa_token', 403);
      await completeTokenSignIn(provider, deps, ctx, account, client, subject);
    };

  provider.registerGrantType(MFA_OTP_GRANT, handlerFor('otp', 'Invalid otp_code.'), ['mfa_token', 'otp']);
  provider.registerGrantType(MFA_RECOVERY_CODE_GRANT, handlerFor('recovery_code', 'Invalid recovery_code.'), [
    'mfa_token',
    'recovery_code',
  ]);
}
