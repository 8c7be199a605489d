import { Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_VEHICLE } from '@showroom/contracts';
import { FileDrop, FilePicker } from '../../shared/file-drop';
import { PhotoAlbum } from './photo-album';
import { PhotoUploads } from './photo-uploads';
import {
  isProcessing,
  mayRetry,
  type PhotoUpload,
  refusalText,
  type RefusedFile,
} from './photo-upload-queue';

/**
 * Where a dealer adds photos: dropped (several at once) or picked. Each file shows its own progress
 * and, when the service refuses it, why; a failed file can be sent again or dropped from the list.
 */
@Component({
  selector: 'sr-photo-uploader',
  imports: [FileDrop, FilePicker, MatButtonModule, MatIconModule, MatProgressBarModule],
  templateUrl: './photo-uploader.html',
  styleUrl: './photo-uploader.scss',
})
export class PhotoUploader {
  protected readonly album = inject(PhotoAlbum);
  protected readonly queue = inject(PhotoUploads).queue;
  protected readonly maxPhotos = MAX_PHOTOS_PER_VEHICLE;
  protected readonly maxMegabytes = MAX_PHOTO_BYTES / 1024 / 1024;
  /** What fits still, counting the files on their way. */
  protected readonly room = computed(() => Math.max(this.album.room() - this.queue.pending(), 0));
  protected readonly mayRetry = mayRetry;
  protected readonly refused = signal<readonly RefusedFile[]>([]);
  protected readonly finished = computed(() => this.queue.uploads().length > 0 && this.queue.pending() === 0);

  protected readonly processing = isProcessing;
  /**
   * What a screen reader hears as the files go (a polite status): counts by status, so it changes
   * when a file is added, fails or starts, not with every percent sent.
   */
  protected readonly summary = computed(() => {
    const uploads = this.queue.uploads();
    if (!uploads.length) return '';
    const count = (status: PhotoUpload['status']) =>
      uploads.filter((upload) => upload.status === status).length;
    const added = count('done');
    const failed = count('failed');
    const going = uploads.length - added - failed;
    const parts = [
      `${added} of ${uploads.length} ${uploads.length === 1 ? 'photo' : 'photos'} added`,
      failed ? `${failed} not added` : '',
      going ? `${going} on ${going === 1 ? 'its' : 'their'} way` : '',
    ];
    return parts.filter(Boolean).join(', ') + '.';
  });

  protected retry(upload: PhotoUpload): void {
    if (!this.queue.retry(upload.id)) {
      this.refused.set([{ name: upload.file.name, reason: 'the vehicle has no room for more photos' }]);
    }
  }

  protected refusal(upload: PhotoUpload): string {
    return upload.problem ? refusalText(upload.problem) : '';
  }

  protected statusText(upload: PhotoUpload): string {
    switch (upload.status) {
      case 'waiting':
        return 'Waiting';
      case 'uploading':
        // Sent in full: the service is making its sizes.
        if (upload.progress === 0) return 'Sending';
        return upload.progress < 1 ? `${Math.round(upload.progress * 100)}%` : 'Processing';
      case 'done':
        return upload.duplicate ? 'Already on this vehicle' : 'Added';
      case 'failed':
        return 'Not added';
    }
  }

  protected add(files: File[]): void {
    if (!files.length) return;
    this.refused.set(this.queue.add(files));
  }
}
