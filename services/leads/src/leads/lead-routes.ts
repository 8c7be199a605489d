import {
  AssignInputSchema,
  CaptureResultSchema,
  LeadCountsSchema,
  LeadDetailSchema,
  LeadListQuerySchema,
  LeadListSchema,
  ManualLeadInputSchema,
  NoteInputSchema,
  NoteSchema,
  StatusChangeInputSchema,
  TaskInputSchema,
  TaskSchema,
  TaskUpdateSchema,
  TimelinePageSchema,
  TimelineQuerySchema,
} from '@showroom/contracts';
import { caller, etagOf, routeFor, type Tenant } from '@showroom/server-kit';
import { z } from 'zod';
import { idempotencyKeyHeader, idempotencyOf } from '../capture/idempotency';
import { leadViewerOf } from './lead-access';
import type { LeadWorkService } from './lead-work-service';

export interface LeadRouteDeps {
  work: LeadWorkService;
}

export const leadIdParams = z.object({ id: z.uuid('must be a lead id (UUID)') });
export const taskParams = leadIdParams.extend({ taskId: z.uuid('must be a task id (UUID)') });

const base = '/api/leads';
const route = routeFor<LeadRouteDeps>();
const viewer = (tenant: Tenant) => leadViewerOf(tenant);
/** A salesperson's colleague's lead answers exactly like another dealership's. */
const hidden = { 404: 'No such lead, or one the caller may not see (a salesperson’s colleague’s lead)' };
/** The routes of one lead, named by its id. */
const oneLead = { tag: 'leads', params: leadIdParams };

