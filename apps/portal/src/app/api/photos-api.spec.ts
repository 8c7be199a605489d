import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom, toArray } from 'rxjs';
import { photo, photos } from '../../testing/photo-fixtures';
import { PhotosApi, type PhotoUploadEvent } from './photos-api';

describe('PhotosApi', () => {
  let api: PhotosApi;
  let http: HttpTestingController;
  const url = '/api/inventory/vehicles/v%201/photos';

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(PhotosApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists a vehicle’s photos in their order', async () => {
    const listed = firstValueFrom(api.list('v 1'));
    http.expectOne(url).flush({ items: photos(2) });
    expect((await listed).map((one) => one.id)).toEqual(['p1', 'p2']);
  });

  it('uploads one file as multipart field `photos`, reporting the bytes sent, then the stored photo', async () => {
    const picked = new File(['jpeg bytes'], 'front.jpg', { type: 'image/jpeg' });
    const events = firstValueFrom(api.upload('v 1', picked).pipe(toArray()));

    const request = http.expectOne(url);
    expect(request.request.method).toBe('POST');
    expect(request.request.reportProgress).toBe(true);
    const body = request.request.body as FormData;
    expect((body.get('photos') as File).name).toBe('front.jpg');

    request.event({ type: HttpEventType.Sent });
    request.event({ type: HttpEventType.UploadProgress, loaded: 4, total: 10 });
    request.flush(
      { items: [{ name: 'front.jpg', photo: photo('p9', { originalName: 'front.jpg' }), duplicate: false }] },
      { status: 201, statusText: 'Created' },
    );

    expect(await events).toEqual<PhotoUploadEvent[]>([
      { type: 'progress', loaded: 4, total: 10 },
      { type: 'done', photo: photo('p9', { originalName: 'front.jpg' }), duplicate: false },
    ]);
  });

  it('a refused upload fails with the service’s problem, which names the file', async () => {
    const upload = firstValueFrom(api.upload('v 1', new File(['%PDF'], 'brochure.pdf')));
    http.expectOne(url).flush(
      {
        type: 'https://showroom.dev/problems/validation',
        title: 'Not a photo',
        status: 422,
        detail: 'brochure.pdf is not an image',
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await expect(upload).rejects.toMatchObject({
      status: 422,
      error: { detail: 'brochure.pdf is not an image' },
    });
  });

  it('sends a new order as every photo id, and the hero as one id', async () => {
    const reordered = firstValueFrom(api.reorder('v 1', ['p2', 'p1']));
    const order = http.expectOne(`${url}/order`);
    expect(order.request.method).toBe('PUT');
    expect(order.request.body).toEqual({ photoIds: ['p2', 'p1'] });
    order.flush({ items: [photo('p2', { position: 0 }), photo('p1', { position: 1 })] });
    expect((await reordered).map((one) => one.id)).toEqual(['p2', 'p1']);

    const hero = firstValueFrom(api.setHero('v 1', 'p1'));
    const heroRequest = http.expectOne(`${url}/hero`);
    expect(heroRequest.request.method).toBe('PUT');
    expect(heroRequest.request.body).toEqual({ photoId: 'p1' });
    heroRequest.flush({ items: [photo('p1', { hero: true })] });
    expect((await hero)[0].hero).toBe(true);
  });

  it('deletes one photo by its id', async () => {
    const removed = firstValueFrom(api.remove('v 1', 'p/1'));
    const request = http.expectOne(`${url}/p%2F1`);
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await expect(removed).resolves.toBeUndefined();
  });
});
