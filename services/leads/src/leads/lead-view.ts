import {
  DealLeadSummarySchema,
  LEAD_TRANSITIONS,
  type LeadDetail,
  type LeadSummary,
  type Note,
  type Submission,
  type Task,
} from '@showroom/contracts';
import type { LeadRow, NoteRow, TaskRow } from '../database';
import type { LeadDetailParts, SubmissionWithDocument } from './lead-repository';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Row → API shape. `now` decides what is overdue. */
export function leadSummaryOf(row: LeadRow, now: Date): LeadSummary {
  const hasVehicle = row.vehicle_id || row.vehicle_vin || row.vehicle_stock || row.vehicle_make;
  return {
    id: row.id,
    dealershipId: row.dealership_id,
    status: row.status,
    lostReason: row.lost_reason,
    channel: row.channel,
    source: row.source,
    intent: row.intent,
    shopper: {
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      phone: row.phone,
      preferredContact: row.preferred_contact,
    },
    vehicle: hasVehicle
      ? {
          vehicleId: row.vehicle_id,
          vin: row.vehicle_vin,
          stockNumber: row.vehicle_stock,
          year: row.vehicle_year,
          make: row.vehicle_make,
          model: row.vehicle_model,
          trim: row.vehicle_trim,
          condition: row.vehicle_condition,
          priceCents: row.vehicle_price_cents === null ? null : Number(row.vehicle_price_cents),
        }
      : null,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? row.assignee_id } : null,
    submissionCount: row.submission_count,
    nextTaskDueAt: iso(row.next_task_due_at),
    overdue: row.next_task_due_at !== null && row.next_task_due_at < now,
    firstResponseAt: iso(row.first_response_at),
    firstResponseSeconds: row.first_response_at
      ? Math.round((row.first_response_at.getTime() - row.created_at.getTime()) / 1000)
      : null,
    lastActivityAt: row.last_activity_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function taskOf(row: TaskRow, now: Date): Task {
  return {
    id: row.id,
    leadId: row.lead_id,
    kind: row.kind,
    title: row.title,
    dueAt: row.due_at.toISOString(),
    completedAt: iso(row.completed_at),
    overdue: row.completed_at === null && row.due_at < now,
    createdBy: { id: row.created_by_id, name: row.created_by_name },
    createdAt: row.created_at.toISOString(),
  };
}

export function noteOf(row: NoteRow): Note {
  return {
    id: row.id,
    leadId: row.lead_id,
    body: row.body,
    author: { id: row.author_id, name: row.author_name },
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * The document a submission came in, as the viewer may read it. A document can hold several
 * shoppers, each a lead that may be a colleague's: the whole document goes only to those who read
 * every lead; the others see their own prospect's part.
 */
function documentFor(row: SubmissionWithDocument, wholeDocuments: boolean): string | null {
  if (row.document_body !== null) {
    return wholeDocuments || row.document_prospects === 1 ? row.document_body : row.prospect_document;
  }
  // Submissions stored before documents were kept apart carry the whole document themselves.
  if (row.original_document === null) return null;
  const prospects = row.original_document.match(/<prospect\b/gi)?.length ?? 0;
  return wholeDocuments || prospects <= 1 ? row.original_document : null;
}

export function submissionOf(row: SubmissionWithDocument, wholeDocuments: boolean): Submission {
  return {
    id: row.id,
    channel: row.channel,
    source: row.source,
    intent: row.intent,
    message: row.message,
    originalDocument: documentFor(row, wholeDocuments),
    externalId: row.external_id,
    receivedAt: row.received_at.toISOString(),
  };
}

/** `wholeDocuments`: the viewer reads every lead, so may read documents of several shoppers. */
export function leadDetailOf(
  row: LeadRow,
  parts: LeadDetailParts,
  { now, wholeDocuments }: { now: Date; wholeDocuments: boolean },
): LeadDetail {
  return {
    ...leadSummaryOf(row, now),
    message: row.message,
    tradeIn: row.trade_in ? (JSON.parse(row.trade_in) as LeadDetail['tradeIn']) : null,
    submissions: parts.submissions.map((submission) => submissionOf(submission, wholeDocuments)),
    notes: parts.notes.map(noteOf),
    tasks: parts.tasks.map((task) => taskOf(task, now)),
    relatedLeads: parts.related.map((lead) => ({
      id: lead.id,
      status: lead.status,
      source: lead.source,
      createdAt: lead.created_at.toISOString(),
    })),
    allowedTransitions: [...LEAD_TRANSITIONS[row.status]],
    deal: parts.dealSummary === null ? null : DealLeadSummarySchema.parse(JSON.parse(parts.dealSummary)),
    version: row.version,
  };
}
