import { randomUUID } from 'node:crypto';
import {
  canMoveLead,
  type AssignInput,
  type CaptureResult,
  type LeadCounts,
  type LeadDetail,
  type LeadList,
  type LeadListQuery,
  type ManualLeadInputParsed,
  type Note,
  type PersonRef,
  type StatusChangeInput,
  type Task,
  type TaskInput,
  type TaskUpdate,
  type TimelinePage,
  type TimelineQuery,
} from '@showroom/contracts';
import { problems } from '@showroom/server-kit';
import type { CaptureOutcome, CaptureService, IdempotencyRequest } from '../capture/capture-service';
import { manualDraft, shopperNameOf } from '../capture/lead-draft';
import type { LeadRow } from '../database';
import type { NewLeadEvent } from '../outbox/events';
import type { TeamDirectory } from '../routing/team-directory';
import type { TimelineStore } from '../timeline/timeline-store';
import type { LeadViewer } from './lead-access';
import type { LeadRepository, LeadStatements } from './lead-repository';
import { leadDetailOf, leadSummaryOf, taskOf } from './lead-view';
import { labelOf } from './labels';

/**
 * Leads as people in the portal read and work them. Salespeople reach only their own leads (404
 * otherwise). Each change writes its timeline event in the same transaction.
 */
