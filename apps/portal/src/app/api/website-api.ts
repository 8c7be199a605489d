import { HttpClient, HttpHeaders } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { WebsiteSettings, WebsiteSettingsUpdate } from '@showroom/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/users/website';

/** The multipart field the users service reads the logo from. */
export const LOGO_UPLOAD_FIELD = 'logo';

/**
 * The services' strong ETag of a record is `"v<version>"` (server kit `etagOf`); the settings carry
 * their version, so every answer (save, logo, retry) gives the next If-Match without reading headers.
 */
export function ifMatchOf(version: number): HttpHeaders {
  return new HttpHeaders({ 'If-Match': `"v${version}"` });
}

/** The active dealership's website in the users service. The dealership header is added by the interceptor. */
@Injectable({ providedIn: 'root' })
export class WebsiteApi {
  private readonly http = inject(HttpClient);

  get(): Observable<WebsiteSettings> {
    return this.http.get<WebsiteSettings>(BASE);
  }

  /** Answers 412 when someone else saved since `version` was read. */
  update(version: number, update: WebsiteSettingsUpdate): Observable<WebsiteSettings> {
    return this.http.patch<WebsiteSettings>(BASE, update, { headers: ifMatchOf(version) });
  }

  /** The service checks the bytes (PNG, JPEG or WebP, at most 2 MiB) and stores a normalised PNG. */
  uploadLogo(file: File): Observable<WebsiteSettings> {
    const body = new FormData();
    body.append(LOGO_UPLOAD_FIELD, file, file.name);
    return this.http.put<WebsiteSettings>(`${BASE}/logo`, body);
  }

  removeLogo(): Observable<WebsiteSettings> {
    return this.http.delete<WebsiteSettings>(`${BASE}/logo`);
  }

  /** Runs a failed provisioning again now instead of at its next attempt. */
  retryProvisioning(): Observable<WebsiteSettings> {
    return this.http.post<WebsiteSettings>(`${BASE}/provisioning/retry`, null);
  }
}
