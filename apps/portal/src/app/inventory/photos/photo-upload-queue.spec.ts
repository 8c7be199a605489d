import { HttpErrorResponse } from '@angular/common/http';
import { MAX_PHOTO_BYTES, type VehiclePhoto } from '@showroom/contracts';
import { Subject } from 'rxjs';
import { photo } from '../../../testing/photo-fixtures';
import type { PhotoUploadEvent } from '../../api/photos-api';
import { mayRetry, PhotoUploadQueue, refusalText } from './photo-upload-queue';

/** A file of `bytes` without allocating them (only name and size matter to the queue). */
function file(name: string, bytes = 1000): File {
  const picked = new File(['x'], name, { type: 'image/jpeg' });
  Object.defineProperty(picked, 'size', { value: bytes });
  return picked;
}

describe('PhotoUploadQueue', () => {
  let sent: { file: File; answer: Subject<PhotoUploadEvent> }[];
  let stored: VehiclePhoto[];
  let room: number;
  let drained: string[][];
  let queue: PhotoUploadQueue;

  beforeEach(() => {
    sent = [];
    stored = [];
    room = 60;
    drained = [];
    queue = new PhotoUploadQueue({
      upload: (picked) => {
        const answer = new Subject<PhotoUploadEvent>();
        sent.push({ file: picked, answer });
        return answer;
      },
      room: () => room - stored.length,
      uploaded: (added) => stored.push(added),
      drained: (added) => drained.push(added.map((one) => one.id)),
      concurrency: 2,
    });
  });

  const statuses = () => queue.uploads().map((upload) => `${upload.file.name}:${upload.status}`);
  const answer = (name: string) => {
    const request = sent.find((one) => one.file.name === name);
    if (!request) throw new Error(`${name} was never sent`);
    return request.answer;
  };

  it('when a dealer drops four photos, then two are sent at a time and the next starts as one finishes', () => {
    const refused = queue.add([file('a.jpg'), file('b.jpg'), file('c.jpg'), file('d.jpg')]);

    expect(refused).toEqual([]);
    expect(sent.map((one) => one.file.name)).toEqual(['a.jpg', 'b.jpg']);
    expect(statuses()).toEqual(['a.jpg:uploading', 'b.jpg:uploading', 'c.jpg:waiting', 'd.jpg:waiting']);

    answer('b.jpg').next({ type: 'done', photo: photo('pb'), duplicate: false });
    answer('b.jpg').complete();

    expect(sent.map((one) => one.file.name)).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
    expect(statuses()).toEqual(['a.jpg:uploading', 'b.jpg:done', 'c.jpg:uploading', 'd.jpg:waiting']);
    expect(stored.map((one) => one.id)).toEqual(['pb']);
    expect(queue.pending()).toBe(3);
  });

  it('when every file has ended, then the new photos are named in the order the files were dropped, not as they arrived', () => {
    queue.add([file('a.jpg'), file('b.jpg'), file('c.jpg'), file('d.jpg')]);
    const arrives = (name: string, id: string, duplicate = false) => {
      answer(name).next({ type: 'done', photo: photo(id), duplicate });
      answer(name).complete();
    };

    arrives('b.jpg', 'pb');
    arrives('c.jpg', 'pc', true);
    arrives('d.jpg', 'pd');
    expect(drained).toEqual([]);
    arrives('a.jpg', 'pa');

    // c.jpg was on the vehicle already: its place is not this drop's to decide.
    expect(drained).toEqual([['pa', 'pb', 'pd']]);
    queue.add([file('e.jpg')]);
    arrives('e.jpg', 'pe');
    expect(drained).toEqual([['pa', 'pb', 'pd'], ['pe']]);
  });

  it('shows each file’s own progress from the bytes sent, and marks a duplicate as such', () => {
    queue.add([file('a.jpg'), file('b.jpg')]);

    answer('a.jpg').next({ type: 'progress', loaded: 250, total: 1000 });
    answer('b.jpg').next({ type: 'progress', loaded: 900, total: 1000 });
    expect(queue.uploads().map((upload) => upload.progress)).toEqual([0.25, 0.9]);

    answer('a.jpg').next({ type: 'progress', loaded: 10, total: null });
    expect(queue.uploads()[0].progress).toBe(0);

    answer('b.jpg').next({ type: 'done', photo: photo('pb'), duplicate: true });
    answer('b.jpg').complete();
    expect(queue.uploads()[1]).toMatchObject({ status: 'done', progress: 1, duplicate: true });
  });

  it('when the service refuses a file, then its problem (naming the file) stays on it and the others go on', () => {
    queue.add([file('a.jpg'), file('notes.txt'), file('c.jpg')]);

    answer('notes.txt').error(
      new HttpErrorResponse({
        status: 422,
        error: {
          type: 'https://showroom.dev/problems/validation',
          title: 'Not a photo',
          status: 422,
          detail: 'notes.txt is not a JPEG, PNG, WebP or HEIC image',
        },
      }),
    );

    const failed = queue.uploads()[1];
    expect(failed.status).toBe('failed');
    expect(failed.problem?.detail).toBe('notes.txt is not a JPEG, PNG, WebP or HEIC image');
    expect(queue.failed()).toBe(1);
    expect(sent.map((one) => one.file.name)).toEqual(['a.jpg', 'notes.txt', 'c.jpg']);
  });

  it('a failed file can be sent again, or removed from the list', () => {
    queue.add([file('a.jpg'), file('b.jpg')]);
    answer('a.jpg').error(new HttpErrorResponse({ status: 0 }));

    expect(queue.retry(queue.uploads()[0].id)).toBe(true);
    expect(sent.filter((one) => one.file.name === 'a.jpg')).toHaveLength(2);
    expect(statuses()).toEqual(['a.jpg:uploading', 'b.jpg:uploading']);

    sent[2].answer.error(new HttpErrorResponse({ status: 0 }));
    queue.remove(queue.uploads()[0].id);
    expect(statuses()).toEqual(['b.jpg:uploading']);
  });

  it('removing a file on its way cancels its request and lets the next one start', () => {
    queue.add([file('a.jpg'), file('b.jpg'), file('c.jpg')]);
    const a = answer('a.jpg');

    queue.remove(queue.uploads()[0].id);

    expect(a.observed).toBe(false);
    expect(statuses()).toEqual(['b.jpg:uploading', 'c.jpg:uploading']);
  });

  it('a file sent in full cannot be cancelled: the service stores it anyway, so it stays until answered', () => {
    queue.add([file('a.jpg')]);
    const a = answer('a.jpg');
    a.next({ type: 'progress', loaded: 1000, total: 1000 });
    expect(queue.processing()).toBe(1);

    expect(queue.remove(queue.uploads()[0].id)).toBe(false);

    expect(a.observed).toBe(true);
    expect(statuses()).toEqual(['a.jpg:uploading']);
    a.next({ type: 'done', photo: photo('pa'), duplicate: false });
    a.complete();
    expect(stored.map((one) => one.id)).toEqual(['pa']);
    expect(queue.processing()).toBe(0);
  });

  it('when more files are dropped than the vehicle has room for (60), then only those that fit are queued and the rest are named', () => {
    room = 60;
    stored = Array.from({ length: 57 }, (_, index) => photo(`old${index}`));

    const refused = queue.add([file('1.jpg'), file('2.jpg'), file('3.jpg'), file('4.jpg'), file('5.jpg')]);

    expect(statuses()).toEqual(['1.jpg:uploading', '2.jpg:uploading', '3.jpg:waiting']);
    expect(refused).toEqual([
      { name: '4.jpg', reason: 'the vehicle has no room for more photos' },
      { name: '5.jpg', reason: 'the vehicle has no room for more photos' },
    ]);

    // The three on their way hold their places: a second drop finds no room either.
    expect(queue.add([file('6.jpg')])).toEqual([
      { name: '6.jpg', reason: 'the vehicle has no room for more photos' },
    ]);
  });

  it('a file over the size limit is refused before anything is sent', () => {
    const refused = queue.add([file('huge.jpg', MAX_PHOTO_BYTES + 1), file('ok.jpg', MAX_PHOTO_BYTES)]);

    expect(refused).toEqual([{ name: 'huge.jpg', reason: 'over 25 MB' }]);
    expect(sent.map((one) => one.file.name)).toEqual(['ok.jpg']);
  });

  it('a failed file is not sent again once the vehicle has filled up', () => {
    room = 1;
    queue.add([file('a.jpg')]);
    answer('a.jpg').error(new HttpErrorResponse({ status: 500 }));
    stored.push(photo('from-the-robot'));

    expect(queue.retry(queue.uploads()[0].id)).toBe(false);
    expect(statuses()).toEqual(['a.jpg:failed']);
  });

  it('an upload that ends without a photo counts as failed, not as forever uploading', () => {
    queue.add([file('a.jpg')]);
    answer('a.jpg').complete();

    expect(queue.uploads()[0]).toMatchObject({ status: 'failed' });
    expect(queue.uploads()[0].problem?.title).toBe('The upload ended without an answer');
  });

  it('clearing keeps the failed files in view and drops the added ones', () => {
    queue.add([file('a.jpg'), file('b.jpg')]);
    answer('a.jpg').next({ type: 'done', photo: photo('pa'), duplicate: false });
    answer('a.jpg').complete();
    answer('b.jpg').error(new HttpErrorResponse({ status: 500 }));

    queue.clearDone();

    expect(statuses()).toEqual(['b.jpg:failed']);
  });

  it('a refusal reads as the reasons that name the file, or the problem’s title and detail when it has none', () => {
    expect(
      refusalText({
        type: 'https://showroom.dev/problems/conflict',
        title: 'Conflict',
        status: 409,
        detail: '0 of 1 photo added; 1 refused.',
        invalidParams: [
          { name: 'photos[0]', reason: 'side.jpg was not added: the vehicle already has 60 photos' },
        ],
      }),
    ).toBe('side.jpg was not added: the vehicle already has 60 photos');
    expect(
      refusalText({
        type: 'about:blank',
        title: 'Showroom cannot be reached',
        status: 0,
        detail: 'Check your connection and try again.',
      }),
    ).toBe('Showroom cannot be reached: Check your connection and try again.');
  });

  it.each([
    [0, true],
    [503, true],
    [429, true],
    [422, false],
    [409, false],
    [413, false],
  ])('a file that failed with %i may be sent again: %s', (status, retry) => {
    expect(mayRetry({ type: 'about:blank', title: 'Failed', status })).toBe(retry);
  });
});
