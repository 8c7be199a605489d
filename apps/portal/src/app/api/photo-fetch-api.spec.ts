import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { PhotoFetchApi } from './photo-fetch-api';

describe('PhotoFetchApi', () => {
  let api: PhotoFetchApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(PhotoFetchApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('starts a job with the links, reads it by id, and lists a vehicle’s jobs', async () => {
    const started = firstValueFrom(api.start('v-1', ['https://x.example/a.jpg']));
    const post = http.expectOne('/api/inventory/vehicles/v-1/photo-fetches');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ urls: ['https://x.example/a.jpg'] });
    post.flush({ id: 'job-1' });
    expect((await started).id).toBe('job-1');

    const read = firstValueFrom(api.job('job-1'));
    http.expectOne('/api/inventory/photo-fetches/job-1').flush({ id: 'job-1' });
    expect((await read).id).toBe('job-1');

    const recent = firstValueFrom(api.recent('v-1'));
    const list = http.expectOne('/api/inventory/vehicles/v-1/photo-fetches');
    expect(list.request.method).toBe('GET');
    list.flush({ jobs: [{ id: 'job-2' }, { id: 'job-1' }] });
    expect((await recent).map((job) => job.id)).toEqual(['job-2', 'job-1']);
  });
});
