import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type { PhotoVariantUrls } from '@showroom/contracts';
import { ShopperAnalytics } from '../analytics/shopper-analytics';
import { photoSources } from '../shared/photo-sources';

/**
 * The car's photos as a swipeable strip (CSS scroll snap: works before and without JavaScript),
 * with previous/next buttons and arrow keys once it runs. Only the first photo loads at once.
 */
@Component({
  selector: 'sf-vehicle-gallery',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="gallery" aria-roledescription="carousel" [attr.aria-label]="'Photos of the ' + title()">
      @if (slides().length === 0) {
        <div class="frame empty"><span>Photos coming soon</span></div>
      } @else {
        <div
          #track
          class="frame track"
          tabindex="0"
          [attr.aria-label]="'Photos of the ' + title() + '. Use the arrow keys to see the others.'"
          (keydown)="onKey($event)"
          (scroll)="onScroll()"
        >
          @for (slide of slides(); track slide.index) {
            <div class="slide" role="group" aria-roledescription="slide" [attr.aria-label]="slide.label">
              <picture>
                <source type="image/webp" [attr.srcset]="slide.sources.webp" [attr.sizes]="sizes" />
                <img
                  [src]="slide.sources.src"
                  [attr.srcset]="slide.sources.jpeg"
                  [attr.sizes]="sizes"
                  width="1920"
                  height="1440"
                  [alt]="slide.label"
                  [attr.loading]="slide.index === 0 ? 'eager' : 'lazy'"
                  [attr.fetchpriority]="slide.index === 0 ? 'high' : null"
                  decoding="async"
                />
              </picture>
            </div>
          }
        </div>
        @if (slides().length > 1) {
          <div class="controls">
            <button
              type="button"
              class="step"
              (click)="go(current() - 1)"
              [disabled]="current() === 0"
              aria-label="Previous photo"
            >
              <span aria-hidden="true">‹</span>
            </button>
            <span class="position" aria-live="polite"
              >Photo {{ current() + 1 }} of {{ slides().length }}</span
            >
            <button
              type="button"
              class="step"
              (click)="go(current() + 1)"
              [disabled]="current() === slides().length - 1"
              aria-label="Next photo"
            >
              <span aria-hidden="true">›</span>
            </button>
          </div>
        }
      }
    </section>
  `,
  styles: `
    .frame {
      aspect-ratio: 4 / 3;
      background: #16191d;
      border-radius: 8px;
      overflow: hidden;
    }
    .empty {
      display: grid;
      place-items: center;
      color: #fff;
    }
    .track {
      display: flex;
      overflow-x: auto;
      scroll-snap-type: x mandatory;
      scroll-behavior: smooth;
      scrollbar-width: none;
    }
    .track::-webkit-scrollbar {
      display: none;
    }
    .slide {
      flex: 0 0 100%;
      scroll-snap-align: center;
    }
    .slide img {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: contain;
    }
    .controls {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      margin-top: 0.5rem;
    }
    .step {
      width: 44px;
      height: 44px;
      border: 1px solid var(--sf-line);
      border-radius: 50%;
      background: #fff;
      color: var(--sf-text);
      font-size: 1.5rem;
      line-height: 1;
      cursor: pointer;
    }
    .step[disabled] {
      opacity: 0.4;
      cursor: default;
    }
    .position {
      color: var(--sf-muted);
    }
  `,
})
export class VehicleGallery {
  readonly photos = input.required<PhotoVariantUrls[]>();
  /** "2021 Toyota Camry SE", for the photos' text alternatives. */
  readonly title = input.required<string>();
  /** The car, for analytics: a shopper moving past the first photo has opened the gallery. */
  readonly vehicleId = input<string | null>(null);

  private readonly analytics = inject(ShopperAnalytics);
  private opened = false;

  protected readonly sizes = '(min-width: 1200px) 700px, (min-width: 900px) 58vw, 100vw';
  protected readonly current = signal(0);
  private readonly track = viewChild<ElementRef<HTMLElement>>('track');

  protected readonly slides = computed(() => {
    const photos = this.photos();
    return photos.map((photo, index) => ({
      index,
      sources: photoSources(photo),
      label: `${this.title()}, photo ${index + 1} of ${photos.length}`,
    }));
  });

  protected go(index: number): void {
    const track = this.track()?.nativeElement;
    const last = this.slides().length - 1;
    const target = Math.max(0, Math.min(last, index));
    this.current.set(target);
    this.noteOpened(target);
    track?.scrollTo({ left: target * track.clientWidth });
  }

  protected onKey(event: KeyboardEvent): void {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      this.go(this.current() + step);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      this.go(event.key === 'Home' ? 0 : this.slides().length - 1);
    }
  }

  protected onScroll(): void {
    const track = this.track()?.nativeElement;
    if (!track || track.clientWidth === 0) return;
    const shown = Math.round(track.scrollLeft / track.clientWidth);
    this.current.set(shown);
    this.noteOpened(shown);
  }

  /** Once per car page: the first photo is seen by everyone, going on to the others is what counts. */
  private noteOpened(index: number): void {
    const vehicleId = this.vehicleId();
    if (this.opened || index === 0 || !vehicleId) return;
    this.opened = true;
    this.analytics.galleryOpen(vehicleId);
  }
}
