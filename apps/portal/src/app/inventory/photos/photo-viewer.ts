import { Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import type { VehiclePhoto } from '@showroom/contracts';
import { PHOTO_STEPS } from './photo-order';
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
    '(keydown.arrowleft)': 'move(-1)',
    '(keydown.arrowright)': 'move(1)',
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
        @for (step of steps; track step.by) {
          <button
            type="button"
            matIconButton
            class="stage__step"
            [class.stage__step--previous]="step.by < 0"
            [class.stage__step--next]="step.by > 0"
            [attr.aria-label]="(step.by < 0 ? 'Previous' : 'Next') + ' photo'"
            [attr.data-testid]="'viewer-' + step.photo"
            (click)="move(step.by)"
          >
            <mat-icon [svgIcon]="step.icon" />
          </button>
        }
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
      /* Large, but never blown up past the size the photo was taken at. */
      --sr-photo-fit: scale-down;
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
  protected readonly steps = PHOTO_STEPS;
  protected readonly index = signal(this.data.index);
  protected readonly photo = computed(() => this.data.photos[this.index()]);
  protected readonly alt = computed(() =>
    photoAlt(this.data.vehicleName, this.index(), this.data.photos.length),
  );

  /** Round the ends: after the last photo comes the first. */
  protected move(by: number): void {
    const count = this.data.photos.length;
    this.index.update((index) => (index + by + count) % count);
  }
}

/** "2021 Honda Civic, photo 3 of 12": what a screen reader says for each photo. */
export function photoAlt(vehicleName: string, index: number, count: number): string {
  return count > 1 ? `${vehicleName}, photo ${index + 1} of ${count}` : vehicleName;
}
