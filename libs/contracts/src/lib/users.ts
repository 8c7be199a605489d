import { z } from 'zod';
import { RoleSchema } from './identity';
import { PERMISSIONS } from './permissions';

export const DealershipSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  dealerGroupId: z.uuid().nullable(),
  dealerGroupName: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  timeZone: z.string(),
});
export type Dealership = z.infer<typeof DealershipSchema>;

export const MembershipSchema = z.object({
  dealership: DealershipSchema,
  role: RoleSchema,
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type Membership = z.infer<typeof MembershipSchema>;

export const MeSchema = z.object({
  id: z.string(),
  email: z.email(),
  name: z.string(),
  memberships: z.array(MembershipSchema),
});
export type Me = z.infer<typeof MeSchema>;

export const DealershipListSchema = z.object({ items: z.array(DealershipSchema) });
export type DealershipList = z.infer<typeof DealershipListSchema>;

/** What the identity provider (dev-auth, or an Auth0 Action in production) reads to fill the token. */
export const UserMembershipsSchema = z.object({
  userId: z.string(),
  memberships: z.array(z.object({ dealershipId: z.uuid(), role: RoleSchema })),
});
export type UserMemberships = z.infer<typeof UserMembershipsSchema>;

/** Scope a service's machine token needs to read the directory of dealerships and groups (inventory). */
export const READ_DEALERSHIPS_SCOPE = 'read:dealerships';

/** Scope a service's machine token needs to read a dealership's team (the leads service's round-robin). */
export const READ_TEAM_SCOPE = 'read:team';

export const TeamMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.email(),
  role: RoleSchema,
  /** False while the person is off (holiday, day off): round-robin skips them. */
  available: z.boolean(),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const TeamListSchema = z.object({ items: z.array(TeamMemberSchema) });
export type TeamList = z.infer<typeof TeamListSchema>;

export const AvailabilityInputSchema = z.strictObject({ available: z.boolean() });
export type AvailabilityInput = z.infer<typeof AvailabilityInputSchema>;
