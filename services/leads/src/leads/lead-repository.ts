import { sql, type Insertable, type Kysely, type SelectQueryBuilder, type UpdateObject } from 'kysely';
import {
  OPEN_LEAD_STATUSES,
  normalizeEmail,
  normalizePhone,
  type LeadListQuery,
  type PersonRef,
} from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import type { LeadRow, LeadsDatabase, NoteRow, SubmissionRow, TaskRow, TaskTable } from '../database';
import type { NewLeadEvent } from '../outbox/events';
import { writeOutbox } from '../outbox/outbox-writer';
import type { LeadViewer } from './lead-access';

/** A submission with the document it came in (kept once per request, see lead_documents). */
export interface SubmissionWithDocument extends SubmissionRow {
  document_body: string | null;
  document_prospects: number | null;
}

export type NewTask = Omit<Insertable<TaskTable>, 'dealership_id' | 'lead_id' | 'completed_at'>;

/** What a lead's page shows besides the lead itself. */
export interface LeadDetailParts {
  submissions: SubmissionWithDocument[];
  notes: NoteRow[];
  tasks: TaskRow[];
  related: Pick<LeadRow, 'id' | 'status' | 'source' | 'created_at'>[];
  /** The summary (JSON) of the lead's latest online deal, if it came from one. */
  dealSummary: string | null;
}

type LeadQuery = SelectQueryBuilder<LeadsDatabase, 'leads', object>;

const SORTS = {
  newest: [['created_at', 'desc']],
  oldest: [['created_at', 'asc']],
  last_activity: [['last_activity_at', 'desc']],
  follow_up: [
    [sql`next_task_due_at IS NULL`, 'asc'],
    ['next_task_due_at', 'asc'],
  ],
} as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The leads a viewer may see: the dealership's, and for salespeople only those assigned to them. */
function visibleTo(db: Kysely<LeadsDatabase>, viewer: LeadViewer): LeadQuery {
  let query: LeadQuery = forDealership(db, viewer.dealershipId).selectFrom('leads');
  if (!viewer.seesAll) query = query.where('assignee_id', '=', viewer.userId);
  return query;
}

/**
 * The SQL of leads, their submissions, notes and tasks. Every query filters on the dealership and,
 * for salespeople, on their own leads. Reads go to `reader` (a replica, or the primary while the
 * caller or its dealership wrote lately: ReadYourWrites); changes go to `writer`.
 */
export class LeadRepository {
  constructor(
    private readonly writer: Kysely<LeadsDatabase>,
    private readonly reader: Kysely<LeadsDatabase>,
  ) {}

  private visible(viewer: LeadViewer): LeadQuery {
    return visibleTo(this.reader, viewer);
  }

  /** Runs a change to one lead in a transaction (see {@link LeadStatements}). */
  transaction<T>(work: (statements: LeadStatements) => Promise<T>): Promise<T> {
    return this.writer.transaction().execute((trx) => work(new LeadStatements(trx)));
  }

  async task(dealershipId: string, taskId: string): Promise<TaskRow | undefined> {
    return forDealership(this.reader, dealershipId)
      .selectFrom('lead_tasks')
      .selectAll()
      .where('id', '=', taskId)
      .executeTakeFirst();
  }

