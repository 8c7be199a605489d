import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { adminMember, groupPeople, invitation, INVITATION_ID, memberDetail } from '../team/team-fixtures';
import { TeamAdminApi } from './team-admin-api';

describe('TeamAdminApi', () => {
  let api: TeamAdminApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(TeamAdminApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists the members with their status and last sign-in', async () => {
    const listed = firstValueFrom(api.members());
    const request = http.expectOne('/api/users/members');
    expect(request.request.method).toBe('GET');
    request.flush({ items: [adminMember()], signInsKnown: true });
    expect((await listed).items[0].status).toBe('active');
  });

  it('reads one member’s page under their id, escaped (Auth0 ids hold a “|”)', async () => {
    const read = firstValueFrom(api.member('auth0|sam'));
    const request = http.expectOne('/api/users/members/auth0%7Csam');
    expect(request.request.method).toBe('GET');
    request.flush(memberDetail());
    expect((await read).history).toHaveLength(2);
  });

  it('changes a role with a PUT of the role alone', async () => {
    const changed = firstValueFrom(api.changeRole('auth0|sam', 'manager'));
    const request = http.expectOne('/api/users/members/auth0%7Csam/role');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ role: 'manager' });
    request.flush(adminMember({ role: 'manager' }));
    expect((await changed).role).toBe('manager');
  });

  it.each([
    ['deactivate', 'deactivate'],
    ['reactivate', 'reactivate'],
    ['transferOwnership', 'ownership'],
  ] as const)('%s is a POST without a body to …/%s', async (method, path) => {
    const done = firstValueFrom(api[method]('auth0|sam'));
    const request = http.expectOne(`/api/users/members/auth0%7Csam/${path}`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toBeNull();
    request.flush(adminMember());
    expect((await done).id).toBe('auth0|sam');
  });

  it('lists the invitations', async () => {
    const listed = firstValueFrom(api.invitations());
    const request = http.expectOne('/api/users/invitations');
    expect(request.request.method).toBe('GET');
    request.flush({ items: [invitation()] });
    expect((await listed).items[0].email).toBe('riley@example.com');
  });

  it('invites with a POST of the e-mail, name and role', async () => {
    const input = { email: 'riley@example.com', name: 'Riley Rookie', role: 'sales' as const };
    const sent = firstValueFrom(api.invite(input));
    const request = http.expectOne('/api/users/invitations');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(input);
    request.flush(invitation(), { status: 201, statusText: 'Created' });
    expect((await sent).status).toBe('pending');
  });

  it('resends an invitation with a POST, and revokes it with a DELETE (204)', async () => {
    const resent = firstValueFrom(api.resendInvitation(INVITATION_ID));
    const resend = http.expectOne(`/api/users/invitations/${INVITATION_ID}/resend`);
    expect(resend.request.method).toBe('POST');
    resend.flush(invitation({ sendCount: 2 }));
    expect((await resent).sendCount).toBe(2);

    const revoked = firstValueFrom(api.revokeInvitation(INVITATION_ID));
    const revoke = http.expectOne(`/api/users/invitations/${INVITATION_ID}`);
    expect(revoke.request.method).toBe('DELETE');
    revoke.flush(null, { status: 204, statusText: 'No Content' });
    expect(await revoked).toBeUndefined();
  });

  it('reads the group’s people, each with their role and status at each rooftop', async () => {
    const read = firstValueFrom(api.groupPeople());
    const request = http.expectOne('/api/users/group/people');
    expect(request.request.method).toBe('GET');
    request.flush(groupPeople());
    const group = await read;
    expect(group.groupName).toBe('Demo Motor Group');
    expect(group.people.find((p) => p.id === 'auth0|sam')?.memberships).toHaveLength(2);
  });
});
