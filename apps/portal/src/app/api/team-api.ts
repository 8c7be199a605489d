import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { TeamList, TeamMember } from '@showroom/contracts';
import type { Observable } from 'rxjs';

/** The users service's team of the active dealership: who can take leads, and who is away. */
@Injectable({ providedIn: 'root' })
export class TeamApi {
  private readonly http = inject(HttpClient);

  team(): Observable<TeamList> {
    return this.http.get<TeamList>('/api/users/team');
  }

  /** Round-robin skips people who are not available. */
  setAvailability(userId: string, available: boolean): Observable<TeamMember> {
    return this.http.put<TeamMember>(`/api/users/team/${encodeURIComponent(userId)}/availability`, {
      available,
    });
  }
}
