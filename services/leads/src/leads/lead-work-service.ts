import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  canMoveLead,
  type AssignInput,
  type LeadDetail,
  type Note,
  type PersonRef,
  type StatusChangeInput,
  type Task,
  type TaskInput,
  type TaskUpdate,
} from '@showroom/contracts';
import { problems } from '@showroom/server-kit';
import { shopperNameOf } from '../capture/lead-draft';
import type { LeadsDatabase } from '../database';
import type { NewLeadEvent } from '../outbox/events';
import { writeOutbox } from '../outbox/outbox-writer';
import type { TeamDirectory } from '../routing/team-directory';
import type { LeadViewer } from './lead-access';
import type { LeadRepository } from './lead-repository';
import { leadDetailOf, noteOf, taskOf, type LeadRow } from './lead-view';
import { labelOf } from './labels';

type Tx = Transaction<LeadsDatabase>;

/** Changes to a lead made by people in the portal. Each writes its timeline event in the same transaction. */
export class LeadWorkService {
  constructor(
    private readonly db: Kysely<LeadsDatabase>,
    private readonly leads: LeadRepository,
    private readonly team: TeamDirectory,
    private readonly onCommitted: () => void,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async detail(viewer: LeadViewer, id: string): Promise<LeadDetail> {
    const row = await this.leads.find(viewer, id);
    if (!row) throw problems.notFound('Lead');
    return leadDetailOf(row, await this.leads.detailParts(row), this.clock());
  }

  async changeStatus(viewer: LeadViewer, id: string, change: StatusChangeInput): Promise<LeadDetail> {
    await this.inLead(viewer, id, async (trx, lead, now) => {
      if (!canMoveLead(lead.status, change.status)) {
        throw problems.conflict(
          `A lead cannot move from ${labelOf(lead.status)} to ${labelOf(change.status)}.`,
          [{ name: 'status', reason: `allowed from ${lead.status}: see allowedTransitions` }],
        );
      }
      const firstResponse = !lead.first_response_at && lead.status === 'new' && change.status !== 'lost';
      await trx
        .updateTable('leads')
        .set({
          status: change.status,
          lost_reason: change.status === 'lost' ? (change.lostReason ?? 'other') : null,
          first_response_at: firstResponse ? now : lead.first_response_at,
          ...touched(now),
        })
        .where('dealership_id', '=', lead.dealership_id)
        .where('id', '=', lead.id)
        .execute();
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
    const member = await this.team.member(viewer.dealershipId, assigneeId);
    if (!member || member.role === 'viewer') {
      throw problems.validation([
        { name: 'assigneeId', reason: 'is not a salesperson, manager or owner of this dealership' },
      ]);
    }
    const assignee: PersonRef = { id: member.id, name: member.name };
    await this.inLead(viewer, id, async (trx, lead, now) => {
      if (lead.assignee_id === assignee.id) return [];
      await trx
        .updateTable('leads')
        .set({
          assignee_id: assignee.id,
          assignee_name: assignee.name,
          routed_at: lead.routed_at ?? now,
          ...touched(now),
        })
        .where('dealership_id', '=', lead.dealership_id)
        .where('id', '=', lead.id)
        .execute();
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
    await this.inLead(viewer, id, async (trx, lead, now) => {
      await trx
        .insertInto('lead_notes')
        .values({
          id: noteId,
          dealership_id: lead.dealership_id,
          lead_id: lead.id,
          body: input.body,
          author_id: viewer.userId,
          author_name: viewer.name,
          created_at: now,
        })
        .execute();
      await this.touch(trx, lead, now);
      return [
        this.event(lead, viewer, 'note_added', { summary: `Note: ${clip(input.body)}`, data: { noteId } }),
      ];
    });
    const row = await this.db
      .selectFrom('lead_notes')
      .selectAll()
      .where('id', '=', noteId)
      .executeTakeFirstOrThrow();
    return noteOf(row);
  }

  async addTask(viewer: LeadViewer, id: string, input: TaskInput): Promise<Task> {
    const taskId = randomUUID();
    await this.inLead(viewer, id, async (trx, lead, now) => {
      await trx
        .insertInto('lead_tasks')
        .values({
          id: taskId,
          dealership_id: lead.dealership_id,
          lead_id: lead.id,
          kind: input.kind,
          title: input.title,
          due_at: new Date(input.dueAt),
          completed_at: null,
          created_by_id: viewer.userId,
          created_by_name: viewer.name,
          created_at: now,
        })
        .execute();
      await this.touch(trx, lead, now);
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
    await this.inLead(viewer, id, async (trx, lead, now) => {
      const task = await trx
        .selectFrom('lead_tasks')
        .selectAll()
        .where('dealership_id', '=', lead.dealership_id)
        .where('lead_id', '=', lead.id)
        .where('id', '=', taskId)
        .forUpdate()
        .executeTakeFirst();
      if (!task) throw problems.notFound('Task');
      if ((task.completed_at !== null) === done) return [];
      await trx
        .updateTable('lead_tasks')
        .set({ completed_at: done ? now : null })
        .where('id', '=', taskId)
        .execute();
      await this.touch(trx, lead, now);
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
    const row = await this.db
      .selectFrom('lead_tasks')
      .selectAll()
      .where('dealership_id', '=', dealershipId)
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow();
    return taskOf(row, this.clock());
  }

  /** Locks the lead (404 if the viewer may not see it), runs the change, records its events. */
  private async inLead(
    viewer: LeadViewer,
    id: string,
    change: (trx: Tx, lead: LeadRow, now: Date) => Promise<NewLeadEvent[]>,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      let query = trx
        .selectFrom('leads')
        .selectAll()
        .where('dealership_id', '=', viewer.dealershipId)
        .where('id', '=', id);
      if (!viewer.seesAll) query = query.where('assignee_id', '=', viewer.userId);
      const lead = await query.forUpdate().executeTakeFirst();
      if (!lead) throw problems.notFound('Lead');
      const now = this.clock();
      const events = await change(trx, lead, now);
      await writeOutbox(trx, viewer.dealershipId, now, events);
    });
    this.onCommitted();
  }

  /** Activity moves the lead up and recomputes its next open task. */
  private async touch(trx: Tx, lead: LeadRow, now: Date): Promise<void> {
    await trx
      .updateTable('leads')
      .set({
        next_task_due_at: sql<Date | null>`(SELECT MIN(t.due_at) FROM lead_tasks t WHERE t.dealership_id = leads.dealership_id AND t.lead_id = leads.id AND t.completed_at IS NULL)`,
        ...touched(now),
      })
      .where('dealership_id', '=', lead.dealership_id)
      .where('id', '=', lead.id)
      .execute();
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

function touched(now: Date) {
  return { last_activity_at: now, updated_at: now, version: sql<number>`version + 1` };
}

function clip(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
