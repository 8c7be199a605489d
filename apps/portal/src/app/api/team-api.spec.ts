import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { teamMember } from '../../testing/fixtures';
import { TeamApi } from './team-api';

describe('TeamApi', () => {
  let api: TeamApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(TeamApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads the team of the active dealership', async () => {
    const team = firstValueFrom(api.team());
    const request = http.expectOne('/api/users/team');
    expect(request.request.method).toBe('GET');
    request.flush({ items: [teamMember()] });
    expect((await team).items[0].role).toBe('sales');
  });

  it('when a salesperson goes on holiday, then their availability is PUT under their id', async () => {
    const saved = firstValueFrom(api.setAvailability('auth0|sam', false));
    const request = http.expectOne('/api/users/team/auth0%7Csam/availability');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ available: false });
    request.flush(teamMember({ available: false }));
    expect((await saved).available).toBe(false);
  });
});
