import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { apiBypassesServiceWorker, SERVICE_WORKER_BYPASS } from './api-bypasses-service-worker';

describe('API calls and the service worker', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiBypassesServiceWorker])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('the portal’s own API calls, uploads included, skip the service worker', () => {
    http.get('/api/inventory/vehicles').subscribe();
    http.post(`${location.origin}/api/inventory/vehicles/v1/photos`, new FormData()).subscribe();

    for (const request of [
      backend.expectOne('/api/inventory/vehicles'),
      backend.expectOne(`${location.origin}/api/inventory/vehicles/v1/photos`),
    ]) {
      expect(request.request.headers.get(SERVICE_WORKER_BYPASS)).toBe('true');
      request.flush({});
    }
  });

  it('the portal’s files and other origins’ calls are left as they are', () => {
    http.get('config.json').subscribe();
    http.get('https://tenant.auth0.com/api/v2/users').subscribe();

    for (const request of [
      backend.expectOne('config.json'),
      backend.expectOne('https://tenant.auth0.com/api/v2/users'),
    ]) {
      expect(request.request.headers.has(SERVICE_WORKER_BYPASS)).toBe(false);
      request.flush({});
    }
  });
});
