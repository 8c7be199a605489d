import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  FeedSource,
  FeedSourceInput,
  ImportJob,
  ImportJobList,
  ImportPreset,
  ImportReport,
  ImportSettings,
  ImportUpload,
  StartImport,
} from '@showroom/contracts';
import { map, type Observable } from 'rxjs';

const BASE = '/api/inventory/imports';

/** Feed import: upload a CSV, start it with a mapping, follow it, read its report; the scheduled feed URL. */
@Injectable({ providedIn: 'root' })
export class ImportApi {
  private readonly http = inject(HttpClient);

  presets(): Observable<ImportPreset[]> {
    return this.http.get<{ items: ImportPreset[] }>(`${BASE}/presets`).pipe(map((list) => list.items));
  }

  settings(): Observable<ImportSettings> {
    return this.http.get<ImportSettings>(`${BASE}/settings`);
  }

  /** Keeps the file; answers its columns, first rows and the mapping to confirm. */
  upload(file: File): Observable<ImportUpload> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<ImportUpload>(BASE, form);
  }

  start(importId: string, request: StartImport): Observable<ImportJob> {
    return this.http.post<ImportJob>(`${BASE}/${encodeURIComponent(importId)}/start`, request);
  }

  resume(importId: string): Observable<ImportJob> {
    return this.http.post<ImportJob>(`${BASE}/${encodeURIComponent(importId)}/resume`, null);
  }

  job(importId: string): Observable<ImportJob> {
    return this.http.get<ImportJob>(`${BASE}/${encodeURIComponent(importId)}`);
  }

  jobs(): Observable<ImportJob[]> {
    return this.http.get<ImportJobList>(BASE).pipe(map((list) => list.items));
  }

  report(importId: string, page: number, pageSize: number): Observable<ImportReport> {
    return this.http.get<ImportReport>(`${BASE}/${encodeURIComponent(importId)}/report`, {
      params: { page, pageSize },
    });
  }

  feedSource(): Observable<FeedSource> {
    return this.http.get<FeedSource>(`${BASE}/feed-source`);
  }

  saveFeedSource(source: FeedSourceInput): Observable<FeedSource> {
    return this.http.put<FeedSource>(`${BASE}/feed-source`, source);
  }
}