export class LeadWorkService {
  constructor(
    private readonly leads: LeadRepository,
    private readonly capture: CaptureService,
    private readonly team: TeamDirectory,
    private readonly timeline: TimelineStore,
    private readonly onCommitted: () => void,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async list(viewer: LeadViewer, query: LeadListQuery): Promise<LeadList> {
    const now = this.clock();
    const { rows, total } = await this.leads.list(viewer, query, now);
    return {
      items: rows.map((row) => leadSummaryOf(row, now)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  counts(viewer: LeadViewer): Promise<LeadCounts> {
    return this.leads.counts(viewer, this.clock());
  }

  /** A lead entered by staff. Sales enter leads for themselves; those who assign may name anyone on the team. */
  async enter(
    viewer: LeadViewer,
    input: ManualLeadInputParsed,
    idempotency: IdempotencyRequest | undefined,
  ): Promise<CaptureOutcome & { result: CaptureResult }> {
    const assignee = await this.assigneeFor(viewer, input.assigneeId);
    const draft = manualDraft(input, { id: viewer.userId, name: viewer.name }, assignee);
    const outcome = await this.capture.capture(viewer.dealershipId, [draft], { idempotency });
    const [result] = outcome.results;
    if (!result) throw new Error('a manual lead was captured without a result');
    return { ...outcome, result };
  }

  private async assigneeFor(viewer: LeadViewer, assigneeId: string | undefined): Promise<PersonRef | null> {
    if (assigneeId === undefined || assigneeId === viewer.userId) {
      return viewer.canAssign && assigneeId === undefined ? null : { id: viewer.userId, name: viewer.name };
    }
    if (!viewer.canAssign) throw problems.forbidden('Your role may enter leads only for yourself.');
    const member = await this.team.member(viewer.dealershipId, assigneeId);
    if (!member || member.role === 'viewer') {
      throw problems.validation([
        { name: 'body.assigneeId', reason: 'is not someone who sells at this dealership' },
      ]);
    }
    return { id: member.id, name: member.name };
  }

  async timelineOf(viewer: LeadViewer, id: string, page: TimelineQuery): Promise<TimelinePage> {
    if (!(await this.leads.find(viewer, id))) throw problems.notFound('Lead');
    return this.timeline.ofLead(id, page);
  }

  /** The dealership's activity; a salesperson's holds only the leads assigned to them now. */
  activity(viewer: LeadViewer, page: TimelineQuery): Promise<TimelinePage> {
    const visibleLeads = viewer.seesAll ? undefined : (ids: string[]) => this.leads.visibleIds(viewer, ids);
    return this.timeline.ofDealership(viewer.dealershipId, page, visibleLeads);
  }

  async detail(viewer: LeadViewer, id: string): Promise<LeadDetail> {
    const row = await this.leads.find(viewer, id);
    if (!row) throw problems.notFound('Lead');
    const parts = await this.leads.detailParts(viewer, row);
    return leadDetailOf(row, parts, { now: this.clock(), wholeDocuments: viewer.seesAll });
  }

  async changeStatus(viewer: LeadViewer, id: string, change: StatusChangeInput): Promise<LeadDetail> {
    await this.inLead(viewer, id, async (db, lead, now) => {
      if (!canMoveLead(lead.status, change.status)) {
        throw problems.conflict(
          `A lead cannot move from ${labelOf(lead.status)} to ${labelOf(change.status)}.`,
          [{ name: 'status', reason: `allowed from ${lead.status}: see allowedTransitions` }],
        );
      }
      const firstResponse = !lead.first_response_at && lead.status === 'new' && change.status !== 'lost';
      await db.updateLead(
        lead,
        {
          status: change.status,
          lost_reason: change.status === 'lost' ? (change.lostReason ?? 'other') : null,
          first_response_at: firstResponse ? now : lead.first_response_at,
        },
        now,
      );
      const reason = change.lostReason ? ` (${labelOf(change.lostReason)})` : '';
      return [
        this.event(lead, viewer, 'status_changed', {
          summary: `Status: ${labelOf(lead.status)} → ${labelOf(change.status)}${reason}`,
          data: {
            from: lead.status,
            to: change.status,
            lostReason: change.lostReason ?? null,
            note: change.note ?? null,
            firstResponseSeconds: firstResponse
              ? Math.round((now.getTime() - lead.created_at.getTime()) / 1000)
              : null,
          },
        }),
      ];
    });
    if (change.note) await this.addNote(viewer, id, { body: change.note });
    return this.detail(viewer, id);
  }

  async assign(viewer: LeadViewer, id: string, { assigneeId }: AssignInput): Promise<LeadDetail> {
    // A lead the caller may not see is 404 whoever is named (asked before the users service is).
    if (!(await this.leads.find(viewer, id))) throw problems.notFound('Lead');
    const member = await this.team.member(viewer.dealershipId, assigneeId);
    if (!member || member.role === 'viewer') {
      throw problems.validation([
        {
          name: 'assigneeId',
          reason: 'is not a salesperson, manager, finance manager or owner of this dealership',
        },
      ]);
    }
    const assignee: PersonRef = { id: member.id, name: member.name };
    await this.inLead(viewer, id, async (db, lead, now) => {
      if (lead.assignee_id === assignee.id) return [];
      await db.updateLead(
        lead,
        { assignee_id: assignee.id, assignee_name: assignee.name, routed_at: lead.routed_at ?? now },
        now,
      );
      const previous = lead.assignee_id ? { id: lead.assignee_id, name: lead.assignee_name } : null;
      return [
        this.event({ ...lead, assignee_id: assignee.id }, viewer, 'assigned', {
          summary: previous
            ? `Reassigned from ${previous.name} to ${assignee.name}`
            : `Assigned to ${assignee.name}`,
          data: { assignee, previous, initial: false },
        }),
      ];
    });
    return this.detail(viewer, id);
  }

  async addNote(viewer: LeadViewer, id: string, input: { body: string }): Promise<Note> {
    const noteId = randomUUID();
    const author = { id: viewer.userId, name: viewer.name };
    let note: Note | undefined;
    await this.inLead(viewer, id, async (db, lead, now) => {
      await db.insertNote(lead, { id: noteId, body: input.body, author, at: now });
      await db.touch(lead, now);
      note = { id: noteId, leadId: lead.id, body: input.body, author, createdAt: now.toISOString() };
      return [
        this.event(lead, viewer, 'note_added', { summary: `Note: ${clip(input.body)}`, data: { noteId } }),
      ];
    });
    if (!note) throw new Error(`note ${noteId} was not added`);
    return note;
  }

  async addTask(viewer: LeadViewer, id: string, input: TaskInput): Promise<Task> {
    const taskId = randomUUID();
    await this.inLead(viewer, id, async (db, lead, now) => {
      await db.insertTask(lead, {
        id: taskId,
        kind: input.kind,
        title: input.title,
        due_at: new Date(input.dueAt),
        created_by_id: viewer.userId,
        created_by_name: viewer.name,
        created_at: now,
      });
      await db.touch(lead, now);
      return [
        this.event(lead, viewer, 'task_created', {
          summary: `Task: ${clip(input.title)}, due ${new Date(input.dueAt).toISOString()}`,
          data: { taskId, kind: input.kind, dueAt: new Date(input.dueAt).toISOString() },
        }),
      ];
    });
    return this.task(viewer.dealershipId, taskId);
  }

  async updateTask(viewer: LeadViewer, id: string, taskId: string, { done }: TaskUpdate): Promise<Task> {
    await this.inLead(viewer, id, async (db, lead, now) => {
      const task = await db.lockTask(lead, taskId);
      if (!task) throw problems.notFound('Task');
      if ((task.completed_at !== null) === done) return [];
      await db.completeTask(lead, taskId, done ? now : null);
      await db.touch(lead, now);
      return [
        this.event(lead, viewer, done ? 'task_completed' : 'task_reopened', {
          summary: `${done ? 'Done' : 'Reopened'}: ${clip(task.title)}`,
          data: { taskId },
        }),
      ];
    });
    return this.task(viewer.dealershipId, taskId);
  }

  private async task(dealershipId: string, taskId: string): Promise<Task> {
    const row = await this.leads.task(dealershipId, taskId);
    if (!row) throw new Error(`task ${taskId} vanished after it was written`);
    return taskOf(row, this.clock());
  }

  /** Locks the lead (404 if the viewer may not see it), runs the change, records its events. */
  private async inLead(
    viewer: LeadViewer,
    id: string,
    change: (db: LeadStatements, lead: LeadRow, now: Date) => Promise<NewLeadEvent[]>,
  ): Promise<void> {
    await this.leads.transaction(async (db) => {
      const lead = await db.lockVisible(viewer, id);
      if (!lead) throw problems.notFound('Lead');
      const now = this.clock();
      const events = await change(db, lead, now);
      await db.writeEvents(viewer.dealershipId, now, events);
    });
    this.onCommitted();
  }

  private event(
    lead: LeadRow,
    viewer: LeadViewer,
    type: NewLeadEvent['type'],
    { summary, data }: { summary: string; data: Record<string, unknown> },
  ): NewLeadEvent {
    return {
      type,
      leadId: lead.id,
      actor: { id: viewer.userId, name: viewer.name },
      shopperName: shopperNameOf({ firstName: lead.first_name, lastName: lead.last_name }),
      assigneeId: lead.assignee_id,
      summary,
      data,
    };
  }
}

function clip(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
