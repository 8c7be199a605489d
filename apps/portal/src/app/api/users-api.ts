import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Me, SignIn } from '@showroom/contracts';
import type { Observable } from 'rxjs';

/**
 * The signed-in person's own recent sign-ins. Not in `@showroom/contracts` yet (it has `SignIn` and the
 * member's `recentSignIns`, not this answer's shape).
 */
export interface OwnSignIns {
  /** Newest first; empty when the identity provider did not answer (`signInsKnown` false). */
  items: SignIn[];
  signInsKnown: boolean;
}

/** The users service: who is signed in, and where they work. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  me(): Observable<Me> {
    return this.http.get<Me>('/api/users/me');
  }

  /** Where and when the signed-in person signed in lately (their "was this me?" check). */
  signIns(): Observable<OwnSignIns> {
    return this.http.get<OwnSignIns>('/api/users/me/sign-ins');
  }
}