  /** Which of these leads the viewer may see now. */
  async visibleIds(viewer: LeadViewer, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.visible(viewer).select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((row) => row.id));
  }

  async find(viewer: LeadViewer, id: string): Promise<LeadRow | undefined> {
    return this.visible(viewer).selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(
    viewer: LeadViewer,
    query: LeadListQuery,
    now: Date,
  ): Promise<{ rows: LeadRow[]; total: number }> {
    let filtered = this.visible(viewer);
    if (query.status) filtered = filtered.where('status', 'in', query.status);
    if (query.channel) filtered = filtered.where('channel', 'in', query.channel);
    if (query.source) filtered = filtered.where('source', '=', query.source);
    if (query.assignee === 'unassigned') filtered = filtered.where('assignee_id', 'is', null);
    else if (query.assignee === 'me') filtered = filtered.where('assignee_id', '=', viewer.userId);
    else if (query.assignee) filtered = filtered.where('assignee_id', '=', query.assignee);
    if (query.from) filtered = filtered.where('created_at', '>=', new Date(`${query.from}T00:00:00Z`));
    if (query.to) {
      filtered = filtered.where(
        'created_at',
        '<',
        new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000),
      );
    }
    if (query.overdue === true) filtered = filtered.where('next_task_due_at', '<', now);
    if (query.overdue === false) {
      filtered = filtered.where((eb) =>
        eb.or([eb('next_task_due_at', 'is', null), eb('next_task_due_at', '>=', now)]),
      );
    }
    if (query.q) filtered = this.search(filtered, query.q);

    const offset = (query.page - 1) * query.pageSize;
    let page = filtered.selectAll().limit(query.pageSize).offset(offset);
    for (const [column, direction] of SORTS[query.sort ?? 'newest']) page = page.orderBy(column, direction);
    const [rows, count] = await Promise.all([
      page.orderBy('id').execute(),
      filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.total) };
  }

  /** Name, e-mail or phone; a phone is compared in its normalised form. */
  private search(query: LeadQuery, q: string): LeadQuery {
    const like = `%${escapeLike(q)}%`;
    const phone = /^[\d\s()+.-]+$/.test(q) ? normalizePhone(q) : null;
    return query.where((eb) =>
      eb.or([
        eb(sql<string>`CONCAT_WS(' ', first_name, last_name)`, 'like', like),
        eb('email_norm', 'like', `%${escapeLike(normalizeEmail(q))}%`),
        ...(phone ? [eb('phone_norm', 'like', `%${phone}%`)] : []),
      ]),
    );
  }

  async counts(
    viewer: LeadViewer,
    now: Date,
  ): Promise<{ new: number; overdue: number; open: number; changeToken: string }> {
    const row = await this.visible(viewer)
      .select((eb) => [
        eb.fn.sum<number>(sql`status = 'new'`).as('new_count'),
        eb.fn
          .sum<number>(sql`next_task_due_at < ${now} AND status IN (${sql.join(OPEN_LEAD_STATUSES)})`)
          .as('overdue_count'),
        eb.fn.sum<number>(sql`status IN (${sql.join(OPEN_LEAD_STATUSES)})`).as('open_count'),
        eb.fn.max('updated_at').as('last_change'),
        eb.fn.countAll<number>().as('total'),
      ])
      .executeTakeFirstOrThrow();
    const last = row.last_change ? new Date(row.last_change as unknown as string).getTime() : 0;
    return {
      new: Number(row.new_count ?? 0),
      overdue: Number(row.overdue_count ?? 0),
      open: Number(row.open_count ?? 0),
      changeToken: `${row.total}-${last}`,
    };
  }

  async detailParts(viewer: LeadViewer, lead: LeadRow): Promise<LeadDetailParts> {
    const tenant = forDealership(this.reader, lead.dealership_id);
    const [submissions, notes, tasks, related, deal] = await Promise.all([
      tenant
        .selectFrom('lead_submissions as s')
        .leftJoin(tenant.table('lead_documents').as('d'), 'd.id', 's.document_id')
        .selectAll('s')
        .select(['d.body as document_body', 'd.prospect_count as document_prospects'])
        .where('s.lead_id', '=', lead.id)
        .orderBy('s.received_at', 'desc')
        .execute(),
      tenant
        .selectFrom('lead_notes')
        .selectAll()
        .where('lead_id', '=', lead.id)
        .orderBy('created_at', 'desc')
        .execute(),
      tenant
        .selectFrom('lead_tasks')
        .selectAll()
        .where('lead_id', '=', lead.id)
        .orderBy('due_at', 'asc')
        .execute(),
      this.relatedLeads(viewer, lead),
      tenant
        .selectFrom('deal_leads')
        .select('summary')
        .where('lead_id', '=', lead.id)
        .orderBy('updated_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
    ]);
    return { submissions, notes, tasks, related, dealSummary: deal?.summary ?? null };
  }

  /**
   * The same shopper's other leads (same e-mail or phone), however old or closed, that the viewer
   * may open: the same rule as the lead list.
   */
  private relatedLeads(viewer: LeadViewer, lead: LeadRow): Promise<LeadDetailParts['related']> {
    if (!lead.email_norm && !lead.phone_norm) return Promise.resolve([]);
    return this.visible(viewer)
      .select(['id', 'status', 'source', 'created_at'])
      .where('id', '!=', lead.id)
      .where((eb) =>
        eb.or([
          ...(lead.email_norm ? [eb('email_norm', '=', lead.email_norm)] : []),
          ...(lead.phone_norm ? [eb('phone_norm', '=', lead.phone_norm)] : []),
        ]),
      )
      .orderBy('created_at', 'desc')
      .limit(20)
      .execute();
  }
}

