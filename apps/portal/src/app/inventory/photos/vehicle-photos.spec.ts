import { HttpEventType } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { RouterTestingHarness } from '@angular/router/testing';
import type { PhotoFetchItem, PhotoFetchJob, Role } from '@showroom/contracts';
import { vehicle } from '../../../testing/fixtures';
import { closePage, elementIn, openPage, overlayElement, settle as settlePage } from '../../../testing/page';
import { photo, photos } from '../../../testing/photo-fixtures';
import { POLL_INTERVAL_MS } from '../photo-robot/photo-fetch-run';
import { VehicleDetailPage } from '../vehicle-detail/vehicle-detail-page';

@Component({ selector: 'sr-list-stub', template: 'list' })
class ListStub {}

describe('Vehicle photos on the vehicle page', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  const photosUrl = '/api/inventory/vehicles/v-1/photos';

  async function open(role: Role, photoCount: number) {
    ({ http, harness } = await openPage({
      routes: [
        { path: 'inventory', component: ListStub },
        { path: 'inventory/:id', component: VehicleDetailPage },
      ],
      url: '/inventory/v-1',
      role,
    }));
    http
      .expectOne('/api/inventory/vehicles/v-1')
      .flush(vehicle({ id: 'v-1', photoCount }), { headers: { ETag: '"v3"' } });
    await settle();
    http.expectOne(photosUrl).flush({ items: photos(photoCount) });
    await settle();
  }

  const settle = () => settlePage(harness);
  const element = <T extends Element = HTMLElement>(selector: string) => elementIn<T>(harness, selector);
  const all = <T extends Element = HTMLElement>(selector: string) =>
    Array.from((harness.fixture.nativeElement as HTMLElement).querySelectorAll<T>(selector));
  const text = (selector: string) => element(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  async function manage() {
    element<HTMLButtonElement>('[data-testid="manage-photos"]')?.click();
    await settle();
  }

  afterEach(() => closePage(http));

  it('a viewer sees the hero large as WebP and JPEG, every photo small and lazy, and no editing', async () => {
    await open('viewer', 3);

    expect(text('[data-testid="photo-count"]')).toBe('3 of 60');
    const hero = element('[data-testid="gallery-hero"]');
    expect(hero?.querySelector('source')?.getAttribute('type')).toBe('image/webp');
    expect(hero?.querySelector('source')?.getAttribute('srcset')).toContain('p1-card.webp 800w');
    const heroImage = hero?.querySelector('img');
    expect(heroImage?.getAttribute('src')).toContain('p1-card.jpg');
    expect(heroImage?.getAttribute('alt')).toBe('2020 Honda Accord, photo 1 of 3');
    expect(heroImage?.getAttribute('width')).toBe('1600');
    expect(heroImage?.getAttribute('loading')).toBeNull();

    const thumbnails = all<HTMLImageElement>('[data-testid="gallery-thumbnail"] img');
    expect(thumbnails.map((image) => image.getAttribute('loading'))).toEqual(['lazy', 'lazy', 'lazy']);
    expect(thumbnails.map((image) => image.getAttribute('src'))).toEqual([
      expect.stringContaining('p1-thumbnail.jpg'),
      expect.stringContaining('p2-thumbnail.jpg'),
      expect.stringContaining('p3-thumbnail.jpg'),
    ]);
    expect(element('[data-testid="manage-photos"]')).toBeNull();
  });

  it('a thumbnail opens the larger view at that photo; the arrow keys step through all of them', async () => {
    await open('viewer', 3);

    all<HTMLButtonElement>('[data-testid="gallery-thumbnail"]')[2].click();
    await settle();
    const viewer = overlayElement('sr-photo-viewer');
    expect(overlayElement('[data-testid="viewer-position"]')?.textContent?.trim()).toBe('3 of 3');
    expect(viewer?.querySelector('img')?.getAttribute('src')).toContain('p3-full.jpg');

    viewer?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await settle();
    expect(overlayElement('[data-testid="viewer-position"]')?.textContent?.trim()).toBe('1 of 3');
    expect(viewer?.querySelector('img')?.getAttribute('alt')).toBe('2020 Honda Accord, photo 1 of 3');

    overlayElement<HTMLButtonElement>('[data-testid="viewer-previous"]')?.click();
    await settle();
    expect(overlayElement('[data-testid="viewer-position"]')?.textContent?.trim()).toBe('3 of 3');
  });

  it('a vehicle without photos shows an empty state with the count', async () => {
    await open('sales', 0);

    expect(text('[data-testid="photo-count"]')).toBe('0 of 60');
    expect(text('[data-testid="photos-empty"]')).toContain('No photos yet');
  });

  it('a salesperson moves a photo with the buttons and stars another: the order and the hero are sent', async () => {
    await open('sales', 3);
    await manage();

    all<HTMLButtonElement>('[data-testid="photo-move-later"]')[0].click();
    await settle();
    const order = http.expectOne(`${photosUrl}/order`);
    expect(order.request.body).toEqual({ photoIds: ['p2', 'p1', 'p3'] });
    expect(all('[data-testid="photo-tile"]').map((tile) => tile.dataset['photoId'])).toEqual([
      'p2',
      'p1',
      'p3',
    ]);
    order.flush({
      items: ['p2', 'p1', 'p3'].map((id, position) => photo(id, { position, hero: id === 'p1' })),
    });
    await settle();

    const stars = all<HTMLButtonElement>('[data-testid="photo-hero"]');
    expect(stars.map((star) => star.getAttribute('aria-pressed'))).toEqual(['false', 'true', 'false']);
    stars[2].click();
    await settle();
    const hero = http.expectOne(`${photosUrl}/hero`);
    expect(hero.request.body).toEqual({ photoId: 'p3' });
    expect(all('[data-testid="photo-hero"]').map((star) => star.getAttribute('aria-pressed'))).toEqual([
      'false',
      'false',
      'true',
    ]);
    hero.flush({
      items: ['p2', 'p1', 'p3'].map((id, position) => photo(id, { position, hero: id === 'p3' })),
    });
  });

  it('when a salesperson picks two files, then each is sent on its own; a refused one shows the problem naming it', async () => {
    await open('sales', 1);
    await manage();

    const input = element<HTMLInputElement>('[data-testid="photo-file-input"]');
    if (!input) throw new Error('no file input');
    // jsdom has no DataTransfer to build a FileList with; the uploader only iterates it.
    const picked = [
      new File(['jpeg'], 'front.jpg', { type: 'image/jpeg' }),
      new File(['%PDF'], 'brochure.pdf', { type: 'application/pdf' }),
    ];
    Object.defineProperty(input, 'files', { value: picked, configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();

    const [front, brochure] = http.match(photosUrl);
    expect((front.request.body as FormData).get('photos')).toMatchObject({ name: 'front.jpg' });
    expect(text('[data-testid="uploads-summary"]')).toBe('0 of 2 photos added, 2 on their way.');
    expect(element('[data-testid="uploads-summary"]')?.getAttribute('role')).toBe('status');

    // Sent in full, the service stores it whatever the browser does: no cancel any more.
    front.event({ type: HttpEventType.UploadProgress, loaded: 4, total: 4 });
    await settle();
    const frontRow = all('[data-testid="photo-upload"]')[0];
    expect(frontRow.textContent).toContain('Processing');
    expect(frontRow.querySelector('[data-testid="remove-upload"]')).toBeNull();
    expect(
      all('[data-testid="photo-upload"]')[1].querySelector('[data-testid="remove-upload"]'),
    ).not.toBeNull();
    brochure.flush(
      {
        type: 'https://showroom.dev/problems/invalid-image',
        title: 'Not a usable photo',
        status: 422,
        detail: '0 of 1 photo added; 1 refused.',
        invalidParams: [
          { name: 'photos[0]', reason: 'brochure.pdf is not a JPEG, PNG, WebP, AVIF or TIFF image' },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    front.flush(
      { items: [{ name: 'front.jpg', photo: photo('p2', { position: 1 }), duplicate: false }] },
      { status: 201, statusText: 'Created' },
    );
    await settle();

    expect(all('[data-testid="photo-upload"]').map((upload) => upload.dataset['status'])).toEqual([
      'done',
      'failed',
    ]);
    expect(text('[data-testid="upload-problem"]')).toBe(
      'brochure.pdf is not a JPEG, PNG, WebP, AVIF or TIFF image',
    );
    expect(element('[data-testid="upload-problem"]')?.getAttribute('role')).toBe('alert');
    expect(text('[data-testid="uploads-summary"]')).toBe('1 of 2 photos added, 1 not added.');
    // The same bytes would be refused again: no Retry, only Remove.
    expect(element('[data-testid="retry-upload"]')).toBeNull();
    expect(element('[data-testid="remove-upload"]')).not.toBeNull();
    expect(all('[data-testid="photo-tile"]')).toHaveLength(2);
    expect(text('[data-testid="photo-count"]')).toBe('2 of 60');
  });

  it('a vehicle with 60 photos takes no more: the drop zone says so', async () => {
    await open('sales', 60);
    await manage();

    expect(text('[data-testid="photos-full"]')).toContain('60 photos, the most it can have');
    expect(element('[data-testid="choose-photos"]')).toBeNull();
  });

  it('deleting a photo asks first, then removes it', async () => {
    await open('manager', 2);
    await manage();

    all<HTMLButtonElement>('[data-testid="photo-delete"]')[1].click();
    await settle();
    expect(overlayElement('mat-dialog-container')?.textContent).toContain('Delete this photo?');
    overlayElement<HTMLButtonElement>('[data-testid="confirm"]')?.click();
    await settle();

    http
      .expectOne({ method: 'DELETE', url: `${photosUrl}/p2` })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(all('[data-testid="photo-tile"]').map((tile) => tile.dataset['photoId'])).toEqual(['p1']);
    // The focus stays in the grid, on the photo now in the deleted one's place (here the last).
    expect(document.activeElement).toBe(element('[data-photo-id="p1"] [data-testid="photo-delete"]'));
  });

  it('the photo robot is still followed after “Done”: the photos are read again once it adds some', async () => {
    await open('sales', 1);
    await manage();

    element<HTMLElement>('[data-testid="photos-from-links"] mat-expansion-panel-header')?.click();
    await settle();
    const running = robotJob('running', { status: 'queued', photoId: null });
    http.expectOne('/api/inventory/vehicles/v-1/photo-fetches').flush({ jobs: [running] });
    await settle();
    expect(element(`[data-testid="photo-fetch-job"]`)?.dataset['status']).toBe('running');

    await manage();
    expect(element('[data-testid="photo-fetch-panel"]')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS + 100));
    http
      .expectOne('/api/inventory/photo-fetches/job-1')
      .flush(robotJob('done', { status: 'added', photoId: 'p2' }));
    http.expectOne(photosUrl).flush({ items: photos(2) });
    await settle();
    expect(all('[data-testid="gallery-thumbnail"]')).toHaveLength(2);
    expect(text('[data-testid="photo-count"]')).toBe('2 of 60');

    // Managing again shows the job as followed, without reading the latest job afresh.
    await manage();
    element<HTMLElement>('[data-testid="photos-from-links"] mat-expansion-panel-header')?.click();
    await settle();
    http.expectNone('/api/inventory/vehicles/v-1/photo-fetches');
    expect(element(`[data-testid="photo-fetch-job"]`)?.dataset['status']).toBe('done');
  });

  it('files dropped on the drop zone are sent like picked ones; more than fit are named and not sent', async () => {
    await open('sales', 58);
    await manage();

    const zone = element('[data-testid="photo-drop-zone"]');
    // jsdom has no DataTransfer: the events carry the little the uploader reads from it.
    const over = new Event('dragover', { bubbles: true, cancelable: true });
    Object.defineProperty(over, 'dataTransfer', { value: { types: ['Files'], dropEffect: 'none' } });
    zone?.dispatchEvent(over);
    await settle();
    expect(over.defaultPrevented).toBe(true);
    expect(zone?.classList).toContain('drop--over');

    const dropped = ['a.jpg', 'b.jpg', 'c.jpg'].map(
      (name) => new File(['jpeg'], name, { type: 'image/jpeg' }),
    );
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { types: ['Files'], files: dropped } });
    zone?.dispatchEvent(drop);
    await settle();

    expect(zone?.classList).not.toContain('drop--over');
    const sent = http.match(photosUrl);
    expect(sent.map((request) => ((request.request.body as FormData).get('photos') as File).name)).toEqual([
      'a.jpg',
      'b.jpg',
    ]);
    expect(text('[data-testid="photos-refused"]')).toContain(
      'c.jpg: the vehicle has no room for more photos',
    );
    sent.forEach((request, index) =>
      request.flush(
        {
          items: [
            { name: `${index}.jpg`, photo: photo(`n${index}`, { position: 58 + index }), duplicate: false },
          ],
        },
        { status: 201, statusText: 'Created' },
      ),
    );
    await settle();
    expect(text('[data-testid="photo-count"]')).toBe('60 of 60');
    expect(text('[data-testid="photos-full"]')).toContain('60 photos, the most it can have');
  });

  it('arranging waits while an upload is processing: the photo is stored but not yet on screen', async () => {
    await open('sales', 2);
    await manage();
    const input = element<HTMLInputElement>('[data-testid="photo-file-input"]');
    Object.defineProperty(input, 'files', {
      value: [new File(['jpeg'], 'rear.jpg', { type: 'image/jpeg' })],
    });
    input?.dispatchEvent(new Event('change'));
    await settle();
    const upload = http.expectOne(photosUrl);
    expect(element<HTMLButtonElement>('[data-testid="photo-move-later"]')?.disabled).toBe(false);

    upload.event({ type: HttpEventType.UploadProgress, loaded: 4, total: 4 });
    await settle();
    expect(text('[data-testid="arrange-waiting"]')).toContain('Arranging waits');
    expect(all<HTMLButtonElement>('[data-testid^="photo-move-"]').every((button) => button.disabled)).toBe(
      true,
    );

    upload.flush(
      { items: [{ name: 'rear.jpg', photo: photo('p3', { position: 2 }), duplicate: false }] },
      { status: 201, statusText: 'Created' },
    );
    await settle();
    expect(element('[data-testid="arrange-waiting"]')).toBeNull();
    expect(element<HTMLButtonElement>('[data-testid="photo-move-later"]')?.disabled).toBe(false);
    expect(all('[data-testid="photo-tile"]')).toHaveLength(3);
  });

  it('“Done” while a photo is uploading lets it finish: the gallery says so, then shows it', async () => {
    await open('sales', 1);
    await manage();
    const input = element<HTMLInputElement>('[data-testid="photo-file-input"]');
    Object.defineProperty(input, 'files', {
      value: [new File(['jpeg'], 'rear.jpg', { type: 'image/jpeg' })],
    });
    input?.dispatchEvent(new Event('change'));
    await settle();

    await manage();
    expect(element('[data-testid="photo-manager"]')).toBeNull();
    expect(text('[data-testid="photos-uploading"]')).toBe('adding 1 more…');

    http
      .expectOne(photosUrl)
      .flush(
        { items: [{ name: 'rear.jpg', photo: photo('p2', { position: 1 }), duplicate: false }] },
        { status: 201, statusText: 'Created' },
      );
    await settle();
    expect(element('[data-testid="photos-uploading"]')).toBeNull();
    expect(all('[data-testid="gallery-thumbnail"]')).toHaveLength(2);
  });
});

function robotJob(
  status: 'running' | 'done',
  link: Pick<PhotoFetchItem, 'status' | 'photoId'>,
): PhotoFetchJob {
  const added = link.status === 'added' ? 1 : 0;
  return {
    id: 'job-1',
    vehicleId: 'v-1',
    origin: 'dealer',
    status,
    counts: { total: 1, queued: 1 - added, fetching: 0, added, duplicate: 0, failed: 0, refused: 0 },
    items: [{ position: 0, url: 'https://images.example.com/a.jpg', reason: null, attempts: added, ...link }],
    createdAt: '2026-12-06T10:00:00.000Z',
    finishedAt: status === 'done' ? '2026-12-06T10:00:05.000Z' : null,
  };
}
