import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { invitationPreview } from '../team/team-fixtures';
import { InvitationApi } from './invitation-api';

describe('InvitationApi', () => {
  let api: InvitationApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(InvitationApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads what the invitation offers under its token', async () => {
    const read = firstValueFrom(api.preview('tok/en'));
    const request = http.expectOne('/api/users/invitation-links/tok%2Fen');
    expect(request.request.method).toBe('GET');
    request.flush(invitationPreview());
    expect((await read).dealershipName).toBe('Northside Honda');
  });

  it('accepts it with a POST, and is told what comes next', async () => {
    const accepted = firstValueFrom(api.accept('token-1'));
    const request = http.expectOne('/api/users/invitation-links/token-1/accept');
    expect(request.request.method).toBe('POST');
    request.flush({ next: 'sign-in', passwordUrl: null, email: 'riley@example.com' });
    expect((await accepted).next).toBe('sign-in');
  });
});
