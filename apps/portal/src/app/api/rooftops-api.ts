import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { GroupRooftop, GroupRooftopList, RooftopInput } from '@showroom/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/users/rooftops';

/** The rooftops of the active dealership's group, in the users service. */
@Injectable({ providedIn: 'root' })
export class RooftopsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<GroupRooftopList> {
    return this.http.get<GroupRooftopList>(BASE);
  }

  /** Creates the rooftop (and the group, the first time) with the caller as its owner; its site is provisioned. */
  create(input: RooftopInput): Observable<GroupRooftop> {
    return this.http.post<GroupRooftop>(BASE, input);
  }
}
