import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { me, membership, NORTH } from '../../testing/fixtures';
import { UsersApi } from './users-api';

describe('UsersApi', () => {
  let api: UsersApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(UsersApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads the signed-in dealer from /api/users/me', async () => {
    const result = firstValueFrom(api.me());
    const request = http.expectOne('/api/users/me');
    expect(request.request.method).toBe('GET');
    request.flush(me([membership(NORTH, 'sales')]));
    expect((await result).memberships[0].role).toBe('sales');
  });

  it('reads the signed-in person’s own recent sign-ins', async () => {
    const result = firstValueFrom(api.signIns());
    const request = http.expectOne('/api/users/me/sign-ins');
    expect(request.request.method).toBe('GET');
    request.flush({
      items: [{ at: '2026-12-06T11:57:00.000Z', ipAddress: '203.0.113.7', userAgent: 'Chrome 156 on Linux' }],
      signInsKnown: true,
    });
    expect((await result).items[0].ipAddress).toBe('203.0.113.7');
  });
});
