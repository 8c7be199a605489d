import { z } from 'zod';

/** The API audience every Showroom access token is issued for (Auth0 "API identifier"). */
export const API_AUDIENCE = 'https://api.showroom.dev';

/** Namespace of Showroom's custom claims, as Auth0 requires for non-OIDC claims. */
export const CLAIM_NAMESPACE = 'https://showroom.dev/';
export const MEMBERSHIPS_CLAIM = `${CLAIM_NAMESPACE}memberships`;
export const EMAIL_CLAIM = `${CLAIM_NAMESPACE}email`;
export const NAME_CLAIM = `${CLAIM_NAMESPACE}name`;

/** The header in which the portal names the dealership a request acts for. */
export const DEALERSHIP_HEADER = 'x-dealership-id';

/** Scope a machine client needs to read memberships from the users service (the Auth0 Action's call). */
export const READ_MEMBERSHIPS_SCOPE = 'read:memberships';

/** `finance` is the finance manager (F&I): deals and credit applications. */
export const ROLES = ['owner', 'manager', 'finance', 'sales', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const MembershipClaimSchema = z.object({
  dealershipId: z.uuid(),
  role: RoleSchema,
});
export type MembershipClaim = z.infer<typeof MembershipClaimSchema>;
