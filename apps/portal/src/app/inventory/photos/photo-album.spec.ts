import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { photo, photos } from '../../../testing/photo-fixtures';
import { PhotoAlbum } from './photo-album';
import { photoIds } from './photo-order';

describe('PhotoAlbum', () => {
  let album: PhotoAlbum;
  let http: HttpTestingController;
  const url = '/api/inventory/vehicles/v-1/photos';

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), PhotoAlbum],
    });
    album = TestBed.inject(PhotoAlbum);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  function opened(count: number) {
    album.open('v-1');
    http.expectOne(url).flush({ items: photos(count) });
  }

  it('a vehicle is asked for its photos even when none are expected, and has room for 60', () => {
    album.open('v-1');
    expect(album.status()).toBe('loading');
    http.expectOne(url).flush({ items: [] });
    expect(album.status()).toBe('ready');
    expect(album.count()).toBe(0);
    expect(album.room()).toBe(60);
  });

  it('reads the photos of a vehicle that has some, and counts the room left', () => {
    opened(3);
    expect(photoIds(album.photos())).toEqual(['p1', 'p2', 'p3']);
    expect(album.room()).toBe(57);
  });

  it('when the dealer drags a photo, then the new order shows at once and every id is sent in it', () => {
    opened(4);

    album.move(3, 1);

    expect(photoIds(album.photos())).toEqual(['p1', 'p4', 'p2', 'p3']);
    const request = http.expectOne(`${url}/order`);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ photoIds: ['p1', 'p4', 'p2', 'p3'] });
    request.flush({ items: photoIds(album.photos()).map((id, position) => photo(id, { position })) });
  });

  it('two quick moves are sent one after the other, so the later order is the one stored', () => {
    opened(3);

    album.move(0, 2);
    album.move(0, 1);
    expect(photoIds(album.photos())).toEqual(['p3', 'p2', 'p1']);

    const first = http.expectOne(`${url}/order`);
    expect(first.request.body).toEqual({ photoIds: ['p2', 'p3', 'p1'] });
    http.expectNone(`${url}/order`);
    first.flush({ items: ['p2', 'p3', 'p1'].map((id, position) => photo(id, { position })) });
    // The first answer does not put back the order the dealer has already changed.
    expect(photoIds(album.photos())).toEqual(['p3', 'p2', 'p1']);

    const second = http.expectOne(`${url}/order`);
    expect(second.request.body).toEqual({ photoIds: ['p3', 'p2', 'p1'] });
    second.flush({ items: ['p3', 'p2', 'p1'].map((id, position) => photo(id, { position })) });
  });

  it('when a new order cannot be saved, then the photos are read again and shown as stored', () => {
    opened(3);

    album.move(0, 2);
    http
      .expectOne(`${url}/order`)
      .flush(
        { type: 'about:blank', title: 'Conflict', status: 409, detail: 'The photos changed meanwhile' },
        { status: 409, statusText: 'Conflict' },
      );

    http.expectOne(url).flush({ items: photos(3) });
    expect(photoIds(album.photos())).toEqual(['p1', 'p2', 'p3']);
    expect(document.querySelector('.cdk-overlay-container')?.textContent).toContain(
      'The new order could not be saved: The photos changed meanwhile',
    );
  });

  it('the star moves the hero mark at once and tells the service', () => {
    opened(3);

    album.makeHero('p2');

    expect(album.photos().map((one) => one.hero)).toEqual([false, true, false]);
    const request = http.expectOne(`${url}/hero`);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ photoId: 'p2' });
    request.flush({ items: album.photos() });
  });

  it('deleting the hero reads the photos again to learn the new hero; deleting another does not', () => {
    opened(3);

    album.remove('p2');
    expect(photoIds(album.photos())).toEqual(['p1', 'p3']);
    http
      .expectOne({ method: 'DELETE', url: `${url}/p2` })
      .flush(null, { status: 204, statusText: 'No Content' });
    http.expectNone(url);

    album.remove('p1');
    http
      .expectOne({ method: 'DELETE', url: `${url}/p1` })
      .flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne(url).flush({ items: [photo('p3', { position: 0, hero: true })] });
    expect(album.photos().map((one) => [one.id, one.hero])).toEqual([['p3', true]]);
  });

  it('photos uploaded side by side are put back in the order they were dropped', () => {
    opened(1);
    album.add(photo('p3', { position: 1 }));
    album.add(photo('p2', { position: 2 }));

    album.keepDroppedOrder(['p2', 'p3']);

    expect(photoIds(album.photos())).toEqual(['p1', 'p2', 'p3']);
    const order = http.expectOne(`${url}/order`);
    expect(order.request.body).toEqual({ photoIds: ['p1', 'p2', 'p3'] });
    order.flush({ items: photos(3) });
  });

  it('a photo of another vehicle (an upload that ended after the dealer moved on) is not shown here', () => {
    opened(1);
    album.add(photo('elsewhere', { vehicleId: 'v-2', position: 1 }));
    expect(photoIds(album.photos())).toEqual(['p1']);
  });

  describe('when the dealer goes back or forward to another vehicle (the router keeps the album)', () => {
    const other = '/api/inventory/vehicles/v-2/photos';
    const v2 = (ids: string[]) => ids.map((id, position) => photo(id, { vehicleId: 'v-2', position }));

    it('a change made on the first vehicle is still sent there, and its answer is not shown on the second', () => {
      opened(3);
      album.move(0, 2);
      album.move(0, 1);
      const first = http.expectOne(`${url}/order`);

      album.open('v-2');
      http.expectOne(other).flush({ items: v2(['q1', 'q2']) });
      first.flush({ items: ['p2', 'p3', 'p1'].map((id, position) => photo(id, { position })) });

      // The second change of v-1 goes to v-1, not to the vehicle open when it is sent.
      const second = http.expectOne(`${url}/order`);
      expect(second.request.body).toEqual({ photoIds: ['p3', 'p2', 'p1'] });
      second.flush({ items: ['p3', 'p2', 'p1'].map((id, position) => photo(id, { position })) });
      http.expectNone(`${other}/order`);
      expect(photoIds(album.photos())).toEqual(['q1', 'q2']);
    });

    it('a change of the first vehicle that fails does not read the photos of the second again', () => {
      opened(2);
      album.makeHero('p2');
      const hero = http.expectOne(`${url}/hero`);
      album.open('v-2');
      http.expectOne(other).flush({ items: v2(['q1']) });

      hero.flush(
        { type: 'about:blank', title: 'Not Found', status: 404, detail: 'Vehicle v-1' },
        { status: 404, statusText: 'Not Found' },
      );
      http.expectNone(other);
      expect(photoIds(album.photos())).toEqual(['q1']);

      // The second vehicle's own changes are answered as usual.
      album.makeHero('q1');
      http.expectOne(`${other}/hero`).flush({ items: v2(['q1']) });
      expect(photoIds(album.photos())).toEqual(['q1']);
    });

    it('a slow read of the first vehicle is dropped: its photos never show on the second', () => {
      album.open('v-1');
      const slow = http.expectOne(url);
      album.open('v-2');
      expect(slow.cancelled).toBe(true);
      http.expectOne(other).flush({ items: v2(['q1']) });
      expect(photoIds(album.photos())).toEqual(['q1']);
    });
  });

  it('a read answered while a change is still on its way does not undo the change', () => {
    opened(2);
    album.move(0, 1);
    const order = http.expectOne(`${url}/order`);
    album.reload();
    http.expectOne(url).flush({ items: [...photos(2), photo('p3', { position: 2 })] });
    expect(photoIds(album.photos())).toEqual(['p2', 'p1']);
    order.flush({ items: ['p2', 'p1', 'p3'].map((id, position) => photo(id, { position })) });
    expect(photoIds(album.photos())).toEqual(['p2', 'p1', 'p3']);
  });

  it('a read skipped while a deletion was on its way is made again once the deletion is answered', () => {
    opened(2);
    album.remove('p2');
    const deletion = http.expectOne({ method: 'DELETE', url: `${url}/p2` });
    // The robot added a photo meanwhile.
    album.reload();
    http.expectOne(url).flush({ items: [...photos(2), photo('p3', { position: 2 })] });
    expect(photoIds(album.photos())).toEqual(['p1']);

    deletion.flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne(url).flush({ items: [photo('p1'), photo('p3', { position: 1 })] });
    expect(photoIds(album.photos())).toEqual(['p1', 'p3']);
  });
});