/** Leads as staff work them in the portal. Salespeople reach only their own leads (404 otherwise). */
export const leadRoutes = [
  route({
    operationId: 'listLeads',
    method: 'get',
    path: `${base}/leads`,
    tag: 'leads',
    summary: 'The leads the caller may see, filtered, searched, sorted and paged',
    caller: caller.user('leads:read'),
    query: LeadListQuerySchema,
    responses: { 200: { description: 'A page of leads', schema: LeadListSchema } },
    handler: ({ tenant, query }, { work }) => work.list(viewer(tenant), query),
  }),
  // Before /leads/:id, so "counts" is not taken for an id.
  route({
    operationId: 'getLeadCounts',
    method: 'get',
    path: `${base}/leads/counts`,
    tag: 'leads',
    summary: 'New, overdue and open counts for the navigation, with a change token to poll',
    caller: caller.user('leads:read'),
    responses: { 200: { description: 'Counts', schema: LeadCountsSchema } },
    handler: async ({ tenant, res }, { work }) => {
      res.set('Cache-Control', 'no-store');
      return work.counts(viewer(tenant));
    },
  }),
  route({
    operationId: 'enterLead',
    method: 'post',
    path: `${base}/leads`,
    tag: 'leads',
    summary: 'Enter a lead by hand (walk-in, phone, referral, …)',
    caller: caller.user('leads:work'),
    headers: [idempotencyKeyHeader],
    body: ManualLeadInputSchema,
    responses: {
      201: { description: 'Stored', schema: CaptureResultSchema, headers: ['Location'] },
      200: {
        description: 'The same Idempotency-Key and body was already stored',
        schema: CaptureResultSchema,
      },
    },
    problems: { 409: 'The Idempotency-Key was used for a different body' },
    handler: async ({ tenant, body, req, res }, { work }) => {
      const { result, replayed } = await work.enter(viewer(tenant), body, idempotencyOf(req, req.body));
      res
        .status(replayed ? 200 : 201)
        .set('Location', `${base}/leads/${result.leadId}`)
        .json(result);
    },
  }),
  route({
    operationId: 'getLead',
    ...oneLead,
    method: 'get',
    path: `${base}/leads/:id`,
    summary: 'One lead with its submissions, notes, tasks and related leads',
    caller: caller.user('leads:read'),
    responses: { 200: { description: 'The lead', schema: LeadDetailSchema, headers: ['ETag'] } },
    problems: hidden,
    handler: async ({ tenant, params, res }, { work }) => {
      const lead = await work.detail(viewer(tenant), params.id);
      res.set('ETag', etagOf(lead.version));
      return lead;
    },
  }),
  route({
    operationId: 'changeLeadStatus',
    ...oneLead,
    method: 'post',
    path: `${base}/leads/:id/status`,
    summary: 'Move the lead along the pipeline (lost needs a reason)',
    caller: caller.user('leads:work'),
    body: StatusChangeInputSchema,
    responses: { 200: { description: 'The lead', schema: LeadDetailSchema } },
    problems: { ...hidden, 409: 'Not an allowed move from the current status' },
    handler: ({ tenant, params, body }, { work }) => work.changeStatus(viewer(tenant), params.id, body),
  }),
  route({
    operationId: 'assignLead',
    ...oneLead,
    method: 'post',
    path: `${base}/leads/:id/assignment`,
    summary: 'Give the lead to someone on the team (managers and owners)',
    caller: caller.user('leads:assign'),
    body: AssignInputSchema,
    responses: { 200: { description: 'The lead', schema: LeadDetailSchema } },
    problems: hidden,
    handler: ({ tenant, params, body }, { work }) => work.assign(viewer(tenant), params.id, body),
  }),
  route({
    operationId: 'addLeadNote',
    ...oneLead,
    method: 'post',
    path: `${base}/leads/:id/notes`,
    summary: 'Add a note',
    caller: caller.user('leads:work'),
    body: NoteInputSchema,
    responses: { 201: { description: 'The note', schema: NoteSchema } },
    problems: hidden,
    handler: async ({ tenant, params, body, res }, { work }) => {
      res.status(201).json(await work.addNote(viewer(tenant), params.id, body));
    },
  }),
  route({
    operationId: 'addLeadTask',
    ...oneLead,
    method: 'post',
    path: `${base}/leads/:id/tasks`,
    summary: 'Add a task or follow-up with a due time',
    caller: caller.user('leads:work'),
    body: TaskInputSchema,
    responses: { 201: { description: 'The task', schema: TaskSchema } },
    problems: hidden,
    handler: async ({ tenant, params, body, res }, { work }) => {
      res.status(201).json(await work.addTask(viewer(tenant), params.id, body));
    },
  }),
  route({
    operationId: 'updateLeadTask',
    ...oneLead,
    method: 'patch',
    path: `${base}/leads/:id/tasks/:taskId`,
    summary: 'Tick a task done, or reopen it',
    caller: caller.user('leads:work'),
    params: taskParams,
    body: TaskUpdateSchema,
    responses: { 200: { description: 'The task', schema: TaskSchema } },
    problems: { 404: `${hidden[404]}; or no such task on it` },
    handler: ({ tenant, params, body }, { work }) =>
      work.updateTask(viewer(tenant), params.id, params.taskId, body),
  }),
  route({
    operationId: 'getLeadTimeline',
    ...oneLead,
    tag: 'timeline',
    method: 'get',
    path: `${base}/leads/:id/timeline`,
    summary: 'Everything that happened to the lead, newest first, by cursor',
    caller: caller.user('leads:read'),
    query: TimelineQuerySchema,
    responses: { 200: { description: 'A page of events', schema: TimelinePageSchema } },
    problems: { ...hidden, 503: 'The timeline store is unreachable' },
    handler: ({ tenant, params, query }, { work }) => work.timelineOf(viewer(tenant), params.id, query),
  }),
  route({
    operationId: 'listActivity',
    method: 'get',
    path: `${base}/activity`,
    tag: 'timeline',
    summary: 'The dealership’s recent lead activity (a salesperson sees their own leads’)',
    caller: caller.user('leads:read'),
    query: TimelineQuerySchema,
    responses: { 200: { description: 'A page of events', schema: TimelinePageSchema } },
    problems: { 503: 'The timeline store is unreachable' },
    handler: ({ tenant, query }, { work }) => work.activity(viewer(tenant), query),
  }),
];
