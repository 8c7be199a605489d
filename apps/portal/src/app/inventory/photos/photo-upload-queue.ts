import { computed, signal } from '@angular/core';
import { MAX_PHOTO_BYTES, type Problem, type VehiclePhoto } from '@showroom/contracts';
import type { Observable, Subscription } from 'rxjs';
import { problemOf } from '../../core/problem';
import type { PhotoUploadEvent } from '../../api/photos-api';

export type PhotoUploadStatus = 'waiting' | 'uploading' | 'done' | 'failed';

const NO_ANSWER: Problem = {
  type: 'about:blank',
  title: 'The upload ended without an answer',
  status: 0,
  detail: 'Try again.',
};

/** One file the dealer dropped or picked, on its way to the vehicle. */
export interface PhotoUpload {
  readonly id: number;
  readonly file: File;
  readonly status: PhotoUploadStatus;
  /** 0 to 1; what has been sent of the file (the service then still makes its variants). */
  readonly progress: number;
  /** Why it failed: the service's problem, which names the file. */
  readonly problem: Problem | null;
  /** Stored, but the vehicle had that very photo already. */
  readonly duplicate: boolean;
}

/** A file refused before any upload, and why (in the dealer's words). */
export interface RefusedFile {
  readonly name: string;
  readonly reason: string;
}

export interface PhotoUploadQueueOptions {
  /** Sends one file; emits progress, then the stored photo. */
  upload: (file: File) => Observable<PhotoUploadEvent>;
  /** How many more photos the vehicle can take, not counting this queue. */
  room: () => number;
  /** A photo is stored (or the vehicle had it already: `duplicate` on the upload). */
  uploaded: (photo: VehiclePhoto) => void;
  /**
   * Every file has ended: the new photos (not the duplicates) in the order the files were given,
   * which side-by-side uploads do not keep.
   */
  drained?: (added: VehiclePhoto[]) => void;
  /** Files sent at once: a few, so one big file does not hold up the rest, nor do 30 share the line. */
  concurrency?: number;
}

/**
 * The files being uploaded to one vehicle: one request per file, a few at a time, progress and
 * failure per file. Files that cannot fit (the vehicle's photo limit) or are too big are refused
 * before anything is sent; the service judges the rest by their bytes.
 */
export class PhotoUploadQueue {
  private readonly state = signal<readonly PhotoUpload[]>([]);
  readonly uploads = this.state.asReadonly();
  /** Uploads that will take a place on the vehicle unless they fail. */
  readonly pending = computed(
    () =>
      this.state().filter((upload) => upload.status === 'waiting' || upload.status === 'uploading').length,
  );
  readonly failed = computed(() => this.state().filter((upload) => upload.status === 'failed').length);
  /**
   * Uploads sent in full whose answer has not come: the service is making the photo's sizes and
   * stores it whatever the browser does now (a cancel would not stop it).
   */
  readonly processing = computed(() => this.state().filter(isProcessing).length);

  private readonly concurrency: number;
  private readonly running = new Map<number, Subscription>();
  /** The photos added since the queue was last empty, by upload. */
  private added = new Map<number, VehiclePhoto>();
  private nextId = 1;

  constructor(private readonly options: PhotoUploadQueueOptions) {
    this.concurrency = options.concurrency ?? 3;
  }

  /** Queues what fits, in the order given, and answers what it refused. */
  add(files: readonly File[]): RefusedFile[] {
    const refused: RefusedFile[] = [];
    const queued: PhotoUpload[] = [];
    let room = this.room();
    for (const file of files) {
      if (file.size > MAX_PHOTO_BYTES) {
        refused.push({ name: file.name, reason: `over ${MAX_PHOTO_BYTES / 1024 / 1024} MB` });
      } else if (room <= 0) {
        refused.push({ name: file.name, reason: 'the vehicle has no room for more photos' });
      } else {
        room--;
        queued.push({
          id: this.nextId++,
          file,
          status: 'waiting',
          progress: 0,
          problem: null,
          duplicate: false,
        });
      }
    }
    if (queued.length) {
      this.state.update((uploads) => [...uploads, ...queued]);
      this.startWaiting();
    }
    return refused;
  }

