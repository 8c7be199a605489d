import { Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MAX_PHOTOS_PER_VEHICLE, type Vehicle } from '@showroom/contracts';
import { Permissions } from '../../core/permissions';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { PhotoFetchPanel } from '../photo-robot/photo-fetch-panel';
import { PhotoFetchRun } from '../photo-robot/photo-fetch-run';
import { PhotoAlbum } from './photo-album';
import { PhotoArranger } from './photo-arranger';
import { PhotoGallery } from './photo-gallery';
import { PhotoUploader } from './photo-uploader';
import { PhotoUploads } from './photo-uploads';

/**
 * The vehicle page's photos: a gallery for everyone who may see the vehicle; for those who may change
 * it, "Manage photos" adds (files, or links for the photo robot), arranges, picks the hero and deletes.
 */
@Component({
  selector: 'sr-vehicle-photos',
  imports: [
    MatButtonModule,
    MatExpansionModule,
    MatIconModule,
    MatProgressSpinnerModule,
    PhotoArranger,
    PhotoFetchPanel,
    PhotoGallery,
    PhotoUploader,
    ProblemTextPipe,
  ],
  providers: [PhotoAlbum, PhotoUploads, PhotoFetchRun],
  templateUrl: './vehicle-photos.html',
  styleUrl: './vehicle-photos.scss',
})
export class VehiclePhotos {
  readonly vehicle = input.required<Vehicle>();

  protected readonly album = inject(PhotoAlbum);
  private readonly uploads = inject(PhotoUploads).queue;
  /** The photo robot's job, followed here rather than in its panel: "Done" does not stop it. */
  private readonly robot = inject(PhotoFetchRun);
  /** Files still on their way while the gallery shows (the dealer clicked "Done"). */
  protected readonly uploading = this.uploads.pending;
  private readonly permissions = inject(Permissions);

  protected readonly canWrite = computed(() => this.permissions.can('inventory:write'));
  protected readonly managing = signal(false);
  protected readonly maxPhotos = MAX_PHOTOS_PER_VEHICLE;
  /** "2021 Honda Civic": the photos' alt text names the car, not its trim. */
  protected readonly vehicleName = computed(() => {
    const { year, make, model } = this.vehicle();
    return `${year} ${make} ${model}`;
  });

  constructor() {
    // Another vehicle (the page's id changed), not a new version of this one (a status change).
    let opened = '';
    effect(() => {
      const { id } = this.vehicle();
      if (id === opened) return;
      opened = id;
      untracked(() => {
        this.managing.set(false);
        this.uploads.clear();
        this.robot.close();
        this.album.open(id);
      });
    });
    // The robot's photos show as its links are added, whether or not the panel is still open.
    this.robot.arrived.pipe(takeUntilDestroyed()).subscribe(() => this.album.reload());
  }
}
