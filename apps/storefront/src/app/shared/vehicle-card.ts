import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PublicVehicle } from '@showroom/contracts';
import { CONDITION_LABELS } from './labels';
import { formatMileage, priceText } from './format';
import { photoSources } from './photo-sources';
import { vehiclePath } from '../data/vehicle-paths';
import { vehicleTitle } from '../seo/structured-data';

/** A car in a list: photo, name, price and mileage; the whole card opens its page. */
@Component({
  selector: 'sf-vehicle-card',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="card" data-testid="result-card">
      <div class="photo">
        @if (photo(); as sources) {
          <picture>
            <source type="image/webp" [attr.srcset]="sources.webp" [attr.sizes]="sizes" />
            <img
              [src]="sources.src"
              [attr.srcset]="sources.jpeg"
              [attr.sizes]="sizes"
              width="800"
              height="600"
              alt=""
              [attr.loading]="eager() ? 'eager' : 'lazy'"
              [attr.fetchpriority]="eager() ? 'high' : null"
              decoding="async"
            />
          </picture>
        } @else {
          <span class="no-photo">Photos coming soon</span>
        }
      </div>
      <div class="body">
        <h3>
          <a [routerLink]="path()">{{ title() }}</a>
        </h3>
        <p class="meta">{{ condition() }} · {{ mileage() }}</p>
        <p class="price">{{ price() }}</p>
      </div>
    </article>
  `,
  styles: `
    .card {
      position: relative;
      display: flex;
      flex-direction: column;
      height: 100%;
      background: #fff;
      border: 1px solid var(--sf-line);
      border-radius: 8px;
      overflow: hidden;
    }
    .card:hover {
      box-shadow: 0 2px 8px rgb(0 0 0 / 12%);
    }
    .card:focus-within {
      outline: 3px solid var(--sf-focus);
      outline-offset: 2px;
    }
    .photo {
      aspect-ratio: 4 / 3;
      background: var(--sf-muted-bg);
      display: grid;
      place-items: center;
    }
    .photo img {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .no-photo {
      color: var(--sf-muted);
      font-size: 0.875rem;
    }
    .body {
      padding: 0.75rem 1rem 1rem;
    }
    h3 {
      margin: 0 0 0.25rem;
      font-size: 1.0625rem;
      line-height: 1.3;
    }
    h3 a {
      color: inherit;
      text-decoration: none;
    }
    /* The link covers the card, so the whole card is one target and one tab stop. */
    h3 a::after {
      content: '';
      position: absolute;
      inset: 0;
    }
    h3 a:focus-visible {
      outline: none;
    }
    .meta {
      margin: 0;
      color: var(--sf-muted);
      font-size: 0.9375rem;
    }
    .price {
      margin: 0.5rem 0 0;
      font-size: 1.25rem;
      font-weight: 700;
      color: var(--sf-accent);
    }
  `,
})
export class VehicleCard {
  readonly vehicle = input.required<PublicVehicle>();
  /** The first cards of a page are likely the largest paint: load them at once. */
  readonly eager = input(false);

  protected readonly sizes = '(min-width: 1100px) 340px, (min-width: 640px) 50vw, 100vw';
  protected readonly title = computed(() => vehicleTitle(this.vehicle()));
  protected readonly path = computed(() => vehiclePath(this.vehicle()));
  protected readonly price = computed(() => priceText(this.vehicle()));
  protected readonly mileage = computed(() => formatMileage(this.vehicle().mileage));
  protected readonly condition = computed(() => CONDITION_LABELS[this.vehicle().condition]);
  protected readonly photo = computed(() => {
    const hero = this.vehicle().heroPhoto;
    return hero ? photoSources(hero, 'card') : null;
  });
}
