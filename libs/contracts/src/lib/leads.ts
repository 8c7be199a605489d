import { z } from 'zod';
import { TrafficSourceSchema } from './analytics';
import { csvOf, queryInt } from './query-params';
import {
  CONTACT_METHODS,
  HONEYPOT_FIELD,
  LEAD_CHANNELS,
  LEAD_EVENT_TYPES,
  LEAD_INTENTS,
  LEAD_SORTS,
  LEAD_STATUSES,
  LOST_REASONS,
  MANUAL_LEAD_SOURCES,
  MAX_LEAD_PAGE_SIZE,
  MAX_TIMELINE_PAGE_SIZE,
  TASK_KINDS,
} from './lead-options';
import { DealLeadSummarySchema } from './retail';
import { normalizeVin } from './vin';

export const LeadStatusSchema = z.enum(LEAD_STATUSES);
export const LeadIntentSchema = z.enum(LEAD_INTENTS);
export const LeadChannelSchema = z.enum(LEAD_CHANNELS);
export const LostReasonSchema = z.enum(LOST_REASONS);
export const ContactMethodSchema = z.enum(CONTACT_METHODS);
export const TaskKindSchema = z.enum(TASK_KINDS);

/** E-mail as compared for duplicates: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Phone as compared for duplicates: digits only, a North American leading 1 dropped, so
 * "+1 (555) 010-2000", "555.010.2000" and "1-555-010-2000" are one number. Null when too short.
 */
export function normalizePhone(phone: string): string | null {
  let digits = phone.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  return digits.length >= 7 && digits.length <= 15 ? digits : null;
}

const name = z.string().trim().min(1).max(80);
const optionalName = z.string().trim().max(80).optional();
const email = z.string().trim().max(254).pipe(z.email());
const phone = z
  .string()
  .trim()
  .max(40)
  .refine((value) => normalizePhone(value) !== null, 'not a phone number: use 7 to 15 digits');
const message = z.string().trim().max(4000).optional();
const stockNumber = z.string().trim().min(1).max(20);

/** How a form or a person names a car: a VIN or a stock number, resolved against inventory. */
export const VehicleReferenceSchema = z
  .strictObject({
    vin: z.string().trim().min(11).max(17).transform(normalizeVin).optional(),
    stockNumber: stockNumber.optional(),
  })
  .refine((ref) => ref.vin !== undefined || ref.stockNumber !== undefined, {
    message: 'name the vehicle by vin or stockNumber',
  });
export type VehicleReference = z.input<typeof VehicleReferenceSchema>;

export const TradeInSchema = z.strictObject({
  year: z.int().min(1950).max(2100).optional(),
  make: z.string().trim().min(1).max(40).optional(),
  model: z.string().trim().min(1).max(60).optional(),
  mileage: z.int().min(0).max(2_000_000).optional(),
});

const contactFields = {
  firstName: name,
  lastName: optionalName,
  email: email.optional(),
  phone: phone.optional(),
  preferredContact: ContactMethodSchema.optional(),
  message,
  vehicle: VehicleReferenceSchema.optional(),
};

function requireEmailOrPhone(value: { email?: string; phone?: string }, ctx: z.RefinementCtx): void {
  if (!value.email && !value.phone) {
    ctx.addIssue({ code: 'custom', path: ['email'], message: 'give an e-mail address or a phone number' });
  }
}

/** The public website form. Unknown fields are refused so a typo in a dealer site shows up at once. */
export const WebsiteLeadInputSchema = z
  .strictObject({
    intent: LeadIntentSchema,
    ...contactFields,
    tradeIn: TradeInSchema.optional(),
    /**
     * The traffic source of the visit the form was sent from (the storefront tracker's): analytics
     * counts the lead under it, on the same funnel row as that visit's vehicle views.
     */
    trafficSource: TrafficSourceSchema.optional(),
    /** The honeypot: must be absent or empty. */
    [HONEYPOT_FIELD]: z.string().max(500).optional(),
  })
  .superRefine(requireEmailOrPhone);
