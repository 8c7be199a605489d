import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { InvitationAccepted, InvitationPreview } from '@showroom/contracts';
import type { Observable } from 'rxjs';

const invitationUrl = (token: string) => `/api/users/invitation-links/${encodeURIComponent(token)}`;

/**
 * An invitation as the person invited sees it, before they have an account: public, the link's token
 * is the only credential (no sign-in, no dealership). 404 for an unknown token, 410 once it was
 * accepted, revoked or has expired.
 */
@Injectable({ providedIn: 'root' })
export class InvitationApi {
  private readonly http = inject(HttpClient);

  preview(token: string): Observable<InvitationPreview> {
    return this.http.get<InvitationPreview>(invitationUrl(token));
  }

  /** Makes them a member; then they set a first password (new account) or sign in (existing one). */
  accept(token: string): Observable<InvitationAccepted> {
    return this.http.post<InvitationAccepted>(`${invitationUrl(token)}/accept`, null);
  }
}
