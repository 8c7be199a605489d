import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CaptureResult,
  IngestKey,
  LeadChannel,
  LeadCounts,
  LeadDetail,
  LeadList,
  LeadSettings,
  LeadSettingsUpdate,
  LeadSort,
  LeadStatus,
  ManualLeadInput,
  Note,
  StatusChangeInput,
  Task,
  TaskInput,
  TimelinePage,
} from '@showroom/contracts';
import { Observable, Subject, tap } from 'rxjs';
import { queryParams } from '../shared/query-params';

/** A search of the inbox as the portal builds it; lists are sent comma-separated. */
export interface LeadSearch {
  status?: readonly LeadStatus[];
  channel?: readonly LeadChannel[];
  source?: string | null;
  /** A user id, `me` or `unassigned`. */
  assignee?: string | null;
  /** Arrival dates, inclusive, `YYYY-MM-DD`. */
  from?: string | null;
  to?: string | null;
  overdue?: boolean;
  q?: string | null;
  sort?: LeadSort | null;
  page?: number;
  pageSize?: number;
}

export interface TimelineRequest {
  cursor?: string | null;
  limit?: number;
}

const BASE = '/api/leads';

/**
 * The leads service: the inbox, one lead and its work (status, assignment, notes, tasks), the
 * timeline and the dealership's lead settings. The dealership header is added by the interceptor.
 */
@Injectable({ providedIn: 'root' })
export class LeadsApi {
  private readonly http = inject(HttpClient);
  private readonly changes = new Subject<void>();

  /** Emits after every change this portal made to a lead, so the nav badges recount at once. */
  readonly changed: Observable<void> = this.changes.asObservable();

  list(search: LeadSearch): Observable<LeadList> {
    return this.http.get<LeadList>(`${BASE}/leads`, { params: leadSearchParams(search) });
  }

  counts(): Observable<LeadCounts> {
    return this.http.get<LeadCounts>(`${BASE}/leads/counts`);
  }

  /** Answers 201; `duplicateOf` is set when the shopper's open lead took the submission. */
  create(input: ManualLeadInput): Observable<CaptureResult> {
    return this.http.post<CaptureResult>(`${BASE}/leads`, input).pipe(this.announce());
  }

  /** 404 for a lead of another dealership, and for a colleague's lead when the caller sees only theirs. */
  get(id: string): Observable<LeadDetail> {
    return this.http.get<LeadDetail>(leadUrl(id));
  }

  /** Answers 409 when the pipeline does not allow the move (someone moved it meanwhile). */
  changeStatus(id: string, change: StatusChangeInput): Observable<LeadDetail> {
    return this.http.post<LeadDetail>(`${leadUrl(id)}/status`, change).pipe(this.announce());
  }

  assign(id: string, assigneeId: string): Observable<LeadDetail> {
    return this.http.post<LeadDetail>(`${leadUrl(id)}/assignment`, { assigneeId }).pipe(this.announce());
  }

  addNote(id: string, body: string): Observable<Note> {
    return this.http.post<Note>(`${leadUrl(id)}/notes`, { body }).pipe(this.announce());
  }

  addTask(id: string, task: TaskInput): Observable<Task> {
    return this.http.post<Task>(`${leadUrl(id)}/tasks`, task).pipe(this.announce());
  }

  setTaskDone(id: string, taskId: string, done: boolean): Observable<Task> {
    return this.http
      .patch<Task>(`${leadUrl(id)}/tasks/${encodeURIComponent(taskId)}`, { done })
      .pipe(this.announce());
  }

  /** Newest first; pass `nextCursor` back for the older page. */
  timeline(id: string, request: TimelineRequest = {}): Observable<TimelinePage> {
    return this.http.get<TimelinePage>(`${leadUrl(id)}/timeline`, { params: timelineParams(request) });
  }

  /** The whole dealership's lead events, newest first. */
  activity(request: TimelineRequest = {}): Observable<TimelinePage> {
    return this.http.get<TimelinePage>(`${BASE}/activity`, { params: timelineParams(request) });
  }

  settings(): Observable<LeadSettings> {
    return this.http.get<LeadSettings>(`${BASE}/settings`);
  }

  updateSettings(update: LeadSettingsUpdate): Observable<LeadSettings> {
    return this.http.patch<LeadSettings>(`${BASE}/settings`, update);
  }

  /** The new key is in this answer only: the service keeps a hash and a hint. */
  rotateIngestKey(): Observable<IngestKey> {
    return this.http.post<IngestKey>(`${BASE}/settings/ingest-key`, null);
  }

  private announce<T>() {
    return tap<T>({ next: () => this.changes.next() });
  }
}

function leadUrl(id: string): string {
  return `${BASE}/leads/${encodeURIComponent(id)}`;
}

/** `overdue` goes on the query string only when asked for. */
export function leadSearchParams(search: LeadSearch): HttpParams {
  return queryParams({
    status: search.status,
    channel: search.channel,
    source: search.source?.trim(),
    assignee: search.assignee,
    from: search.from,
    to: search.to,
    overdue: search.overdue ? 'true' : null,
    q: search.q?.trim(),
    sort: search.sort,
    page: search.page,
    pageSize: search.pageSize,
  });
}

function timelineParams(request: TimelineRequest): HttpParams {
  return queryParams({ cursor: request.cursor || null, limit: request.limit || null });
}
