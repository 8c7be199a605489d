import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MAX_PHOTOS_PER_VEHICLE, type VehiclePhoto } from '@showroom/contracts';
import { catchError, concatMap, EMPTY, type Observable, of, Subject, tap } from 'rxjs';
import { PhotosApi } from '../../api/photos-api';
import { problemOf } from '../../core/problem';
import { LoadState } from '../../shared/load-state';
import { inDroppedOrder, movePhoto, photoIds, withHero, withPhoto } from './photo-order';

/** A change the dealer made, sent in turn: each one's answer is the photos as the service keeps them. */
interface PhotoChange {
  send: () => Observable<VehiclePhoto[] | null>;
  /** "The new order could not be saved". */
  failure: string;
}

/**
 * The photos of the vehicle on screen, and the dealer's changes to them. Changes show at once and are
 * sent one after another (a reorder answered out of turn would undo a later one); when one fails, the
 * photos are read again so the screen shows what is stored. Provided by the photos section.
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
  private readonly changes = new Subject<PhotoChange>();
  private unsent = 0;
  private readonly reads = new Subject<void>();

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
        concatMap(() =>
          this.loadState.track(this.api.list(this.vehicleId), { quietly: this.status() === 'ready' }),
        ),
        takeUntilDestroyed(destroyed),
      )
      .subscribe((photos) => this.shown.set(photos));
  }

  /**
   * Always asks, even when the vehicle says it has no photos: its `photoCount` may come from a cache
   * that has not yet heard of an upload a moment ago.
   */
  open(vehicleId: string): void {
    this.openVehicleId = vehicleId;
    this.shown.set([]);
    this.reload();
  }

  reload(): void {
    this.reads.next();
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
      send: () => this.api.reorder(this.vehicleId, photoIds(moved)),
      failure: 'The new order could not be saved',
    });
  }

  /** Puts photos uploaded side by side into the order the dealer dropped them in (`photoIds`). */
  keepDroppedOrder(ids: readonly string[]): void {
    const arranged = inDroppedOrder(this.shown(), ids);
    if (!arranged) return;
    this.change(arranged, {
      send: () => this.api.reorder(this.vehicleId, photoIds(arranged)),
      failure: 'The photos could not be put in the order they were dropped',
    });
  }

  makeHero(photoId: string): void {
    this.change(withHero(this.shown(), photoId), {
      send: () => this.api.setHero(this.vehicleId, photoId),
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
        send: () =>
          this.api
            .remove(this.vehicleId, photoId)
            .pipe(concatMap(() => (removed?.hero ? this.api.list(this.vehicleId) : of(null)))),
        failure: 'The photo could not be deleted',
      },
    );
  }

  private change(photos: VehiclePhoto[], change: PhotoChange): void {
    this.shown.set(photos);
    this.unsent++;
    this.changes.next(change);
  }

  private send(change: PhotoChange): Observable<unknown> {
    return change.send().pipe(
      tap((stored) => {
        this.unsent--;
        // A later change already shows on screen; its own answer will bring the stored photos.
        if (stored && this.unsent === 0) this.shown.set(stored);
      }),
      catchError((error: unknown) => {
        this.unsent--;
        const problem = problemOf(error);
        this.snackBar.open(`${change.failure}: ${problem.detail ?? problem.title}`, 'OK', { duration: 8000 });
        this.reload();
        return EMPTY;
      }),
    );
  }
}
