import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AdminMember,
  AdminMemberList,
  GroupPeople,
  Invitation,
  InvitationList,
  InviteInput,
  MemberDetail,
  Role,
} from '@showroom/contracts';
import { map, type Observable } from 'rxjs';

const MEMBERS = '/api/users/members';
const INVITATIONS = '/api/users/invitations';
const GROUP_PEOPLE = '/api/users/group/people';

const memberUrl = (userId: string) => `${MEMBERS}/${encodeURIComponent(userId)}`;
const invitationUrl = (id: string) => `${INVITATIONS}/${encodeURIComponent(id)}`;

/**
 * Team administration of the active dealership in the users service (owners and managers,
 * `team:manage`): the members with their status and last sign-in, each one's history, and the
 * invitations. The service refuses what the caller's rank does not allow (403) and what would leave
 * the dealership without an active owner (409), with a problem saying why.
 */
@Injectable({ providedIn: 'root' })
export class TeamAdminApi {
  private readonly http = inject(HttpClient);

  members(): Observable<AdminMemberList> {
    return this.http.get<AdminMemberList>(MEMBERS);
  }

  member(userId: string): Observable<MemberDetail> {
    return this.http.get<MemberDetail>(memberUrl(userId));
  }

  changeRole(userId: string, role: Role): Observable<AdminMember> {
    return this.http.put<AdminMember>(`${memberUrl(userId)}/role`, { role });
  }

  /** They lose access and their open leads go back to round-robin. */
  deactivate(userId: string): Observable<AdminMember> {
    return this.http.post<AdminMember>(`${memberUrl(userId)}/deactivate`, null);
  }

  reactivate(userId: string): Observable<AdminMember> {
    return this.http.post<AdminMember>(`${memberUrl(userId)}/reactivate`, null);
  }

  /** Owners only: the member becomes the owner and the caller a manager (the caller's token changes). */
  transferOwnership(userId: string): Observable<AdminMember> {
    return this.http.post<AdminMember>(`${memberUrl(userId)}/ownership`, null);
  }

  /**
   * Everyone across the active dealership's group, with their role and status at each rooftop: for an
   * owner of every rooftop of it (`rooftops:manage` here is not enough; 403 saying how many they own).
   * A dealership in no group is its own group of one (`groupName` null).
   */
  groupPeople(): Observable<GroupPeople> {
    return this.http.get<GroupPeople>(GROUP_PEOPLE);
  }

  /** Pending invitations, and those accepted, revoked or expired in the last 30 days. */
  invitations(): Observable<InvitationList> {
    return this.http.get<InvitationList>(INVITATIONS);
  }

  invite(input: InviteInput): Observable<Invitation> {
    return this.http.post<Invitation>(INVITATIONS, input);
  }

  /**
   * A new link, valid 7 days again, by e-mail (the old link stops working): for a pending invitation
   * whose e-mail did not arrive or could not be sent, or an expired one.
   */
  resendInvitation(id: string): Observable<Invitation> {
    return this.http.post<Invitation>(`${invitationUrl(id)}/resend`, null);
  }

  /** The link stops working at once. */
  revokeInvitation(id: string): Observable<void> {
    return this.http.delete(invitationUrl(id)).pipe(map(() => undefined));
  }
}