  /** Sends a failed file again; refused (false) when the vehicle has filled up meanwhile. */
  retry(id: number): boolean {
    const upload = this.find(id);
    if (!upload || upload.status !== 'failed' || this.room() <= 0) return false;
    this.patch(id, { status: 'waiting', progress: 0, problem: null });
    this.startWaiting();
    return true;
  }

  /**
   * Takes a file off the list; one still being sent is cancelled (nothing is stored for it). One sent
   * in full stays (false): the service has it and stores it even if the request is dropped, so a
   * "cancelled" photo would appear on the vehicle all the same.
   */
  remove(id: number): boolean {
    const upload = this.find(id);
    if (!upload || isProcessing(upload)) return false;
    this.running.get(id)?.unsubscribe();
    this.running.delete(id);
    this.state.update((uploads) => uploads.filter((upload) => upload.id !== id));
    this.startWaiting();
    this.drainedIfIdle();
    return true;
  }

  /** Forgets the files that arrived, keeping the failed ones in view. */
  clearDone(): void {
    this.state.update((uploads) => uploads.filter((upload) => upload.status !== 'done'));
  }

  /** Cancels everything in flight and forgets every file (the page is left, another vehicle opened). */
  clear(): void {
    for (const subscription of this.running.values()) subscription.unsubscribe();
    this.running.clear();
    this.added = new Map();
    this.state.set([]);
  }

  private room(): number {
    return this.options.room() - this.pending();
  }

  private startWaiting(): void {
    for (const upload of this.state()) {
      if (this.running.size >= this.concurrency) return;
      if (upload.status === 'waiting') this.start(upload);
    }
  }

  private start(upload: PhotoUpload): void {
    const { id } = upload;
    this.patch(id, { status: 'uploading' });
    // Registered before subscribing: a synchronous answer (a test, a cache) finishes inside subscribe.
    const finished = () => {
      this.running.delete(id);
      this.startWaiting();
      this.drainedIfIdle();
    };
    const subscription = this.options.upload(upload.file).subscribe({
      next: (event) => {
        if (event.type === 'progress') {
          this.patch(id, { progress: event.total ? Math.min(event.loaded / event.total, 1) : 0 });
          return;
        }
        this.patch(id, { status: 'done', progress: 1, duplicate: event.duplicate });
        if (!event.duplicate) this.added.set(id, event.photo);
        this.options.uploaded(event.photo);
      },
      error: (error: unknown) => {
        this.patch(id, { status: 'failed', problem: problemOf(error) });
        finished();
      },
      complete: () => {
        if (this.find(id)?.status === 'uploading') {
          this.patch(id, { status: 'failed', problem: NO_ANSWER });
        }
        finished();
      },
    });
    if (!subscription.closed) this.running.set(id, subscription);
  }

  private drainedIfIdle(): void {
    if (this.pending() > 0 || this.added.size === 0) return;
    const added = [...this.added.entries()].sort(([a], [b]) => a - b).map(([, photo]) => photo);
    this.added = new Map();
    this.options.drained?.(added);
  }

  private find(id: number): PhotoUpload | undefined {
    return this.state().find((upload) => upload.id === id);
  }

  private patch(id: number, change: Partial<Omit<PhotoUpload, 'id' | 'file'>>): void {
    this.state.update((uploads) =>
      uploads.map((upload) => (upload.id === id ? { ...upload, ...change } : upload)),
    );
  }
}

/** Sent in full, its answer not come yet ("Processing"). */
export function isProcessing(upload: PhotoUpload): boolean {
  return upload.status === 'uploading' && upload.progress >= 1;
}

/**
 * Why the service refused a file, in its own words: each reason of the problem names the file
 * ("rust.jpg is not a JPEG, PNG, WebP, AVIF or TIFF image"), while its detail only counts them.
 */
export function refusalText(problem: Problem): string {
  const reasons = (problem.invalidParams ?? []).map((param) => param.reason);
  if (reasons.length) return reasons.join('; ');
  return problem.detail ? `${problem.title}: ${problem.detail}` : problem.title;
}

/**
 * Whether sending the file again may go better: the network, a busy or failing service. A file the
 * service judged (not a photo, too large, no room) would only be refused again.
 */
export function mayRetry(problem: Problem | null): boolean {
  if (!problem) return false;
  return problem.status === 0 || problem.status === 408 || problem.status === 429 || problem.status >= 500;
}