export type WebsiteLeadInput = z.input<typeof WebsiteLeadInputSchema>;
export type WebsiteLeadInputParsed = z.output<typeof WebsiteLeadInputSchema>;

/** A lead typed in by staff: a walk-in, a phone call, a referral. */
export const ManualLeadInputSchema = z
  .strictObject({
    source: z.enum(MANUAL_LEAD_SOURCES),
    ...contactFields,
    /** Defaults to the person entering it when they sell, else round-robin. */
    assigneeId: z.string().min(1).max(128).optional(),
  })
  .superRefine(requireEmailOrPhone);
export type ManualLeadInput = z.input<typeof ManualLeadInputSchema>;
export type ManualLeadInputParsed = z.output<typeof ManualLeadInputSchema>;

export const PersonRefSchema = z.object({ id: z.string(), name: z.string() });
export type PersonRef = z.infer<typeof PersonRefSchema>;

export const LeadVehicleSchema = z.object({
  /** The inventory vehicle, when the reference matched one. */
  vehicleId: z.uuid().nullable(),
  vin: z.string().nullable(),
  stockNumber: z.string().nullable(),
  year: z.int().nullable(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  trim: z.string().nullable(),
  condition: z.string().nullable(),
  priceCents: z.int().nullable(),
});
export type LeadVehicle = z.infer<typeof LeadVehicleSchema>;

export const ShopperSchema = z.object({
  firstName: z.string(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  preferredContact: ContactMethodSchema.nullable(),
});
export type Shopper = z.infer<typeof ShopperSchema>;

export const LeadSummarySchema = z.object({
  id: z.uuid(),
  dealershipId: z.uuid(),
  status: LeadStatusSchema,
  lostReason: LostReasonSchema.nullable(),
  channel: LeadChannelSchema,
  /** Who or what sent it: a website intent, an ADF provider's name, walk_in, phone, … */
  source: z.string(),
  intent: LeadIntentSchema.nullable(),
  shopper: ShopperSchema,
  vehicle: LeadVehicleSchema.nullable(),
  assignee: PersonRefSchema.nullable(),
  /** Submissions attached to this lead, counting the first. */
  submissionCount: z.int(),
  nextTaskDueAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
  firstResponseAt: z.iso.datetime().nullable(),
  /** Seconds from arrival to the first move out of `new`, once there is one. */
  firstResponseSeconds: z.int().nullable(),
  lastActivityAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type LeadSummary = z.infer<typeof LeadSummarySchema>;

export const SubmissionSchema = z.object({
  id: z.uuid(),
  channel: LeadChannelSchema,
  source: z.string(),
  intent: LeadIntentSchema.nullable(),
  message: z.string().nullable(),
  /** The ADF document (or e-mail) as received, for ADF and e-mail submissions. */
  originalDocument: z.string().nullable(),
  externalId: z.string().nullable(),
  receivedAt: z.iso.datetime(),
});
export type Submission = z.infer<typeof SubmissionSchema>;

export const TaskSchema = z.object({
  id: z.uuid(),
  leadId: z.uuid(),
  kind: TaskKindSchema,
  title: z.string(),
  dueAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
  createdBy: PersonRefSchema,
  createdAt: z.iso.datetime(),
});
export type Task = z.infer<typeof TaskSchema>;

export const NoteSchema = z.object({
  id: z.uuid(),
  leadId: z.uuid(),
  body: z.string(),
  author: PersonRefSchema,
  createdAt: z.iso.datetime(),
});
export type Note = z.infer<typeof NoteSchema>;

export const LeadDetailSchema = LeadSummarySchema.extend({
  message: z.string().nullable(),
  tradeIn: TradeInSchema.nullable(),
  submissions: z.array(SubmissionSchema),
  notes: z.array(NoteSchema),
  tasks: z.array(TaskSchema),
  /** Earlier leads of the same shopper (same e-mail or phone), newest first. */
  relatedLeads: z.array(
    z.object({ id: z.uuid(), status: LeadStatusSchema, source: z.string(), createdAt: z.iso.datetime() }),
  ),
  /** Where the pipeline may go next from here. */
  allowedTransitions: z.array(LeadStatusSchema),
  /** The deal the shopper worked out online (its latest, when they started several), or null. */
  deal: DealLeadSummarySchema.nullable(),
  version: z.int(),
});
export type LeadDetail = z.infer<typeof LeadDetailSchema>;

/** What capture answers: the lead, and whether the submission attached to an existing one. */
export const CaptureResultSchema = z.object({
  leadId: z.uuid(),
  submissionId: z.uuid(),
  duplicateOf: z.uuid().nullable(),
});
export type CaptureResult = z.infer<typeof CaptureResultSchema>;
export const AdfCaptureResultSchema = z.object({ leads: z.array(CaptureResultSchema) });
export type AdfCaptureResult = z.infer<typeof AdfCaptureResultSchema>;

/**
 * What the public website form answers anyone: an opaque receipt, the same whether the shopper is
 * new or returning, so a stranger learns nothing about the dealership's leads.
 */
export const WebsiteLeadReceiptSchema = z.object({ receipt: z.string() });
export type WebsiteLeadReceipt = z.infer<typeof WebsiteLeadReceiptSchema>;

const queryDate = z.iso.date();

export const LeadListQuerySchema = z
  .strictObject({
    status: csvOf(LEAD_STATUSES).optional(),
    channel: csvOf(LEAD_CHANNELS).optional(),
    source: z.string().trim().min(1).max(80).optional(),
    /** A user id, `me`, or `unassigned`. */
    assignee: z.string().trim().min(1).max(128).optional(),
    /** Arrival date range, inclusive, as calendar dates (UTC). */
    from: queryDate.optional(),
    to: queryDate.optional(),
    overdue: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    q: z.string().trim().min(1).max(100).optional(),
    sort: z.enum(LEAD_SORTS).optional(),
    page: queryInt(1, 10_000).default(1),
    pageSize: queryInt(1, MAX_LEAD_PAGE_SIZE).default(25),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['to'],
    message: 'to must not be before from',
  });
export type LeadListQuery = z.output<typeof LeadListQuerySchema>;
export type LeadListParams = z.input<typeof LeadListQuerySchema>;

export const LeadListSchema = z.object({
  items: z.array(LeadSummarySchema),
  page: z.int(),
  pageSize: z.int(),
  total: z.int(),
});
export type LeadList = z.infer<typeof LeadListSchema>;

/** Navigation badges, counted over the leads the caller may see. */
export const LeadCountsSchema = z.object({
  new: z.int(),
  overdue: z.int(),
  open: z.int(),
  /** Changes whenever a lead the caller may see arrives or changes; the portal polls it. */
  changeToken: z.string(),
});
export type LeadCounts = z.infer<typeof LeadCountsSchema>;

export const StatusChangeInputSchema = z
  .strictObject({
    status: LeadStatusSchema,
    lostReason: LostReasonSchema.optional(),
    note: z.string().trim().min(1).max(2000).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.status === 'lost' && !value.lostReason) {
      ctx.addIssue({ code: 'custom', path: ['lostReason'], message: 'say why the lead was lost' });
    }
    if (value.status !== 'lost' && value.lostReason) {
      ctx.addIssue({ code: 'custom', path: ['lostReason'], message: 'only a lost lead has a lost reason' });
    }
  });
export type StatusChangeInput = z.input<typeof StatusChangeInputSchema>;

export const AssignInputSchema = z.strictObject({ assigneeId: z.string().min(1).max(128) });
export type AssignInput = z.infer<typeof AssignInputSchema>;

export const NoteInputSchema = z.strictObject({ body: z.string().trim().min(1).max(4000) });
export type NoteInput = z.infer<typeof NoteInputSchema>;

export const TaskInputSchema = z.strictObject({
  kind: TaskKindSchema,
  title: z.string().trim().min(1).max(200),
  dueAt: z.iso.datetime({ offset: true }),
});
export type TaskInput = z.infer<typeof TaskInputSchema>;

export const TaskUpdateSchema = z.strictObject({ done: z.boolean() });
export type TaskUpdate = z.infer<typeof TaskUpdateSchema>;

export const LeadEventSchema = z.object({
  id: z.string(),
  leadId: z.uuid(),
  type: z.enum(LEAD_EVENT_TYPES),
  at: z.iso.datetime(),
  actor: PersonRefSchema.nullable(),
  /** One line a person can read, e.g. "Status: contacted → appointment set". */
  summary: z.string(),
  /** The shopper's name, so a dealership-wide feed can say whose lead it was. */
  shopperName: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type LeadEvent = z.infer<typeof LeadEventSchema>;

export const TimelineQuerySchema = z.strictObject({
  cursor: z.string().min(1).max(600).optional(),
  limit: queryInt(1, MAX_TIMELINE_PAGE_SIZE).default(25),
});
export type TimelineQuery = z.output<typeof TimelineQuerySchema>;

export const TimelinePageSchema = z.object({
  items: z.array(LeadEventSchema),
  /** Pass back as `cursor` for the next, older page; null at the end. */
  nextCursor: z.string().nullable(),
});
export type TimelinePage = z.infer<typeof TimelinePageSchema>;

const origin = z
  .string()
  .trim()
  .max(200)
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'an origin like https://www.example-motors.com, no path');

export const LeadSettingsSchema = z.object({
  dealershipId: z.uuid(),
  /** Website origins allowed to post the public form (CORS). */
  siteOrigins: z.array(z.string()),
  acknowledgement: z.object({ enabled: z.boolean(), subject: z.string(), body: z.string() }),
  /** An external CRM that receives every new lead as ADF/XML by e-mail. */
  crmForwardEmail: z.string().nullable(),
  /** Only the last characters of the ADF ingest key; the key itself is shown once, when rotated. */
  ingestKeyHint: z.string().nullable(),
  ingestKeyRotatedAt: z.iso.datetime().nullable(),
  fromName: z.string(),
  replyTo: z.string().nullable(),
});
export type LeadSettings = z.infer<typeof LeadSettingsSchema>;

export const LeadSettingsUpdateSchema = z
  .strictObject({
    siteOrigins: z.array(origin).max(20),
    acknowledgement: z.strictObject({
      enabled: z.boolean(),
      subject: z.string().trim().min(1).max(200),
      body: z.string().trim().min(1).max(5000),
    }),
    crmForwardEmail: email.nullable(),
    fromName: z.string().trim().min(1).max(120),
    replyTo: email.nullable(),
  })
  .partial()
  .refine((update) => Object.keys(update).length > 0, { message: 'send at least one setting to change' });
export type LeadSettingsUpdate = z.input<typeof LeadSettingsUpdateSchema>;

export const IngestKeySchema = z.object({ ingestKey: z.string(), rotatedAt: z.iso.datetime() });
export type IngestKey = z.infer<typeof IngestKeySchema>;

/** Placeholders an acknowledgement template may use. */
export const ACK_TEMPLATE_FIELDS = ['firstName', 'dealershipName', 'vehicle', 'assigneeName'] as const;

/**
 * Users → leads, when an owner or manager deactivates a member: the member's open leads at the
 * dealership go back to round-robin (`POST /api/leads/internal/dealerships/:dealershipId/members/:userId/release`).
 */
export const RELEASE_MEMBER_LEADS_SCOPE = 'release:member-leads';

/** What that release answers: how many open leads it gave back (0 when called again). */
export const MemberLeadsReleasedSchema = z.object({ released: z.int().min(0) });
export type MemberLeadsReleased = z.infer<typeof MemberLeadsReleasedSchema>;
