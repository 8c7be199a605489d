import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Me, MySignIns } from '@showroom/contracts';
import type { Observable } from 'rxjs';

/** The users service: who is signed in, and where they work. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  me(): Observable<Me> {
    return this.http.get<Me>('/api/users/me');
  }

  /** Where and when the signed-in person signed in lately (their "was this me?" check). */
  signIns(): Observable<MySignIns> {
    return this.http.get<MySignIns>('/api/users/me/sign-ins');
  }
}
