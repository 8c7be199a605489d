import { Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { PhotoVariantUrls } from '@showroom/contracts';
import { PhotoPicture } from './photo-picture';

/**
 * A vehicle's hero photo in a list row or card: the small variant, loaded as it scrolls into view,
 * in a box of fixed size so rows never move; a plain car icon when it has no photo yet.
 */
@Component({
  selector: 'sr-vehicle-thumbnail',
  imports: [MatIconModule, PhotoPicture],
  host: {
    '[style.width.px]': 'width()',
    '[style.height.px]': 'height()',
  },
  template: `
    @if (hero(); as hero) {
      <sr-photo-picture
        class="photo"
        data-testid="vehicle-thumbnail"
        [urls]="hero"
        variant="thumbnail"
        [alt]="alt()"
        [width]="width()"
        [height]="height()"
      />
    } @else {
      <span class="none" data-testid="vehicle-no-photo" role="img" aria-label="No photo yet">
        <mat-icon svgIcon="car" />
      </span>
    }
  `,
  styles: `
    :host {
      display: block;
      flex: none;
      border-radius: 6px;
      overflow: hidden;
    }
    .photo,
    .none {
      width: 100%;
      height: 100%;
    }
    .none {
      display: grid;
      place-items: center;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-outline);
    }
  `,
})
export class VehicleThumbnail {
  readonly hero = input.required<PhotoVariantUrls | null>();
  /** Empty when the row's title says it already (a table row); the vehicle's name on its own. */
  readonly alt = input('');
  readonly width = input(64);
  readonly height = input(48);
}
