import { DestroyRef, inject, Injectable } from '@angular/core';
import { PhotosApi } from '../../api/photos-api';
import { PhotoAlbum } from './photo-album';
import { PhotoUploadQueue } from './photo-upload-queue';

/**
 * The files on their way to the vehicle on screen. Provided by the photos section, not the manager:
 * a dealer who clicks "Done" while photos are still uploading does not cancel them.
 */
@Injectable()
export class PhotoUploads {
  private readonly api = inject(PhotosApi);
  private readonly album = inject(PhotoAlbum);

  readonly queue = new PhotoUploadQueue({
    upload: (file) => this.api.upload(this.album.vehicleId, file),
    room: () => this.album.room(),
    uploaded: (photo) => this.album.add(photo),
    drained: (added) => this.album.keepDroppedOrder(added.map((photo) => photo.id)),
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.queue.clear());
  }
}
