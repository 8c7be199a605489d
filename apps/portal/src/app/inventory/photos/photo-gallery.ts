import { Component, computed, inject, input } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { VehiclePhoto } from '@showroom/contracts';
import { heroOf } from './photo-order';
import { PhotoPicture } from './photo-picture';
import { photoAlt, PhotoViewer, type PhotoViewerData } from './photo-viewer';

/**
 * A vehicle's photos as everyone on the team sees them: the hero large, every photo small beneath it
 * in the shoppers' order; any of them opens the larger view.
 */
@Component({
  selector: 'sr-photo-gallery',
  imports: [PhotoPicture],
  template: `
    <div class="layout">
      @if (hero(); as hero) {
        <button
          type="button"
          class="hero"
          data-testid="gallery-hero"
          [attr.aria-label]="'Open the photos larger, from ' + heroAlt()"
          (click)="view(hero)"
        >
          <sr-photo-picture
            class="hero__photo"
            [urls]="hero.urls"
            variant="card"
            sizes="(max-width: 760px) 100vw, 600px"
            [alt]="heroAlt()"
            [width]="hero.width"
            [height]="hero.height"
            [lazy]="false"
          />
        </button>
      }
      @if (photos().length > 1) {
        <ul class="strip" aria-label="All photos">
          @for (photo of photos(); track photo.id; let index = $index) {
            <li>
              <button
                type="button"
                class="strip__item"
                data-testid="gallery-thumbnail"
                [class.strip__item--hero]="photo.hero"
                [attr.aria-label]="'Open ' + alt(index)"
                (click)="view(photo)"
              >
                <sr-photo-picture
                  class="strip__photo"
                  [urls]="photo.urls"
                  variant="thumbnail"
                  [alt]="alt(index)"
                  [width]="96"
                  [height]="72"
                />
              </button>
            </li>
          }
        </ul>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
      container-type: inline-size;
    }
    .layout {
      display: grid;
      gap: 8px;
    }
    button {
      padding: 0;
      border: 0;
      background: none;
      cursor: zoom-in;
      border-radius: 8px;
    }
    button:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .hero {
      display: block;
      width: 100%;
    }
    .hero__photo {
      aspect-ratio: 4 / 3;
      border-radius: 8px;
    }
    .strip {
      display: flex;
      gap: 8px;
      margin: 0;
      padding: 2px 2px 6px;
      list-style: none;
      overflow-x: auto;
    }
    .strip__item {
      display: block;
      border: 2px solid transparent;
    }
    .strip__item--hero {
      border-color: var(--mat-sys-primary);
    }
    .strip__photo {
      width: 96px;
      height: 72px;
      border-radius: 6px;
    }
    /* Wide: the thumbnails beside the hero, as tall as it, scrolling when there are many. */
    @container (min-width: 720px) {
      .layout {
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: 12px;
      }
      .strip {
        flex-wrap: wrap;
        align-content: flex-start;
        height: 0;
        min-height: 100%;
        overflow: hidden auto;
      }
    }
  `,
})
export class PhotoGallery {
  readonly photos = input.required<readonly VehiclePhoto[]>();
  /** "2021 Honda Civic": the alt text of each photo starts with it. */
  readonly vehicleName = input.required<string>();

  private readonly dialog = inject(MatDialog);

  protected readonly hero = computed(() => heroOf(this.photos()));
  protected readonly heroAlt = computed(() => {
    const hero = this.hero();
    return hero ? this.alt(this.photos().indexOf(hero)) : '';
  });

  protected alt(index: number): string {
    return photoAlt(this.vehicleName(), index, this.photos().length);
  }

  protected view(photo: VehiclePhoto): void {
    const data: PhotoViewerData = {
      photos: this.photos(),
      index: this.photos().indexOf(photo),
      vehicleName: this.vehicleName(),
    };
    this.dialog.open(PhotoViewer, {
      data,
      width: '100vw',
      height: '100vh',
      maxWidth: '100vw',
      maxHeight: '100vh',
      ariaLabel: `Photos of ${this.vehicleName()}`,
    });
  }
}
