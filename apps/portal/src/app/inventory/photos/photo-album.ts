import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MAX_PHOTOS_PER_VEHICLE, type VehiclePhoto } from '@showroom/contracts';
import { catchError, concatMap, EMPTY, map, type Observable, of, Subject, switchMap, tap } from 'rxjs';
import { PhotosApi } from '../../api/photos-api';
import { problemOf } from '../../core/problem';
import { LoadState } from '../../shared/load-state';
import { inDroppedOrder, movePhoto, photoIds, withHero, withPhoto } from './photo-order';

/** A change the dealer made, sent in turn: each one's answer is the photos as the service keeps them. */
interface PhotoChange {
  /** The vehicle on screen when the dealer made it: sent there even if another is opened meanwhile. */
  vehicleId: string;
  /** Which opening of a vehicle it belongs to: answers for an earlier one are not shown. */
  opening: number;
  send: (vehicleId: string) => Observable<VehiclePhoto[] | null>;
  /** "The new order could not be saved". */
  failure: string;
}

/**
 * The photos of the vehicle on screen, and the dealer's changes to them. Changes show at once and are
 * sent one after another (a reorder answered out of turn would undo a later one); when one fails, the
 * photos are read again so the screen shows what is stored. Provided by the photos section, which the
 * router keeps when the dealer goes back or forward to another vehicle: every change is sent for the
 * vehicle it was made on, and answers for a vehicle no longer open are not shown.
 */
@Injectable()
export class PhotoAlbum {
  private readonly api = inject(PhotosApi);
  private readonly snackBar = inject(MatSnackBar);

  private readonly loadState = new LoadState('loading', false);
  readonly status = this.loadState.status;
  readonly problem = this.loadState.problem;

  private readonly shown = signal<readonly VehiclePhoto[]>([]);
  readonly photos = this.shown.asReadonly();
  readonly count = computed(() => this.shown().length);
  readonly room = computed(() => Math.max(MAX_PHOTOS_PER_VEHICLE - this.shown().length, 0));

  private openVehicleId = '';
  /** Counts the openings, so an answer knows whether its vehicle is still the one on screen. */
  private opening = 0;
  private readonly changes = new Subject<PhotoChange>();
  /** Changes of the vehicle open now that are shown but not yet answered. */
  private unsent = 0;
  /** A read came while changes were unanswered; unless their answer brings the photos, read again. */
  private readSkipped = false;
  private readonly reads = new Subject<{ vehicleId: string; opening: number }>();

  constructor() {
    const destroyed = inject(DestroyRef);
    this.changes
      .pipe(
        concatMap((change) => this.send(change)),
        takeUntilDestroyed(destroyed),
      )
      .subscribe();
    this.reads
      .pipe(
        // A newer read (another vehicle, or this one again) makes an older answer moot.
        switchMap(({ vehicleId, opening }) =>
          this.loadState
            .track(this.api.list(vehicleId), { quietly: this.status() === 'ready' })
            .pipe(map((photos) => ({ photos, opening }))),
        ),
        takeUntilDestroyed(destroyed),
      )
      .subscribe(({ photos, opening }) => {
        if (opening !== this.opening) return;
        // A change shown but not answered yet would be undone: read again once it is answered.
        if (this.unsent > 0) this.readSkipped = true;
        else this.shown.set(photos);
      });
  }

  /**
   * Always asks, even when the vehicle says it has no photos: its `photoCount` may come from a cache
   * that has not yet heard of an upload a moment ago. Changes still on their way to the vehicle shown
   * before are sent, but no longer counted nor shown.
   */
  open(vehicleId: string): void {
    this.openVehicleId = vehicleId;
    this.opening++;
    this.unsent = 0;
    this.readSkipped = false;
    this.shown.set([]);
    this.reload();
  }

  reload(): void {
    this.reads.next({ vehicleId: this.openVehicleId, opening: this.opening });
  }

  /** The vehicle whose photos these are. */
  get vehicleId(): string {
    return this.openVehicleId;
  }

  /** A photo that arrived (an upload or the robot); the service has it already. */
  add(photo: VehiclePhoto): void {
    if (photo.vehicleId !== this.openVehicleId) return;
    this.shown.update((photos) => withPhoto(photos, photo));
  }

  move(from: number, to: number): void {
    if (from === to) return;
    const moved = movePhoto(this.shown(), from, to);
    this.change(moved, {
      send: (vehicleId) => this.api.reorder(vehicleId, photoIds(moved)),
      failure: 'The new order could not be saved',
    });
  }

  /** Puts photos uploaded side by side into the order the dealer dropped them in (`photoIds`). */
  keepDroppedOrder(ids: readonly string[]): void {
    const arranged = inDroppedOrder(this.shown(), ids);
    if (!arranged) return;
    this.change(arranged, {
      send: (vehicleId) => this.api.reorder(vehicleId, photoIds(arranged)),
      failure: 'The photos could not be put in the order they were dropped',
    });
  }

  makeHero(photoId: string): void {
    this.change(withHero(this.shown(), photoId), {
      send: (vehicleId) => this.api.setHero(vehicleId, photoId),
      failure: 'The hero photo could not be changed',
    });
  }

  remove(photoId: string): void {
    const removed = this.shown().find((photo) => photo.id === photoId);
    const rest = this.shown().filter((photo) => photo.id !== photoId);
    this.change(
      rest.map((photo, position) => ({ ...photo, position })),
      {
        // Deleting the hero makes another one the hero: read which.
        send: (vehicleId) =>
          this.api
            .remove(vehicleId, photoId)
            .pipe(concatMap(() => (removed?.hero ? this.api.list(vehicleId) : of(null)))),
        failure: 'The photo could not be deleted',
      },
    );
  }

  private change(photos: VehiclePhoto[], change: Pick<PhotoChange, 'send' | 'failure'>): void {
    this.shown.set(photos);
    this.unsent++;
    this.changes.next({ ...change, vehicleId: this.openVehicleId, opening: this.opening });
  }

  private send(change: PhotoChange): Observable<unknown> {
    const stillOpen = () => change.opening === this.opening;
    return change.send(change.vehicleId).pipe(
      tap((stored) => {
        if (!stillOpen()) return;
        this.unsent--;
        // A later change already shows on screen; its own answer will bring the stored photos.
        if (this.unsent > 0) return;
        const skipped = this.readSkipped;
        this.readSkipped = false;
        if (stored) this.shown.set(stored);
        else if (skipped) this.reload();
      }),
      catchError((error: unknown) => {
        const problem = problemOf(error);
        this.snackBar.open(`${change.failure}: ${problem.detail ?? problem.title}`, 'OK', { duration: 8000 });
        if (stillOpen()) {
          this.unsent--;
          this.readSkipped = false;
          this.reload();
        }
        return EMPTY;
      }),
    );
  }
}
