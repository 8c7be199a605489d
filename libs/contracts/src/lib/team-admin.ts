import { z } from 'zod';
import { RoleSchema } from './identity';
import { INVITATION_STATUSES, MEMBER_STATUSES } from './team-options';
import { PersonRefSchema } from './leads';
import { TeamMemberSchema } from './users';

export const MemberStatusSchema = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof MemberStatusSchema>;

/** A member as owners and managers administer them. */
export const AdminMemberSchema = TeamMemberSchema.extend({
  status: MemberStatusSchema,
  joinedAt: z.iso.datetime(),
  /** From the identity provider; null when they never signed in, or it could not be asked. */
  lastSignInAt: z.iso.datetime().nullable(),
});
export type AdminMember = z.infer<typeof AdminMemberSchema>;

export const AdminMemberListSchema = z.object({
  items: z.array(AdminMemberSchema),
  /** False when the identity provider did not answer: last sign-ins are then unknown. */
  signInsKnown: z.boolean(),
});
export type AdminMemberList = z.infer<typeof AdminMemberListSchema>;

export const MEMBER_EVENT_ACTIONS = [
  'invited',
  'joined',
  'role_changed',
  'deactivated',
  'reactivated',
  'ownership_transferred',
] as const;
export const MemberEventActionSchema = z.enum(MEMBER_EVENT_ACTIONS);
export type MemberEventAction = z.infer<typeof MemberEventActionSchema>;

/** One change to a membership: who did what, when. */
export const MemberEventSchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  action: MemberEventActionSchema,
  /** Who made the change; null for the member's own acceptance. */
  actor: PersonRefSchema.nullable(),
  fromRole: RoleSchema.nullable(),
  toRole: RoleSchema.nullable(),
});
export type MemberEvent = z.infer<typeof MemberEventSchema>;

export const SignInSchema = z.object({
  at: z.iso.datetime(),
  ipAddress: z.string(),
  /** e.g. "Chrome 156 on Linux", from the browser's User-Agent. */
  userAgent: z.string(),
});
export type SignIn = z.infer<typeof SignInSchema>;

export const MemberDetailSchema = AdminMemberSchema.extend({
  history: z.array(MemberEventSchema),
  /** Newest first; empty when the identity provider did not answer (see `signInsKnown`). */
  recentSignIns: z.array(SignInSchema),
  signInsKnown: z.boolean(),
  mfaEnrolled: z.boolean().nullable(),
});
export type MemberDetail = z.infer<typeof MemberDetailSchema>;

export const RoleChangeInputSchema = z.strictObject({ role: RoleSchema });
export type RoleChangeInput = z.infer<typeof RoleChangeInputSchema>;

export const InvitationStatusSchema = z.enum(INVITATION_STATUSES);
export type InvitationStatus = z.infer<typeof InvitationStatusSchema>;

export const InvitationSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string(),
  role: RoleSchema,
  status: InvitationStatusSchema,
  invitedBy: PersonRefSchema,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  /** When the e-mail last went out; null while it could not be sent (resend it). */
  sentAt: z.iso.datetime().nullable(),
  sendCount: z.number().int(),
  acceptedAt: z.iso.datetime().nullable(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

export const InvitationListSchema = z.object({ items: z.array(InvitationSchema) });
export type InvitationList = z.infer<typeof InvitationListSchema>;

export const InviteInputSchema = z.strictObject({
  email: z
    .email()
    .max(254)
    .transform((email) => email.trim().toLowerCase()),
  name: z.string().trim().min(1).max(120),
  role: RoleSchema,
});
export type InviteInput = z.input<typeof InviteInputSchema>;

/** What the invitee sees before accepting (public: the link's token is the only credential). */
export const InvitationPreviewSchema = z.object({
  email: z.email(),
  name: z.string(),
  role: RoleSchema,
  dealershipName: z.string(),
  invitedByName: z.string(),
  expiresAt: z.iso.datetime(),
});
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

/** After accepting: set a first password at the identity provider's page, or sign in. */
export const InvitationAcceptedSchema = z.object({
  next: z.enum(['set-password', 'sign-in']),
  /** The password page (single use, short-lived) when `next` is `set-password`. */
  passwordUrl: z.url().nullable(),
  email: z.email(),
});
export type InvitationAccepted = z.infer<typeof InvitationAcceptedSchema>;

/** The signed-in person's own recent sign-ins ("was this you?"). */
export const MySignInsSchema = z.object({ items: z.array(SignInSchema), signInsKnown: z.boolean() });
export type MySignIns = z.infer<typeof MySignInsSchema>;

/** One person of a dealer group, with their membership at each rooftop they work at. */
export const GroupPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.email(),
  memberships: z.array(z.object({ dealershipId: z.uuid(), role: RoleSchema, status: MemberStatusSchema })),
});
export type GroupPerson = z.infer<typeof GroupPersonSchema>;

/** Everyone across a group's rooftops, for its owner (each change then acts for one rooftop). */
export const GroupPeopleSchema = z.object({
  groupName: z.string().nullable(),
  rooftops: z.array(z.object({ id: z.uuid(), name: z.string() })),
  people: z.array(GroupPersonSchema),
});
export type GroupPeople = z.infer<typeof GroupPeopleSchema>;
