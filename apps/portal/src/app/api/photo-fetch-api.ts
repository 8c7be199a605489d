import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { PhotoFetchJob, PhotoFetchJobList } from '@showroom/contracts';
import { map, type Observable } from 'rxjs';

const BASE = '/api/inventory';

/** The photo robot: image links a dealer pastes become a job that fetches them into the vehicle's photos. */
@Injectable({ providedIn: 'root' })
export class PhotoFetchApi {
  private readonly http = inject(HttpClient);

  /** Queues the links; the job answers at once (202), its links still queued. */
  start(vehicleId: string, urls: readonly string[]): Observable<PhotoFetchJob> {
    return this.http.post<PhotoFetchJob>(`${BASE}/vehicles/${encodeURIComponent(vehicleId)}/photo-fetches`, {
      urls,
    });
  }

  job(jobId: string): Observable<PhotoFetchJob> {
    return this.http.get<PhotoFetchJob>(`${BASE}/photo-fetches/${encodeURIComponent(jobId)}`);
  }

  /** The vehicle's latest jobs, newest first. */
  recent(vehicleId: string): Observable<PhotoFetchJob[]> {
    return this.http
      .get<PhotoFetchJobList>(`${BASE}/vehicles/${encodeURIComponent(vehicleId)}/photo-fetches`)
      .pipe(map((list) => list.jobs));
  }
}
