import { Component, computed, input } from '@angular/core';
import { PHOTO_VARIANTS, type PhotoVariant, type PhotoVariantUrls } from '@showroom/contracts';

const BY_WIDTH = (Object.keys(PHOTO_VARIANTS) as PhotoVariant[]).sort(
  (a, b) => PHOTO_VARIANTS[a] - PHOTO_VARIANTS[b],
);

/**
 * A photo as `<picture>`: WebP for the browsers that take it, JPEG for the rest. Width and height
 * are the box it fills (the image is cropped to it unless `--sr-photo-fit` says otherwise), so the
 * page keeps its place while it loads. With `sizes`, the browser may pick a larger variant for
 * a sharp photo on a dense screen; without, it gets `variant` alone.
 */
@Component({
  selector: 'sr-photo-picture',
  template: `
    <picture>
      <source type="image/webp" [attr.srcset]="webp()" [attr.sizes]="sizes()" />
      <img
        [src]="urls()[variant()].jpeg"
        [attr.srcset]="jpeg()"
        [attr.sizes]="sizes()"
        [alt]="alt()"
        [width]="width()"
        [height]="height()"
        [attr.loading]="lazy() ? 'lazy' : null"
        [attr.fetchpriority]="lazy() ? null : 'high'"
        decoding="async"
        draggable="false"
      />
    </picture>
  `,
  styles: `
    :host {
      display: block;
      overflow: hidden;
      background: var(--mat-sys-surface-container-high);
    }
    img {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: var(--sr-photo-fit, cover);
    }
  `,
})
export class PhotoPicture {
  readonly urls = input.required<PhotoVariantUrls>();
  /** The smallest variant that looks right in the box. */
  readonly variant = input.required<PhotoVariant>();
  /** How wide the box is drawn (`(max-width: 760px) 100vw, 720px`); null: `variant` only. */
  readonly sizes = input<string | null>(null);
  readonly alt = input.required<string>();
  readonly width = input.required<number>();
  readonly height = input.required<number>();
  /** Off for what shows first (the hero); on for the rest (thumbnails, list rows). */
  readonly lazy = input(true);

  protected readonly webp = computed(() => this.srcset('webp'));
  protected readonly jpeg = computed(() => (this.sizes() ? this.srcset('jpeg') : null));

  private srcset(format: 'webp' | 'jpeg'): string {
    const urls = this.urls();
    if (!this.sizes()) return urls[this.variant()][format];
    const smallest = PHOTO_VARIANTS[this.variant()];
    return BY_WIDTH.filter((variant) => PHOTO_VARIANTS[variant] >= smallest)
      .map((variant) => `${urls[variant][format]} ${PHOTO_VARIANTS[variant]}w`)
      .join(', ');
  }
}
