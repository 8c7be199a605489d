import { Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import type { VehiclePhoto } from '@showroom/contracts';
import { PhotoPicture } from './photo-picture';

export interface PhotoViewerData {
  photos: readonly VehiclePhoto[];
  /** The photo to show first. */
  index: number;
  /** "2021 Honda Civic": the alt text of each photo starts with it. */
  vehicleName: string;
}

/** A vehicle's photos one at a time, large: previous and next by button or the arrow keys. */
@Component({
  selector: 'sr-photo-viewer',
  imports: [MatButtonModule, MatDialogModule, MatIconModule, PhotoPicture],
  host: {
    '(keydown.arrowleft)': 'step(-1)',
    '(keydown.arrowright)': 'step(1)',
  },
  template: `
    <div class="bar">
      <h2 class="bar__title" mat-dialog-title>{{ data.vehicleName }}</h2>
      <span class="bar__count" aria-live="polite" data-testid="viewer-position">
        {{ index() + 1 }} of {{ data.photos.length }}
      </span>
      <button type="button" matIconButton mat-dialog-close aria-label="Close">
        <mat-icon svgIcon="close" />
      </button>
    </div>
    <div class="stage">
      <sr-photo-picture
        class="stage__photo"
        [urls]="photo().urls"
        variant="full"
        [alt]="alt()"
        [width]="photo().width"
        [height]="photo().height"
        [lazy]="false"
      />
      @if (data.photos.length > 1) {
        <button
          type="button"
          matIconButton
          class="stage__step stage__step--previous"
          aria-label="Previous photo"
          data-testid="viewer-previous"
          (click)="step(-1)"
        >
          <mat-icon svgIcon="chevron-left" />
        </button>
        <button
          type="button"
          matIconButton
          class="stage__step stage__step--next"
          aria-label="Next photo"
          data-testid="viewer-next"
          (click)="step(1)"
        >
          <mat-icon svgIcon="chevron-right" />
        </button>
      }
    </div>
  `,
  styles: `
    :host {
      display: grid;
      grid-template-rows: auto 1fr;
      height: 100%;
      background: #111;
      color: #fff;
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 4px 4px 4px 16px;
    }
    .bar__title {
      flex: 1;
      margin: 0;
      padding: 0;
      font: var(--mat-sys-title-medium);
      color: inherit;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .bar__title::before {
      display: none;
    }
    .bar__count {
      font: var(--mat-sys-label-large);
    }
    button {
      color: inherit;
    }
    .stage {
      position: relative;
      min-height: 0;
      display: grid;
    }
    .stage__photo {
      --sr-photo-fit: contain;
      width: 100%;
      height: 100%;
      background: transparent;
    }
    .stage__step {
      position: absolute;
      top: 50%;
      translate: 0 -50%;
      background: rgb(0 0 0 / 45%);
    }
    .stage__step--previous {
      left: 8px;
    }
    .stage__step--next {
      right: 8px;
    }
  `,
})
export class PhotoViewer {
  protected readonly data = inject<PhotoViewerData>(MAT_DIALOG_DATA);
  protected readonly index = signal(this.data.index);
  protected readonly photo = computed(() => this.data.photos[this.index()]);
  protected readonly alt = computed(() =>
    photoAlt(this.data.vehicleName, this.index(), this.data.photos.length),
  );

  /** Round the ends: after the last photo comes the first. */
  protected step(by: number): void {
    const count = this.data.photos.length;
    this.index.update((index) => (index + by + count) % count);
  }
}

/** "2021 Honda Civic, photo 3 of 12": what a screen reader says for each photo. */
export function photoAlt(vehicleName: string, index: number, count: number): string {
  return count > 1 ? `${vehicleName}, photo ${index + 1} of ${count}` : vehicleName;
}
