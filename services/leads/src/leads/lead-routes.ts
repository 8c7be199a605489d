import { Router, type RequestHandler } from 'express';
import {
  AssignInputSchema,
  LeadListQuerySchema,
  ManualLeadInputSchema,
  NoteInputSchema,
  StatusChangeInputSchema,
  TaskInputSchema,
  TaskUpdateSchema,
  TimelineQuerySchema,
  type PersonRef,
} from '@showroom/contracts';
import {
  etagOf,
  parseOrThrow,
  problems,
  requireDealership,
  requirePermission,
  tenantOf,
} from '@showroom/server-kit';
import { z } from 'zod';
import type { CaptureService } from '../capture/capture-service';
import { idempotencyOf } from '../capture/idempotency';
import { manualDraft } from '../capture/lead-draft';
import type { TimelineStore } from '../timeline/timeline-store';
import { leadViewerOf, type LeadViewer } from './lead-access';
import type { LeadRepository } from './lead-repository';
import { leadSummaryOf } from './lead-view';
import type { LeadWorkService } from './lead-work-service';

export const leadIdParams = z.object({ id: z.uuid('must be a lead id (UUID)') });
export const taskParams = leadIdParams.extend({ taskId: z.uuid('must be a task id (UUID)') });

export interface LeadRoutesDeps {
  authenticate: RequestHandler;
  leads: LeadRepository;
  work: LeadWorkService;
  capture: CaptureService;
  timeline: TimelineStore;
  resolveAssignee(viewer: LeadViewer, assigneeId: string | undefined): Promise<PersonRef | null>;
  clock: () => Date;
}

/** Leads as staff work them in the portal. Salespeople reach only their own leads (404 otherwise). */
export function leadRoutes(deps: LeadRoutesDeps): Router {
  const { leads, work, capture, timeline, clock } = deps;
  const router = Router();
  const base = '/api/leads';
  const viewer = (req: Parameters<RequestHandler>[0]) => leadViewerOf(tenantOf(req));
  router.use([`${base}/leads`, `${base}/activity`], deps.authenticate, requireDealership());

  router.get(`${base}/leads`, requirePermission('leads:read'), async (req, res) => {
    const query = parseOrThrow(LeadListQuerySchema, req.query, 'query');
    const now = clock();
    const { rows, total } = await leads.list(viewer(req), query, now);
    res.json({
      items: rows.map((row) => leadSummaryOf(row, now)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    });
  });

  router.get(`${base}/leads/counts`, requirePermission('leads:read'), async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await leads.counts(viewer(req), clock()));
  });

  router.post(`${base}/leads`, requirePermission('leads:work'), async (req, res) => {
    const input = parseOrThrow(ManualLeadInputSchema, req.body ?? undefined, 'body');
    const who = viewer(req);
    const assignee = await deps.resolveAssignee(who, input.assigneeId);
    const draft = manualDraft(input, { id: who.userId, name: who.name }, assignee);
    const { results, replayed } = await capture.capture(who.dealershipId, [draft], {
      idempotency: idempotencyOf(req, req.body),
    });
    const [result] = results;
    res
      .status(replayed ? 200 : 201)
      .set('Location', `${base}/leads/${result?.leadId}`)
      .json(result);
  });

  router.get(`${base}/leads/:id`, requirePermission('leads:read'), async (req, res) => {
    const { id } = parseOrThrow(leadIdParams, req.params);
    const lead = await work.detail(viewer(req), id);
    res.set('ETag', etagOf(lead.version)).json(lead);
  });

  router.post(`${base}/leads/:id/status`, requirePermission('leads:work'), async (req, res) => {
    const { id } = parseOrThrow(leadIdParams, req.params);
    const change = parseOrThrow(StatusChangeInputSchema, req.body ?? undefined, 'body');
    res.json(await work.changeStatus(viewer(req), id, change));
  });

  router.post(`${base}/leads/:id/assignment`, requirePermission('leads:assign'), async (req, res) => {
    const { id } = parseOrThrow(leadIdParams, req.params);
    const input = parseOrThrow(AssignInputSchema, req.body ?? undefined, 'body');
    res.json(await work.assign(viewer(req), id, input));
  });

  router.post(`${base}/leads/:id/notes`, requirePermission('leads:work'), async (req, res) => {
    const { id } = parseOrThrow(leadIdParams, req.params);
    const input = parseOrThrow(NoteInputSchema, req.body ?? undefined, 'body');
    res.status(201).json(await work.addNote(viewer(req), id, input));
  });

  router.post(`${base}/leads/:id/tasks`, requirePermission('leads:work'), async (req, res) => {
    const { id } = parseOrThrow(leadIdParams, req.params);
    const input = parseOrThrow(TaskInputSchema, req.body ?? undefined, 'body');
    res.status(201).json(await work.addTask(viewer(req), id, input));
  });

  router.patch(`${base}/leads/:id/tasks/:taskId`, requirePermission('leads:work'), async (req, res) => {
    const { id, taskId } = parseOrThrow(taskParams, req.params);
    const update = parseOrThrow(TaskUpdateSchema, req.body ?? undefined, 'body');
    res.json(await work.updateTask(viewer(req), id, taskId, update));
  });

  router.get(`${base}/leads/:id/timeline`, requirePermission('leads:read'), async (req, res) => {
    const { id } = parseOrThrow(leadIdParams, req.params);
    const page = parseOrThrow(TimelineQuerySchema, req.query, 'query');
    if (!(await leads.find(viewer(req), id))) throw problems.notFound('Lead');
    res.json(await timeline.ofLead(id, page));
  });

  router.get(`${base}/activity`, requirePermission('leads:read'), async (req, res) => {
    const page = parseOrThrow(TimelineQuerySchema, req.query, 'query');
    const who = viewer(req);
    const visibleLeads = who.seesAll ? undefined : (ids: string[]) => leads.visibleIds(who, ids);
    res.json(await timeline.ofDealership(who.dealershipId, page, visibleLeads));
  });

  return router;
}
