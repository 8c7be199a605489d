import { HttpClient, type HttpEvent, HttpEventType } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  PHOTO_UPLOAD_FIELD,
  type PhotoUploadResponse,
  type VehiclePhoto,
  type VehiclePhotoList,
} from '@showroom/contracts';
import { filter, map, type Observable } from 'rxjs';

/** What one file's upload reports: bytes sent so far, then the photo the service stored. */
export type PhotoUploadEvent =
  | { type: 'progress'; loaded: number; total: number | null }
  | { type: 'done'; photo: VehiclePhoto; duplicate: boolean };

const BASE = '/api/inventory/vehicles';

/** A vehicle's photos in the inventory service. The dealership header is added by the interceptor. */
@Injectable({ providedIn: 'root' })
export class PhotosApi {
  private readonly http = inject(HttpClient);

  /** In the order shoppers see them. */
  list(vehicleId: string): Observable<VehiclePhoto[]> {
    return this.http.get<VehiclePhotoList>(photosUrl(vehicleId)).pipe(map((list) => list.items));
  }

  /**
   * One file per request, so each gets its own progress and its own problem (the service names the
   * file); the service takes several at once in the same form field too.
   */
  upload(vehicleId: string, file: File): Observable<PhotoUploadEvent> {
    const body = new FormData();
    body.append(PHOTO_UPLOAD_FIELD, file, file.name);
    return this.http
      .post<PhotoUploadResponse>(photosUrl(vehicleId), body, { observe: 'events', reportProgress: true })
      .pipe(
        map((event) => uploadEvent(event, file.name)),
        filter((event): event is PhotoUploadEvent => event !== null),
      );
  }

  /** Every photo of the vehicle, in the new order; answers the photos as stored. */
  reorder(vehicleId: string, photoIds: readonly string[]): Observable<VehiclePhoto[]> {
    return this.http
      .put<VehiclePhotoList>(`${photosUrl(vehicleId)}/order`, { photoIds })
      .pipe(map((list) => list.items));
  }

  /** The photo shown first everywhere (lists, websites, feeds); answers the photos as stored. */
  setHero(vehicleId: string, photoId: string): Observable<VehiclePhoto[]> {
    return this.http
      .put<VehiclePhotoList>(`${photosUrl(vehicleId)}/hero`, { photoId })
      .pipe(map((list) => list.items));
  }

  remove(vehicleId: string, photoId: string): Observable<void> {
    return this.http
      .delete(`${photosUrl(vehicleId)}/${encodeURIComponent(photoId)}`)
      .pipe(map(() => undefined));
  }
}

function photosUrl(vehicleId: string): string {
  return `${BASE}/${encodeURIComponent(vehicleId)}/photos`;
}

function uploadEvent(event: HttpEvent<PhotoUploadResponse>, name: string): PhotoUploadEvent | null {
  if (event.type === HttpEventType.UploadProgress) {
    return { type: 'progress', loaded: event.loaded, total: event.total ?? null };
  }
  if (event.type !== HttpEventType.Response) return null;
  const stored = event.body?.items[0];
  if (!stored) throw new Error(`the inventory service answered the upload of ${name} without a photo`);
  return { type: 'done', photo: stored.photo, duplicate: stored.duplicate };
}