/** The statements of one change to a lead, inside its transaction. */
export class LeadStatements {
  constructor(private readonly trx: Kysely<LeadsDatabase>) {}

  /** Locks the lead if the viewer may see it. */
  lockVisible(viewer: LeadViewer, id: string): Promise<LeadRow | undefined> {
    return visibleTo(this.trx, viewer).selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  async updateLead(
    lead: LeadRow,
    changes: Omit<UpdateObject<LeadsDatabase, 'leads'>, 'dealership_id'>,
    now: Date,
  ): Promise<void> {
    await forDealership(this.trx, lead.dealership_id)
      .updateTable('leads')
      .set({ ...changes, ...touched(now) })
      .where('id', '=', lead.id)
      .execute();
  }

  /** Activity moves the lead up and recomputes its next open task. */
  async touch(lead: LeadRow, now: Date): Promise<void> {
    const nextOpenTask = forDealership(this.trx, lead.dealership_id)
      .selectFrom('lead_tasks as t')
      .select((eb) => eb.fn.min('t.due_at').as('due'))
      .where('t.lead_id', '=', sql.ref<string>('leads.id'))
      .where('t.completed_at', 'is', null);
    await this.updateLead(lead, { next_task_due_at: nextOpenTask }, now);
  }

  async insertNote(lead: LeadRow, note: { id: string; body: string; author: PersonRef; at: Date }) {
    await forDealership(this.trx, lead.dealership_id)
      .insertInto('lead_notes')
      .values({
        id: note.id,
        lead_id: lead.id,
        body: note.body,
        author_id: note.author.id,
        author_name: note.author.name,
        created_at: note.at,
      })
      .execute();
  }

  async insertTask(lead: LeadRow, task: NewTask): Promise<void> {
    await forDealership(this.trx, lead.dealership_id)
      .insertInto('lead_tasks')
      .values({
        ...task,
        lead_id: lead.id,
        completed_at: null,
      })
      .execute();
  }

  lockTask(lead: LeadRow, taskId: string): Promise<TaskRow | undefined> {
    return forDealership(this.trx, lead.dealership_id)
      .selectFrom('lead_tasks')
      .selectAll()
      .where('lead_id', '=', lead.id)
      .where('id', '=', taskId)
      .forUpdate()
      .executeTakeFirst();
  }

  async completeTask(lead: LeadRow, taskId: string, completedAt: Date | null): Promise<void> {
    await forDealership(this.trx, lead.dealership_id)
      .updateTable('lead_tasks')
      .set({ completed_at: completedAt })
      .where('id', '=', taskId)
      .execute();
  }

  async writeEvents(dealershipId: string, occurredAt: Date, events: NewLeadEvent[]): Promise<void> {
    await writeOutbox(this.trx, dealershipId, occurredAt, events);
  }
}

function touched(now: Date) {
  return { last_activity_at: now, updated_at: now, version: sql<number>`version + 1` };
}
